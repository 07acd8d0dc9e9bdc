import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBinance } from './helpers/fake-binance.js';
import { launch, waitFor } from './helpers/harness.js';

let ex;
let bot;
const tradeIds = [];

beforeAll(async () => {
  ex = await startFakeBinance();
  bot = await launch(ex.url, { max_open_trades: 5, strategy: 'EmaCrossStrategy', timeframe: '1m' });
  await waitFor(async () => (await bot.api.get('/whitelist')).body?.length === 2);
  // Three closed trades (BTC, ETH, BTC) to exercise paging and statistics.
  for (const pair of ['BTC/USDT', 'ETH/USDT', 'BTC/USDT']) {
    const entry = await bot.api.post('/forceenter', { pair, entry_tag: `tag-${pair}` });
    expect(entry.status).toBe(200);
    tradeIds.push(entry.body.trade_id);
    expect((await bot.api.post('/forceexit', { tradeid: entry.body.trade_id })).status).toBe(200);
    await waitFor(
      async () => (await bot.api.get(`/trade/${entry.body.trade_id}`)).body.is_open === false,
    );
  }
});
afterAll(async () => {
  await bot?.close();
  await ex?.close();
});

describe('§2.1 bot control and info', () => {
  it('/show_config has the documented types (§10.8)', async () => {
    const c = (await bot.api.get('/show_config')).body;
    expect(c.api_version).toBe(2.4);
    expect(c.version).toBe('2024.10');
    expect(c.stake_amount).toBe('100');
    expect(c.max_open_trades).toBe(5);
    expect(c.state).toBe('running');
    expect(c.runmode).toBe('dry_run');
    expect(c.timeframe_ms).toBe(60000);
    expect(c.timeframe_min).toBe(1);
    expect(c.bot_name).toBe('sim-bot');
    expect(c.exchange).toBe('binance');
  });

  it('/start when running says already running', async () => {
    expect((await bot.api.post('/start')).body).toEqual({ status: 'already running' });
  });
});

describe('§2.2 trades', () => {
  it('/trades: closed trades only, id ascending, paging fields (§9.6, §10.4)', async () => {
    const open = await bot.api.post('/forceenter', { pair: 'ETH/USDT' });
    const all = (await bot.api.get('/trades')).body;
    expect(all.total_trades).toBe(3);
    expect(all.trades.map((t) => t.trade_id)).toEqual(tradeIds);
    expect(all.trades.every((t) => t.is_open === false)).toBe(true);
    expect(all.trades[0]).toHaveProperty('trade_duration_s');
    expect(all.trades[0].orders[0]).toHaveProperty('ft_is_entry', true);
    const page = (await bot.api.get('/trades?limit=2&offset=1')).body;
    expect(page).toMatchObject({ trades_count: 2, offset: 1, total_trades: 3 });
    expect(page.trades.map((t) => t.trade_id)).toEqual(tradeIds.slice(1));
    const zero = (await bot.api.get('/trades?limit=0&offset=2')).body;
    expect(zero.trades.map((t) => t.trade_id)).toEqual([...tradeIds].reverse());
    const status = (await bot.api.get('/status')).body;
    expect(status.map((t) => t.trade_id)).toEqual([open.body.trade_id]);
    expect(status[0]).toHaveProperty('current_rate', 3000);
    expect(status[0]).toHaveProperty('stoploss_current_dist_ratio');
    expect(status[0].close_profit).toBeNull();
    await bot.api.post('/forceexit', { tradeid: open.body.trade_id });
  });

  it('/trade/{id} is singular; unknown → 404 Trade not found.; non-int → 422 (§10.5)', async () => {
    const one = await bot.api.get(`/trade/${tradeIds[0]}`);
    expect(one.status).toBe(200);
    expect(one.body.trade_id).toBe(tradeIds[0]);
    expect(one.body.open_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const missing = await bot.api.get('/trade/9999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Trade not found.' });
    const bad = await bot.api.get('/trade/abc');
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ type: 'int_parsing', loc: ['path', 'tradeid'] });
  });

  it('DELETE /trades/{id} unknown → 502 invalid argument (§9.1)', async () => {
    const r = await bot.api.del('/trades/9999');
    expect(r.status).toBe(502);
    expect(r.body).toEqual({ error: 'Error querying /api/v1/trades/9999: invalid argument' });
  });

  it('POST /trades/{id}/reload returns the trade; unknown → 502', async () => {
    expect((await bot.api.post(`/trades/${tradeIds[0]}/reload`)).body.trade_id).toBe(tradeIds[0]);
    const r = await bot.api.post('/trades/9999/reload');
    expect(r.status).toBe(502);
    expect(r.body.error).toContain('Could not find trade with id 9999.');
  });

  it('forceenter validation: missing pair 422, short on spot, wrong stake currency, bad symbol', async () => {
    const r = await bot.api.post('/forceenter', {});
    expect(r.status).toBe(422);
    expect(r.body.detail[0]).toMatchObject({
      type: 'missing',
      loc: ['body', 'pair'],
      msg: 'Field required',
    });
    const bad = await bot.api.call('POST', '/forceenter', { raw: '{not json' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].type).toBe('json_invalid');
    const short = await bot.api.post('/forceenter', { pair: 'BTC/USDT', side: 'short' });
    expect(short.body.error).toContain("Can't go short on Spot markets.");
    const wrong = await bot.api.post('/forceenter', { pair: 'ETH/BTC' });
    expect(wrong.body.error).toContain(
      'Wrong pair selected. Only pairs with stake-currency USDT allowed.',
    );
    const unknown = await bot.api.post('/forceenter', { pair: 'NOPE/USDT' });
    expect(unknown.status).toBe(502);
    expect(unknown.body.error).toContain('Symbol does not exist or market is not active.');
  });

  it('forceenter twice on one pair → position already open; forceexit unknown → invalid argument', async () => {
    const first = await bot.api.post('/forceenter', { pair: 'BTC/USDT', stakeamount: 50 });
    expect(first.body.stake_amount).toBeCloseTo(50, 0);
    const again = await bot.api.post('/forceenter', { pair: 'BTC/USDT' });
    expect(again.body.error).toBe(
      `Error querying /api/v1/forceenter: position for BTC/USDT already open - id: ${first.body.trade_id}`,
    );
    const exit = await bot.api.post('/forceexit', { tradeid: '424242' });
    expect(exit.body.error).toContain('invalid argument');
    const alias = await bot.api.post('/forcebuy', { pair: 'ETH/USDT' });
    expect(alias.body.pair).toBe('ETH/USDT');
    expect((await bot.api.post('/forcesell', { tradeid: alias.body.trade_id })).body).toEqual({
      result: `Created exit order for trade ${alias.body.trade_id}.`,
    });
    expect((await bot.api.post('/forceexit', { tradeid: 'all' })).body).toEqual({
      result: 'Created exit orders for all open trades.',
    });
  });
});

describe('§2.3 statistics', () => {
  it('/count, /profit, /performance, /entries, /exits, /mix_tags, /stats', async () => {
    await waitFor(async () => (await bot.api.get('/status')).body.length === 0);
    expect((await bot.api.get('/count')).body).toEqual({ current: 0, max: 5, total_stake: 0 });
    const p = (await bot.api.get('/profit')).body;
    expect(p.closed_trade_count).toBe(6);
    expect(p.trade_count).toBe(6);
    // Flat prices: every trade loses its fees, so no winners and a profit factor of 0.
    expect(p.losing_trades).toBe(6);
    expect(p.profit_factor).toBe(0);
    expect(p.first_trade_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const perf = (await bot.api.get('/performance')).body;
    expect(perf.map((r) => r.pair).sort()).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(perf[0]).toHaveProperty('profit_pct');
    const entries = (await bot.api.get('/entries?pair=ETH/USDT')).body;
    expect(entries.map((e) => e.enter_tag).sort()).toEqual(['force_entry', 'tag-ETH/USDT']);
    const exits = (await bot.api.get('/exits')).body;
    expect(exits).toEqual([expect.objectContaining({ exit_reason: 'force_exit', count: 6 })]);
    const mix = (await bot.api.get('/mix_tags')).body;
    expect(mix.some((m) => m.mix_tag === 'force_entry force_exit')).toBe(true);
    const stats = (await bot.api.get('/stats')).body;
    expect(stats.exit_reasons.force_exit).toBeDefined();
    expect(Object.keys(stats.durations).sort()).toEqual(['draws', 'losses', 'wins']);
  });

  it('/daily, /weekly, /monthly: exactly timescale rows; timescale 0 → 502; non-int → 422', async () => {
    const d = (await bot.api.get('/daily')).body;
    expect(d.data).toHaveLength(7);
    expect(d.data[0].trade_count).toBe(6);
    expect(d.data[0].date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect((await bot.api.get('/weekly')).body.data).toHaveLength(4);
    expect((await bot.api.get('/monthly?timescale=2')).body.data).toHaveLength(2);
    const zero = await bot.api.get('/daily?timescale=0');
    expect(zero.status).toBe(502);
    expect(zero.body.error).toBe(
      'Error querying /api/v1/daily: timescale must be an integer greater than 0',
    );
    expect((await bot.api.get('/daily?timescale=x')).status).toBe(422);
  });

  it('/balance in dry-run: Simulated balances', async () => {
    const b = (await bot.api.get('/balance')).body;
    expect(b.note).toBe('Simulated balances');
    expect(b.stake).toBe('USDT');
    expect(b.currencies[0].currency).toBe('USDT');
    expect(b.starting_capital).toBeCloseTo(990, 5);
  });

  it('/edge → 502 Edge is not enabled.', async () => {
    expect((await bot.api.get('/edge')).body.error).toContain('Edge is not enabled.');
  });
});

describe('§2.4 pair lists and locks', () => {
  it('blacklist add/delete with per-pair errors, whitelist shrinks', async () => {
    const add = (await bot.api.post('/blacklist', { blacklist: ['ETH/USDT', 'XRP/.*', '('] })).body;
    expect(add.blacklist).toEqual(['ETH/USDT', 'XRP/.*']);
    expect(add.blacklist_expanded).toEqual(['ETH/USDT', 'XRP/USDT']);
    expect(add.errors).toEqual({ '(': { error_msg: 'Pair ( is not a valid wildcard.' } });
    expect((await bot.api.get('/whitelist')).body.whitelist).toEqual(['BTC/USDT']);
    const dup = (await bot.api.post('/blacklist', { blacklist: ['ETH/USDT'] })).body;
    expect(dup.errors['ETH/USDT'].error_msg).toBe('Pair ETH/USDT already in pairlist.');
    const del = await bot.api.del(
      '/blacklist?pairs_to_delete=ETH/USDT&pairs_to_delete=XRP/.*&pairs_to_delete=DOGE/USDT',
    );
    expect(del.status).toBe(200);
    expect(del.body.blacklist).toEqual([]);
    expect(del.body.errors['DOGE/USDT'].error_msg).toBe(
      'Pair DOGE/USDT is not in the current blacklist.',
    );
    expect((await bot.api.get('/whitelist')).body).toEqual({
      whitelist: ['BTC/USDT', 'ETH/USDT'],
      length: 2,
      method: ['StaticPairList'],
    });
  });

  it('locks: POST takes an array, naive until → 422, end rounded up to the candle, delete by id and pair', async () => {
    const naive = await bot.api.post('/locks', [
      { pair: 'ETH/USDT', until: '2099-01-01T12:00:30' },
    ]);
    expect(naive.status).toBe(422);
    expect(naive.body.detail[0].loc).toEqual(['body', 0, 'until']);
    const until = new Date(Date.now() + 3600_000 + 30_000).toISOString();
    const r = (
      await bot.api.post('/locks', [
        { pair: 'ETH/USDT', until, reason: 'manual' },
        { pair: 'BTC/USDT', until: until.replace('T', ' '), side: 'long' },
      ])
    ).body;
    expect(r.lock_count).toBe(1);
    const lock = r.locks[0];
    expect(lock).toMatchObject({ pair: 'ETH/USDT', side: '*', reason: 'manual', active: true });
    expect(lock.lock_end_timestamp % 60000).toBe(0);
    expect(lock.lock_end_timestamp).toBeGreaterThanOrEqual(Date.parse(until));
    expect(lock.lock_end_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:00$/);
    expect((await bot.api.del(`/locks/${lock.id}`)).body.lock_count).toBe(0);
    await bot.api.post('/locks', [{ pair: '*', until }]);
    expect((await bot.api.post('/locks/delete', { pair: '*' })).body).toEqual({
      lock_count: 0,
      locks: [],
    });
  });
});

describe('§2.5 candles, strategies, misc', () => {
  it('pair_candles GET needs pair+timeframe (422 missing), returns PairHistory', async () => {
    const missing = await bot.api.get('/pair_candles?timeframe=1m');
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([
      { type: 'missing', loc: ['query', 'pair'], msg: 'Field required', input: null },
    ]);
    await waitFor(
      async () => (await bot.api.get('/pair_candles?pair=BTC/USDT&timeframe=1m')).body.length > 0,
    );
    const h = (await bot.api.get('/pair_candles?pair=BTC/USDT&timeframe=1m&limit=10')).body;
    expect(h.length).toBe(10);
    expect(h.columns).toEqual(
      expect.arrayContaining(['date', 'close', 'ema_fast', 'enter_long', '__date_ts']),
    );
    expect(h.data[0][0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    expect(h.last_analyzed_ts).toBeLessThan(1e11);
    expect(h.data_start_ts).toBeGreaterThan(1e12);
    const post = (
      await bot.api.post('/pair_candles', {
        pair: 'BTC/USDT',
        timeframe: '1m',
        limit: 5,
        columns: ['ema_fast'],
      })
    ).body;
    expect(post.columns).toContain('ema_fast');
    expect(post.columns).not.toContain('ema_slow');
  });

  it('strategies, strategy/{name}, plot_config', async () => {
    const list = (await bot.api.get('/strategies')).body.strategies;
    expect(list).toEqual([
      'AlwaysEnterStrategy',
      'BollingerBreakoutStrategy',
      'EmaCrossStrategy',
      'NeverEnterStrategy',
      'RandomSeededStrategy',
      'RsiMeanReversionStrategy',
    ]);
    const s = (await bot.api.get('/strategy/EmaCrossStrategy')).body;
    expect(s.strategy).toBe('EmaCrossStrategy');
    expect(s.timeframe).toBe('5m');
    expect(s.code).toContain('class EmaCrossStrategy(IStrategy):');
    const unknown = await bot.api.get('/strategy/Nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ detail: 'Strategy not found' });
    const b64 = await bot.api.get('/strategy/abc:def');
    expect(b64.status).toBe(500);
    expect(b64.body).toEqual({ detail: 'base64 encoded strategies are not allowed.' });
    expect((await bot.api.get('/plot_config')).body.main_plot).toHaveProperty('ema_fast');
    expect((await bot.api.get('/plot_config?strategy=NeverEnterStrategy')).body).toEqual({});
  });

  it('health uses seconds; logs ring buffer; sysinfo; pair_history without data → 502 detail', async () => {
    const h = (await bot.api.get('/health')).body;
    expect(h.last_process_ts).toBeLessThan(1e11);
    expect(h.last_process).toMatch(/Z$/);
    const logs = (await bot.api.get('/logs?limit=5')).body;
    expect(logs.log_count).toBe(5);
    const [date, ts, name, level] = logs.logs[0];
    expect(date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(ts).toBeGreaterThan(1e12);
    expect(name).toMatch(/^freqtrade/);
    expect(['INFO', 'WARNING', 'ERROR']).toContain(level);
    const t0 = Date.now();
    const sys = (await bot.api.get('/sysinfo')).body;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(Array.isArray(sys.cpu_pct)).toBe(true);
    expect(typeof sys.ram_pct).toBe('number');
    const ph = await bot.api.get(
      '/pair_history?pair=BTC/USDT&timeframe=5m&timerange=20240101-20240201&strategy=EmaCrossStrategy',
    );
    expect(ph.status).toBe(502);
    expect(ph.body).toEqual({ detail: 'No data for BTC/USDT, 5m in 20240101-20240201 found.' });
  });
});

describe('§2.6 / §9.2 webserver-only endpoints in trade mode', () => {
  it.each([
    ['GET', '/backtest'],
    ['POST', '/backtest'],
    ['DELETE', '/backtest'],
    ['GET', '/backtest/abort'],
    ['GET', '/backtest/history'],
    ['GET', '/background'],
    ['GET', '/pairlists/available'],
    ['POST', '/pairlists/evaluate'],
  ])('%s %s → 503 after auth, 401 without', async (method, path) => {
    const r = await bot.api.call(method, path, method === 'GET' ? {} : { body: {} });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ detail: 'Bot is not in the correct state.' });
    expect((await bot.api.call(method, path, { headers: { authorization: '' } })).status).toBe(401);
  });
});

describe('§9.3 no trailing slashes, exact methods', () => {
  it('GET with trailing slash → 404 Not Found (no redirect)', async () => {
    const r = await bot.api.get('/status/');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ detail: 'Not Found' });
  });
  it('POST with trailing slash, unknown POST, wrong method → 405', async () => {
    for (const [m, p] of [
      ['POST', '/start/'],
      ['POST', '/nope'],
      ['GET', '/start'],
      ['POST', '/pause'],
    ]) {
      const r = await bot.api.call(m, p);
      expect(r.status).toBe(405);
      expect(r.body).toEqual({ detail: 'Method Not Allowed' });
    }
  });
  it('unknown GET → 404', async () => {
    expect((await bot.api.get('/profit_all')).status).toBe(404);
  });
});
