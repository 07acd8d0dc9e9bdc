import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBinance } from './helpers/fake-binance.js';
import { connectWs, launch, sleep, waitFor } from './helpers/harness.js';

let ex;
let bot;
let pinged = false;

beforeAll(async () => {
  ex = await startFakeBinance();
  bot = await launch(ex.url, {
    initial_state: 'stopped',
    timeframe: '1m',
    api_server: { ws_token: ['first-token', 'sim-ws-token'] },
  });
});
afterAll(async () => {
  await bot?.close();
  await ex?.close();
});

async function open(token = 'sim-ws-token') {
  const c = await connectWs(bot.baseUrl, token);
  c.ws.on('ping', () => {
    pinged = true;
  });
  return c;
}

describe('§4.1 WS authentication', () => {
  it('rejects missing, wrong and refresh tokens with HTTP 403 at the handshake', async () => {
    const { refresh_token: refresh } = (await bot.api.post('/token/login')).body;
    for (const token of [undefined, 'wrong', refresh]) {
      await expect(connectWs(bot.baseUrl, token)).rejects.toMatchObject({ status: 403 });
    }
  });

  it('accepts any configured ws_token and a JWT access token', async () => {
    const { access_token: access } = (await bot.api.post('/token/login')).body;
    for (const token of ['first-token', 'sim-ws-token', access]) {
      const c = await open(token);
      c.ws.close();
    }
  });
});

describe('§4.2 client requests', () => {
  it('sends nothing before a valid subscribe; an invalid topic voids the whole request', async () => {
    const c = await open();
    await bot.api.post('/start');
    await bot.api.post('/stop');
    await sleep(700);
    expect(c.messages).toEqual([]);
    c.send({ type: 'subscribe', data: ['status', 'no-such-topic'] });
    c.send({ type: 'subscribe', data: [] });
    c.send({ type: 'unknown-type' });
    await sleep(100);
    await bot.api.post('/start');
    await bot.api.post('/stop');
    await sleep(700);
    expect(c.messages).toEqual([]);
    c.ws.close();
  });

  it('subscribe replaces the previous list; status events are flat', async () => {
    const c = await open();
    c.send({ type: 'subscribe', data: ['entry'] });
    c.send({ type: 'subscribe', data: ['status', 'startup', 'warning'] });
    await sleep(100);
    await bot.api.post('/start');
    expect(await c.next((m) => m.type === 'status')).toEqual({ type: 'status', status: 'running' });
    await c.next(
      (m) => m.type === 'warning' && m.status === 'Dry run is enabled. All trades are simulated.',
    );
    const startup = await c.next((m) => m.type === 'startup');
    expect(startup.status).toContain('*Exchange:* `binance`');
    expect(c.messages.every((m) => m.type !== 'entry')).toBe(true);
    c.ws.close();
  });

  it('whitelist and analyzed_df requests get one reply each', async () => {
    const c = await open();
    c.send({ type: 'whitelist' });
    expect(await c.next((m) => m.type === 'whitelist')).toEqual({
      type: 'whitelist',
      data: ['BTC/USDT', 'ETH/USDT'],
    });
    await waitFor(
      async () => (await bot.api.get('/pair_candles?pair=BTC/USDT&timeframe=1m')).body.length > 0,
    );
    c.send({ type: 'analyzed_df', data: { limit: 3, pair: 'BTC/USDT' } });
    const df = await c.next((m) => m.type === 'analyzed_df');
    expect(df.data.key).toEqual(['BTC/USDT', '1m', 'spot']);
    expect(df.data.df.__type__).toBe('dataframe');
    const frame = JSON.parse(df.data.df.__value__);
    expect(frame.data).toHaveLength(3);
    expect(frame.columns).toContain('close');
    expect(df.data.la).toMatch(/\+00:00$/);
    c.ws.close();
  });

  it('a frame that is not JSON closes the connection', async () => {
    const c = await open();
    c.send('this is not json');
    expect(await c.closed).toBeGreaterThan(0);
  });
});

describe('§4.3 bot events', () => {
  it('entry/entry_fill/exit/exit_fill are flat with Freqtrade field quirks', async () => {
    const c = await open();
    c.send({ type: 'subscribe', data: ['entry', 'entry_fill', 'exit', 'exit_fill'] });
    await sleep(100);
    const t = (await bot.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
    const entry = await c.next((m) => m.type === 'entry');
    const fill = await c.next((m) => m.type === 'entry_fill');
    expect(entry.trade_id).toBe(t.trade_id);
    expect(fill).toMatchObject({
      trade_id: t.trade_id,
      exchange: 'Binance',
      pair: 'ETH/USDT',
      direction: 'Long',
      leverage: 1,
      enter_tag: 'force_entry',
      buy_tag: 'force_entry',
      open_rate: 3000,
      stake_currency: 'USDT',
      base_currency: 'ETH',
      quote_currency: 'USDT',
      sub_trade: false,
    });
    expect(fill.open_date).toMatch(/\+00:00$/);
    expect(fill).not.toHaveProperty('data');
    await bot.api.post('/forceexit', { tradeid: t.trade_id });
    const exitFill = await c.next((m) => m.type === 'exit_fill');
    expect(exitFill).toMatchObject({
      trade_id: t.trade_id,
      exit_reason: 'force_exit',
      gain: 'loss',
      current_rate: null,
      is_final_exit: true,
    });
    expect(typeof exitFill.profit_ratio).toBe('number');
    expect(c.messages.some((m) => m.type === 'exit')).toBe(true);
    c.ws.close();
  });

  it('entry_cancel when an open entry order is cancelled via DELETE /trades/{id}/open-order', async () => {
    const c = await open();
    c.send({ type: 'subscribe', data: ['entry_cancel'] });
    await sleep(100);
    const t = (
      await bot.api.post('/forceenter', { pair: 'BTC/USDT', price: 100, ordertype: 'limit' })
    ).body;
    expect(t.has_open_orders).toBe(true);
    // The unfilled entry was the trade's only order: handle_cancel_enter deletes the trade, so
    // the endpoint's _rpc_trade_status([id]) finds nothing.
    const r = await bot.api.del(`/trades/${t.trade_id}/open-order`);
    expect(r.status).toBe(502);
    expect(r.body).toEqual({
      error: `Error querying /api/v1/trades/${t.trade_id}/open-order: no active trade`,
    });
    const cancel = await c.next((m) => m.type === 'entry_cancel');
    expect(cancel).toMatchObject({
      trade_id: t.trade_id,
      reason: 'user requested order cancel, fully cancelled',
      sub_trade: false,
    });
    expect((await bot.api.get(`/trade/${t.trade_id}`)).status).toBe(404);
    const again = await bot.api.del(`/trades/${t.trade_id}/open-order`);
    expect(again.body.error).toContain('Invalid trade_id.');
    c.ws.close();
  });

  it('whitelist broadcast on change, new_candle/analyzed_df use data; stop warns about open trades', async () => {
    const c = await open();
    c.send({ type: 'subscribe', data: ['whitelist', 'warning', 'status'] });
    await sleep(100);
    await bot.api.post('/blacklist', { blacklist: ['ETH/USDT'] });
    expect(await c.next((m) => m.type === 'whitelist')).toEqual({
      type: 'whitelist',
      data: ['BTC/USDT'],
    });
    await bot.api.del('/blacklist?pairs_to_delete=ETH/USDT');
    const t = (await bot.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    await bot.api.post('/stop');
    const warn = await c.next(
      (m) => m.type === 'warning' && m.status.includes('open trades active'),
    );
    expect(warn.status).toMatch(/^1 open trades active/);
    await bot.api.post('/start');
    await waitFor(async () => (await bot.api.get('/show_config')).body.state === 'running');
    await bot.api.post('/forceexit', { tradeid: t.trade_id });
    c.ws.close();
  });

  it('new_candle and analyzed_df broadcasts on the first analysis after start', async () => {
    const fresh = await launch(ex.url, { initial_state: 'stopped', timeframe: '1m' });
    try {
      const c = await connectWs(fresh.baseUrl, 'sim-ws-token');
      c.send({ type: 'subscribe', data: ['new_candle', 'analyzed_df'] });
      await sleep(100);
      await fresh.api.post('/start');
      expect(await c.next((m) => m.type === 'new_candle')).toEqual({
        type: 'new_candle',
        data: ['BTC/USDT', '1m', 'spot'],
      });
      const df = await c.next((m) => m.type === 'analyzed_df');
      expect(JSON.parse(df.data.df.__value__).data).toHaveLength(1);
      c.ws.close();
    } finally {
      await fresh.close();
    }
  });

  it('sim-only /__sim/requests counts requests and WS handshakes; /__sim/messages times each message', async () => {
    const sim = (method, path) => bot.api.call(method, path, { noAuth: true });
    await bot.api.post('/start');
    await waitFor(async () => (await bot.api.get('/show_config')).body.state === 'running');
    const reset = (await sim('DELETE', '/__sim/requests')).body;
    expect(reset).toMatchObject({ total: 0, by_path: {} });
    const before = performance.timeOrigin + performance.now();
    const t = (await bot.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    await bot.api.post('/forceexit', { tradeid: t.trade_id });
    (await open()).ws.close();
    const counted = (await sim('GET', '/__sim/requests')).body;
    expect(counted.by_path).toEqual({
      'POST /api/v1/forceenter': 1,
      'POST /api/v1/forceexit': 1,
      'GET /api/v1/message/ws': 1,
    });
    expect(counted.total).toBe(3);
    expect(counted.since).toBeGreaterThanOrEqual(reset.since);
    const fills = (await sim('GET', '/__sim/messages')).body.messages.filter(
      (m) => m.at >= before && m.type.endsWith('_fill'),
    );
    expect(fills.map((m) => [m.type, m.trade_id])).toEqual([
      ['entry_fill', t.trade_id],
      ['exit_fill', t.trade_id],
    ]);
    expect(fills[1].at).toBeLessThanOrEqual(performance.timeOrigin + performance.now());
    const only = (await sim('GET', '/__sim/messages?type=exit_fill')).body.messages;
    expect(only.every((m) => m.type === 'exit_fill')).toBe(true);
    expect((await sim('POST', '/__sim/requests')).status).toBe(405);
  });

  it('§4.4 the server never pings', () => {
    expect(pinged).toBe(false);
  });
});
