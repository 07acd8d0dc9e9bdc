import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBinance } from './helpers/fake-binance.js';
import { connectWs, launch, sleep, tempDir, waitFor } from './helpers/harness.js';

// Paths that need resting orders: a 0.1 % spread keeps "same"-side limit orders open.
let ex;
let bot;
let ws;
const dir = tempDir();

beforeAll(async () => {
  ex = await startFakeBinance({ spread: 0.001 });
  bot = await launch(
    ex.url,
    {
      exit_pricing: { price_side: 'same' },
      unfilledtimeout: { entry: 2, exit: 600, unit: 'seconds' },
      api_server: { enable_openapi: true },
    },
    { dir, args: ['--logfile', path.join(dir, 'bot.log')] },
  );
  ws = await connectWs(bot.baseUrl, 'sim-ws-token');
  ws.send({ type: 'subscribe', data: ['entry_cancel', 'exit', 'exit_cancel', 'exit_fill'] });
  await sleep(100);
});
afterAll(async () => {
  ws?.ws.close();
  await bot?.close();
  await ex?.close();
});

describe('open orders, cancels and deletes', () => {
  it('an unfilled exit order can be cancelled: exit_cancel, trade stays open', async () => {
    const t = (await bot.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    expect(t.has_open_orders).toBe(false);
    expect(
      (await bot.api.post('/forceexit', { tradeid: t.trade_id, ordertype: 'limit' })).body.result,
    ).toBe(`Created exit order for trade ${t.trade_id}.`);
    expect((await bot.api.get(`/trade/${t.trade_id}`)).body.has_open_orders).toBe(true);
    const r = await bot.api.del(`/trades/${t.trade_id}/open-order`);
    expect(r.status).toBe(200);
    expect(r.body.is_open).toBe(true);
    expect(r.body.exit_order_status).toBe('user requested order cancel');
    expect(
      await ws.next((m) => m.type === 'exit_cancel' && m.trade_id === t.trade_id),
    ).toMatchObject({
      reason: 'user requested order cancel',
      pair: 'BTC/USDT',
    });
    const none = await bot.api.del(`/trades/${t.trade_id}/open-order`);
    expect(none.body.error).toContain('No open order for trade_id.');
  });

  it('DELETE /trades/{id} cancels open orders and removes the trade', async () => {
    const t = (await bot.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
    await bot.api.post('/forceexit', { tradeid: t.trade_id, ordertype: 'limit' });
    const r = await bot.api.del(`/trades/${t.trade_id}`);
    expect(r.body).toEqual({
      cancel_order_count: 1,
      result: 'success',
      result_msg: `Deleted trade ${t.trade_id}. Closed 1 open orders.`,
      trade_id: t.trade_id,
    });
    expect((await bot.api.get(`/trade/${t.trade_id}`)).status).toBe(404);
  });

  it('unfilledtimeout cancels a resting entry: entry_cancel "cancelled due to timeout, fully cancelled", trade deleted', async () => {
    const t = (
      await bot.api.post('/forceenter', { pair: 'ETH/USDT', price: 1000, ordertype: 'limit' })
    ).body;
    expect(t.has_open_orders).toBe(true);
    const msg = await ws.next((m) => m.type === 'entry_cancel' && m.trade_id === t.trade_id);
    expect(msg.reason).toBe('cancelled due to timeout, fully cancelled');
    expect((await bot.api.get(`/trade/${t.trade_id}`)).status).toBe(404);
  });

  it('partial forceexit keeps the trade open; a too-small remainder is refused', async () => {
    const t = (await bot.api.post('/forceenter', { pair: 'ETH/USDT', ordertype: 'limit' })).body;
    await bot.api.del(
      `/trades/${(await bot.api.get('/status')).body.find((x) => x.pair === 'BTC/USDT').trade_id}`,
    );
    const tiny = await bot.api.post('/forceexit', {
      tradeid: t.trade_id,
      amount: t.amount - 0.0001,
    });
    expect(tiny.status).toBe(502);
    expect(tiny.body.error).toMatch(/Remaining amount of 0\.000\d+ would be too small\./);
    const half = Number((t.amount / 2).toFixed(4));
    await bot.api.post('/forceexit', { tradeid: t.trade_id, amount: half, ordertype: 'market' });
    const fill = await ws.next((m) => m.type === 'exit_fill' && m.trade_id === t.trade_id);
    expect(fill).toMatchObject({ is_final_exit: false, final_profit_ratio: null, sub_trade: true });
    const after = (await bot.api.get(`/trade/${t.trade_id}`)).body;
    expect(after.is_open).toBe(true);
    expect(after.amount).toBeCloseTo(t.amount - half, 6);
    expect(after.realized_profit).toBeLessThan(0);
  });
});

describe('trailing stop', () => {
  it('follows the price up and exits with trailing_stop_loss on the pullback', async () => {
    const t = await launch(ex.url, {
      minimal_roi: { 0: 1 },
      stoploss: -0.1,
      trailing_stop: true,
      trailing_stop_positive: 0.01,
      trailing_stop_positive_offset: 0.02,
      trailing_only_offset_is_reached: true,
      exchange: { pair_whitelist: ['BNB/USDT'] },
    });
    try {
      const trade = (await t.api.post('/forceenter', { pair: 'BNB/USDT' })).body;
      ex.setPrice('BNBUSDT', 600 * 1.05);
      const moved = await waitFor(async () => {
        const s = (await t.api.get(`/trade/${trade.trade_id}`)).body;
        return s.stop_loss_abs > trade.open_rate ? s : null;
      });
      expect(moved.stop_loss_ratio).toBe(-0.01);
      ex.setPrice('BNBUSDT', 600 * 1.02);
      const closed = await waitFor(async () => (await t.api.get('/trades')).body.trades[0]);
      expect(closed.exit_reason).toBe('trailing_stop_loss');
      expect(closed.close_profit).toBeGreaterThan(0);
    } finally {
      ex.setPrice('BNBUSDT', 600);
      await t.close();
    }
  });
});

describe('misc endpoints and options', () => {
  it('/docs serves Swagger UI when enable_openapi is true', async () => {
    const r = await bot.api.get('/docs', { noAuth: true });
    expect(r.status).toBe(200);
    expect(r.text).toContain('swagger');
  });

  it('exchanges, hyperoptloss, freqaimodels, available_pairs answer with their shapes', async () => {
    expect((await bot.api.get('/exchanges')).body.exchanges[0]).toMatchObject({
      name: 'binance',
      valid: true,
    });
    expect((await bot.api.get('/hyperoptloss')).body).toEqual({ loss_functions: [] });
    expect((await bot.api.get('/freqaimodels')).body).toEqual({ freqaimodels: [] });
    expect((await bot.api.get('/available_pairs')).body).toEqual({
      length: 0,
      pairs: [],
      pair_interval: [],
    });
  });

  it('verbosity "info" turns on the access log; unknown whitelist pairs are dropped with a warning', async () => {
    const b = await launch(ex.url, {
      api_server: { verbosity: 'info' },
      exchange: { pair_whitelist: ['BTC/USDT', 'FOO/USDT'] },
    });
    try {
      await b.api.get('/version');
      await waitFor(
        async () => (await b.api.get('/whitelist')).body.whitelist.join() === 'BTC/USDT',
      );
      expect(b.output()).toMatch(
        /uvicorn\.access - INFO - 127\.0\.0\.1:\d+ - "GET \/api\/v1\/version HTTP\/1\.1" 200/,
      );
      expect(b.output()).toContain('Pair FOO/USDT is not compatible with exchange Binance.');
    } finally {
      await b.close();
    }
  });

  it('--logfile receives the same Freqtrade-format lines', async () => {
    const text = fs.readFileSync(path.join(dir, 'bot.log'), 'utf8');
    expect(text).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - freqtrade\.loggers - INFO - Verbosity set to 0$/m,
    );
    expect(text).toContain('freqtrade.rpc.api_server.webserver - INFO - Starting HTTP Server');
  });

  it('live /balance turns an exchange failure into 502 Error getting current tickers.', async () => {
    const live = await launch(ex.url, { dry_run: false, exchange: { key: 'k', secret: 's' } });
    try {
      expect((await live.api.get('/balance')).body.note).toBe('');
      ex.state.failing.add('/api/v3/account');
      const r = await live.api.get('/balance');
      expect(r.status).toBe(502);
      expect(r.body).toEqual({
        error: 'Error querying /api/v1/balance: Error getting current tickers.',
      });
    } finally {
      ex.state.failing.clear();
      await live.close();
    }
  });

  it('ws: a whitelist broadcast is not sent to a client that did not subscribe to it', async () => {
    await waitFor(async () => ws.messages.length > 0);
    expect(
      ws.messages.every((m) =>
        ['entry_cancel', 'exit', 'exit_cancel', 'exit_fill'].includes(m.type),
      ),
    ).toBe(true);
  });
});

describe('strategy protections (contract §6)', () => {
  it('CooldownPeriod from a strategy property locks the pair after an exit and notifies', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'cool.py'),
      [
        '# sim-behaviour: never-enter',
        'from freqtrade.strategy import IStrategy',
        '',
        'class CoolStrategy(IStrategy):',
        '    timeframe = "1m"',
        '    stoploss = -0.1',
        '    minimal_roi = {"0": 1}',
        '',
        '    @property',
        '    def protections(self):',
        '        return [',
        '            {"method": "CooldownPeriod", "stop_duration_candles": 3},',
        '            {"method": "MaxDrawdown", "lookback_period": 60, "trade_limit": 1,',
        '             "stop_duration": 30, "max_allowed_drawdown": 0.0},',
        '        ]',
        '',
      ].join('\n'),
    );
    const b = await launch(ex.url, { strategy: 'CoolStrategy', strategy_path: dir });
    try {
      const c = await connectWs(b.baseUrl, 'sim-ws-token');
      c.send({ type: 'subscribe', data: ['protection_trigger', 'protection_trigger_global'] });
      await sleep(100);
      const t = (await b.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
      await b.api.post('/forceexit', { tradeid: t.trade_id });
      const pairMsg = await c.next((m) => m.type === 'protection_trigger');
      expect(pairMsg).toMatchObject({
        pair: 'ETH/USDT',
        base_currency: 'ETH',
        side: '*',
        active: true,
        reason: 'Cooldown period for 3 candles.',
      });
      const global = await c.next((m) => m.type === 'protection_trigger_global');
      expect(global).toMatchObject({ pair: '*', base_currency: '' });
      expect(global.reason).toMatch(/passed 0 in 60 min, locking 30 min\.$/);
      const locks = (await b.api.get('/locks')).body;
      expect(locks.locks.map((l) => l.pair).sort()).toEqual(['*', 'ETH/USDT']);
      expect(locks.locks.every((l) => l.lock_end_timestamp % 60000 === 0)).toBe(true);
      c.ws.close();
    } finally {
      await b.close();
    }
  });
});
