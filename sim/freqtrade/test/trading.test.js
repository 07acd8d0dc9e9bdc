import { startExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitFor } from './helpers/harness.js';

// Trading against the shared Binance-Spot simulator (sim/exchange), through ccxt as configured.
let ex;
const bots = [];
beforeAll(async () => {
  ex = await startExchange({ seed: 7 });
});
afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await ex?.close();
});

async function start(overrides, opts) {
  const b = await launch(ex.httpUrl, overrides, opts);
  bots.push(b);
  await waitFor(
    async () =>
      (await b.api.get('/show_config')).body.state === (overrides.initial_state ?? 'running'),
  );
  return b;
}

const orderRequests = () => ex.control.requestLog({ path: '/api/v3/order' });

describe('dry-run trading', () => {
  it('always-enter fills max_open_trades slots from exchange prices, sends no orders', async () => {
    ex.control.clearRequestLog();
    const b = await start({
      strategy: 'AlwaysEnterStrategy',
      max_open_trades: 2,
      exchange: { pair_whitelist: ['BTC/USDT', 'ETH/USDT', 'BNB/USDT'] },
    });
    const open = await waitFor(async () => {
      const s = (await b.api.get('/status')).body;
      return s.length === 2 && s.every((t) => !t.has_open_orders) ? s : null;
    });
    expect(open.map((t) => t.pair)).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(open[0].enter_tag).toBe('always');
    expect(open[0].open_rate).toBeGreaterThan(0);
    expect((await b.api.get('/count')).body).toMatchObject({ current: 2, max: 2 });
    const balance = (await b.api.get('/balance')).body;
    expect(balance.currencies.map((c) => c.currency).sort()).toEqual(['BTC', 'ETH', 'USDT']);
    expect(orderRequests()).toEqual([]);
    await b.close();
  });

  it('stake_amount "unlimited" splits the tradable balance; available_capital caps it', async () => {
    const b = await start({ stake_amount: 'unlimited', max_open_trades: 4 });
    const t = (await b.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    expect(t.stake_amount).toBeGreaterThan(245);
    expect(t.stake_amount).toBeLessThanOrEqual(247.5);
    const c = await start({
      stake_amount: 'unlimited',
      max_open_trades: 4,
      available_capital: 400,
    });
    const t2 = (await c.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    expect(t2.stake_amount).toBeGreaterThan(98);
    expect(t2.stake_amount).toBeLessThanOrEqual(100);
    expect((await c.api.get('/show_config')).body.available_capital).toBe(400);
    await b.close();
    await c.close();
  });

  it('§9.1 a real uncaught error: a fixed stake above the balance (DependencyException) → 500 text/plain', async () => {
    const b = await start({ stake_amount: 5000 });
    const r = await b.api.post('/forceenter', { pair: 'BTC/USDT' });
    expect(r.status).toBe(500);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe('Internal Server Error');
    expect((await b.api.get('/status')).body).toEqual([]);
    expect(b.output()).toContain('is lower than stake amount (5000 USDT)');
    await b.close();
  });

  it('amend_last_stake_amount shrinks the last stake to what is left, down to last_stake_amount_min_ratio', async () => {
    const b = await start({
      stake_amount: 60,
      available_capital: 100,
      amend_last_stake_amount: true,
    });
    const first = (await b.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    const second = (await b.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
    const third = await b.api.post('/forceenter', { pair: 'BNB/USDT' });
    // Stakes land a little under the asked value: amounts are truncated to the lot step.
    expect(first.stake_amount).toBeGreaterThan(59);
    expect(first.stake_amount).toBeLessThanOrEqual(60);
    expect(second.stake_amount).toBeGreaterThan(39);
    expect(second.stake_amount).toBeLessThanOrEqual(100 - first.stake_amount + 1e-9);
    // Too little is left (under half a stake): no stake, so the force entry fails (no 500).
    expect(third.status).toBe(502);
    expect(third.body).toEqual({
      error: 'Error querying /api/v1/forceenter: Failed to enter position for BNB/USDT.',
    });
    const plain = await start({ stake_amount: 60, available_capital: 100 });
    await plain.api.post('/forceenter', { pair: 'BTC/USDT' });
    expect((await plain.api.post('/forceenter', { pair: 'ETH/USDT' })).status).toBe(500);
    await b.close();
    await plain.close();
  });

  it('exits on the stoploss when the price falls, and on minimal_roi when it rises', async () => {
    ex.control.setPrice('ETHUSDT', '3000');
    ex.control.setPrice('SOLUSDT', '150');
    const b = await start({
      minimal_roi: { 0: 0.03 },
      stoploss: -0.05,
      exchange: { pair_whitelist: ['ETH/USDT', 'SOL/USDT'] },
    });
    const eth = (await b.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
    const sol = (await b.api.post('/forceenter', { pair: 'SOL/USDT' })).body;
    ex.control.setPrice('ETHUSDT', String(eth.open_rate * 0.9));
    ex.control.setPrice('SOLUSDT', String(sol.open_rate * 1.1));
    const closed = await waitFor(async () => {
      const r = (await b.api.get('/trades')).body;
      return r.total_trades === 2 ? r.trades : null;
    });
    const byPair = Object.fromEntries(closed.map((t) => [t.pair, t]));
    expect(byPair['ETH/USDT'].exit_reason).toBe('stop_loss');
    expect(byPair['ETH/USDT'].close_profit).toBeLessThan(0);
    expect(byPair['SOL/USDT'].exit_reason).toBe('roi');
    expect(byPair['SOL/USDT'].close_profit).toBeGreaterThan(0.03);
    const profit = (await b.api.get('/profit')).body;
    expect(profit.winning_trades).toBe(1);
    expect(profit.losing_trades).toBe(1);
    expect(typeof profit.profit_factor).toBe('number');
    ex.control.releasePrice('ETHUSDT');
    ex.control.releasePrice('SOLUSDT');
    await b.close();
  });

  it('force_entry_enable false → 502 Force_entry not enabled.', async () => {
    const b = await start({ force_entry_enable: false });
    const r = await b.api.post('/forceenter', { pair: 'BTC/USDT' });
    expect(r.status).toBe(502);
    expect(r.body.error).toBe('Error querying /api/v1/forceenter: Force_entry not enabled.');
    await b.close();
  });
});

describe('live trading on the exchange simulator', () => {
  it('places a market entry with the configured key, then a STOP_LOSS_LIMIT on the exchange', async () => {
    ex.control.createKey({ apiKey: 'live-key', secret: 'live-secret', balances: { USDT: '5000' } });
    ex.control.setPrice('BTCUSDT', '60000');
    ex.control.clearRequestLog();
    const b = await start({
      dry_run: false,
      db_url: undefined,
      exchange: { key: 'live-key', secret: 'live-secret', pair_whitelist: ['BTC/USDT'] },
      order_types: {
        entry: 'market',
        exit: 'market',
        stoploss: 'market',
        stoploss_on_exchange: true,
      },
      stoploss: -0.05,
    });
    expect((await b.api.get('/show_config')).body).toMatchObject({
      runmode: 'live',
      dry_run: false,
      stoploss_on_exchange: true,
    });
    const t = (await b.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    expect(t).toHaveProperty('trade_id');
    const posts = await waitFor(() => {
      const p = orderRequests().filter((r) => r.method === 'POST');
      return p.length >= 2 ? p : null;
    });
    expect(posts[0].body).toContain('type=MARKET');
    expect(posts[0].body).toContain('side=BUY');
    // The order landed on the configured key's account (the request log masks the key itself).
    const btc = ex.control.getAccount('live-key').balances.BTC;
    expect(Number(btc.free) + Number(btc.locked)).toBeGreaterThan(0);
    expect(posts[1].body).toContain('type=STOP_LOSS_LIMIT');
    expect(posts[1].body).toMatch(/stopPrice=5[67]\d{3}/);
    const status = (await b.api.get('/status')).body[0];
    expect(status.orders.map((o) => o.ft_order_side)).toEqual(['buy', 'stoploss']);
    const balance = (await b.api.get('/balance')).body;
    expect(balance.note).toBe('');
    expect(balance.currencies.find((c) => c.currency === 'BTC').balance).toBeGreaterThan(0);
    // Between stopPrice (95 %) and its limit (95 % × 0.99): the stop triggers and its limit fills.
    ex.control.setPrice('BTCUSDT', '56700');
    const closed = await waitFor(async () => (await b.api.get('/trades')).body.trades[0]);
    expect(closed.exit_reason).toBe('stoploss_on_exchange');
    expect(closed.close_rate).toBeLessThan(60000);
    expect(b.output()).not.toContain('live-secret');
    ex.control.releasePrice('BTCUSDT');
    await b.close();
  });
});
