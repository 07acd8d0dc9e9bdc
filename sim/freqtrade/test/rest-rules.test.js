import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../src/index.js';
import { startFakeBinance } from './helpers/fake-binance.js';
import { apiClient, connectWs, launch, sleep, tempDir, waitFor } from './helpers/harness.js';

// Error and edge rules of contract §2.2–§2.4 and §9, on a dry-run bot with two slots.
let ex;
let bot;
const dir = tempDir();
const ERR = (p, msg) => ({ error: `Error querying /api/v1${p}: ${msg}` });

beforeAll(async () => {
  ex = await startFakeBinance({ prices: { BTCUSDT: 50000, ETHUSDT: 3000, XRPUSDT: 0.5 } });
  bot = await launch(ex.url, { max_open_trades: 2 }, { dir });
});
afterAll(async () => {
  await bot?.close();
  await ex?.close();
});

const enter = (body) => bot.api.post('/forceenter', body);
const exitAll = async () => {
  await bot.api.post('/forceexit', { tradeid: 'all' });
  await waitFor(async () => (await bot.api.get('/status')).body.length === 0);
};

describe('§2.2 forceenter / forceexit errors', () => {
  it('forceenter on a full bot → 502 Maximum number of trades is reached.', async () => {
    expect((await enter({ pair: 'BTC/USDT' })).status).toBe(200);
    expect((await enter({ pair: 'ETH/USDT' })).status).toBe(200);
    const r = await enter({ pair: 'XRP/USDT' });
    expect(r.status).toBe(502);
    expect(r.body).toEqual(ERR('/forceenter', 'Maximum number of trades is reached.'));
    await exitAll();
  });

  it('validate_stake_amount: a stake >30 % under the minimum → 502 Failed to enter position; others adjusted', async () => {
    const tiny = await enter({ pair: 'BTC/USDT', stakeamount: 1 });
    expect(tiny.status).toBe(502);
    expect(tiny.body).toEqual(ERR('/forceenter', 'Failed to enter position for BTC/USDT.'));
    expect((await bot.api.get('/status')).body).toEqual([]);
    // 4.5 × 1.3 ≥ 5 (the market minimum): raised to 5; 5000 is lowered to what is available.
    const raised = (await enter({ pair: 'BTC/USDT', stakeamount: 4.5 })).body;
    expect(raised.stake_amount).toBeCloseTo(5, 6);
    const lowered = (await enter({ pair: 'ETH/USDT', stakeamount: 5000 })).body;
    expect(lowered.stake_amount).toBeGreaterThan(980);
    expect(lowered.stake_amount).toBeLessThanOrEqual(990 - 5);
    await exitAll();
  });

  it('forceexit of a trade whose unfilled entry it cancels → 502 Failed to exit trade. (trade removed)', async () => {
    const c = await connectWs(bot.baseUrl, 'sim-ws-token');
    c.send({ type: 'subscribe', data: ['entry_cancel'] });
    await sleep(100);
    const t = (await enter({ pair: 'BTC/USDT', price: 100 })).body;
    expect(t.has_open_orders).toBe(true);
    const r = await bot.api.post('/forceexit', { tradeid: t.trade_id });
    expect(r.status).toBe(502);
    expect(r.body).toEqual(ERR('/forceexit', 'Failed to exit trade.'));
    expect(await c.next((m) => m.type === 'entry_cancel')).toMatchObject({
      trade_id: t.trade_id,
      reason: 'forcesold, fully cancelled',
    });
    expect((await bot.api.get(`/trade/${t.trade_id}`)).status).toBe(404);
    c.ws.close();
  });
});

describe('§2.3 statistics edge rules', () => {
  it('/performance comes sorted by profit_abs descending (order as returned)', async () => {
    const trade = async (pair, sym, from, to) => {
      ex.setPrice(sym, from);
      const t = (await enter({ pair })).body;
      ex.setPrice(sym, to);
      await waitFor(
        async () => (await bot.api.get(`/trade/${t.trade_id}`)).body.current_rate === to,
      );
      await bot.api.post('/forceexit', { tradeid: t.trade_id });
      await waitFor(async () => (await bot.api.get(`/trade/${t.trade_id}`)).body.is_open === false);
    };
    await trade('ETH/USDT', 'ETHUSDT', 3000, 2700);
    await trade('XRP/USDT', 'XRPUSDT', 0.5, 0.5);
    await trade('BTC/USDT', 'BTCUSDT', 50000, 55000);
    const perf = (await bot.api.get('/performance')).body;
    expect(perf.map((r) => r.pair)).toEqual(['BTC/USDT', 'XRP/USDT', 'ETH/USDT']);
    expect(perf[0].profit_abs).toBeGreaterThan(perf[1].profit_abs);
    expect(perf[1].profit_abs).toBeGreaterThan(perf[2].profit_abs);
    ex.setPrice('BTCUSDT', 50000);
    ex.setPrice('ETHUSDT', 3000);
  });

  it('/entries and /mix_tags report a null enter_tag as "Other"', async () => {
    const t = (await enter({ pair: 'XRP/USDT', entry_tag: 'to-null' })).body;
    await bot.api.post('/forceexit', { tradeid: t.trade_id });
    await waitFor(async () => (await bot.api.get(`/trade/${t.trade_id}`)).body.is_open === false);
    // A trade without tag, as strategies without enter_tag (or older versions) leave them.
    const db = new Database(path.join(dir, 'tradesv3.dryrun.sqlite'));
    db.prepare('UPDATE trades SET enter_tag = NULL WHERE id = ?').run(t.trade_id);
    db.close();
    const entries = (await bot.api.get('/entries?pair=XRP/USDT')).body;
    expect(entries.find((e) => e.enter_tag === 'Other')).toMatchObject({ count: 1 });
    expect(entries.some((e) => e.enter_tag === 'to-null')).toBe(false);
    const mix = (await bot.api.get('/mix_tags?pair=XRP/USDT')).body;
    expect(mix.map((m) => m.mix_tag)).toContain('Other force_exit');
  });

  it('/count reports max -1 when max_open_trades is -1', async () => {
    const unlimited = await launch(ex.url, { max_open_trades: -1 });
    try {
      expect((await unlimited.api.get('/count')).body).toEqual({
        current: 0,
        max: -1,
        total_stake: 0,
      });
      expect((await unlimited.api.get('/show_config')).body.max_open_trades).toBe(-1);
    } finally {
      await unlimited.close();
    }
  });
});

describe('§2.4 locks', () => {
  it('DELETE /locks/{unknown id} answers 200 with the current locks', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    const added = (await bot.api.post('/locks', [{ pair: 'XRP/USDT', until }])).body;
    const r = await bot.api.del('/locks/999999');
    expect(r.status).toBe(200);
    expect(r.body).toEqual(added);
    expect(r.body.lock_count).toBe(1);
    await bot.api.post('/locks/delete', { pair: 'XRP/USDT' });
  });
});

describe('§9.4 prices that cannot be fetched', () => {
  it('/status shows current_rate and profit_* as null when no ticker can be fetched', async () => {
    const t = (await enter({ pair: 'ETH/USDT' })).body;
    await bot.close();
    ex.state.failing.add('/api/v3/ticker/24hr');
    const again = await startBot({
      config: JSON.parse(fs.readFileSync(bot.configPath, 'utf8')),
      dir,
      waitMs: 20000,
    });
    try {
      const api = apiClient(again.baseUrl);
      await waitFor(() => again.output().includes('Unable to refresh tickers'));
      const [s] = (await api.get('/status')).body;
      expect(s.trade_id).toBe(t.trade_id);
      expect(s).toMatchObject({
        current_rate: null,
        profit_ratio: null,
        profit_pct: null,
        profit_abs: null,
        total_profit_ratio: null,
        stoploss_current_dist: null,
      });
      expect(s.open_rate).toBe(3000);
    } finally {
      ex.state.failing.clear();
      await again.close();
    }
  });
});

describe('live orders the exchange refuses or forgets (§2.2, §9.1)', () => {
  let lex;
  let live;
  beforeAll(async () => {
    // A spread keeps "same"-side exit limits resting; entries at the ask fill at once.
    lex = await startFakeBinance({ spread: 0.001 });
    live = await launch(lex.url, {
      dry_run: false,
      exchange: { key: 'k', secret: 's' },
      exit_pricing: { price_side: 'same' },
    });
  });
  afterAll(async () => {
    await live?.close();
    await lex?.close();
  });

  it('open-order cancel for an order the exchange does not know → 502 Order not found.', async () => {
    const t = (await live.api.post('/forceenter', { pair: 'BTC/USDT', price: 100 })).body;
    expect(t.has_open_orders).toBe(true);
    const orderId = t.orders[0].order_id;
    lex.state.orders = lex.state.orders.filter((o) => String(o.orderId) !== orderId);
    const p = `/trades/${t.trade_id}/open-order`;
    const r = await live.api.del(p);
    expect(r.status).toBe(502);
    expect(r.body).toEqual(ERR(p, 'Order not found.'));
    expect((await live.api.get(`/trade/${t.trade_id}`)).body.has_open_orders).toBe(true);
    // _rpc_delete counts only the cancels the exchange accepted.
    const del = (await live.api.del(`/trades/${t.trade_id}`)).body;
    expect(del).toMatchObject({ result: 'success', cancel_order_count: 0 });
  });

  it('forceexit while the exchange refuses to cancel the resting exit order → 502 Failed to exit trade.', async () => {
    const t = (await live.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
    expect(t.has_open_orders).toBe(false);
    await live.api.post('/forceexit', { tradeid: t.trade_id, ordertype: 'limit' });
    expect((await live.api.get(`/trade/${t.trade_id}`)).body.has_open_orders).toBe(true);
    lex.state.refuseCancel = true;
    try {
      const r = await live.api.post('/forceexit', { tradeid: t.trade_id });
      expect(r.status).toBe(502);
      expect(r.body).toEqual(ERR('/forceexit', 'Failed to exit trade.'));
      const after = (await live.api.get(`/trade/${t.trade_id}`)).body;
      expect(after.is_open).toBe(true);
      expect(after.orders.filter((o) => o.is_open).map((o) => o.ft_order_side)).toEqual(['sell']);
    } finally {
      lex.state.refuseCancel = false;
    }
    await live.api.del(`/trades/${t.trade_id}`);
  });

  it('§9.1 a real uncaught error: the exchange failing the entry order → 500 text/plain', async () => {
    lex.state.failing.add('/api/v3/order');
    try {
      const r = await live.api.post('/forceenter', { pair: 'BTC/USDT' });
      expect(r.status).toBe(500);
      expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(r.text).toBe('Internal Server Error');
    } finally {
      lex.state.failing.clear();
    }
    expect((await live.api.get('/status')).body).toEqual([]);
  });
});
