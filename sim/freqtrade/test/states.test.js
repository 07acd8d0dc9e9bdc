import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { connectWs, launch, sleep, waitFor } from './helpers/harness.js';

const DEAD_EXCHANGE = 'http://127.0.0.1:9';
const bots = [];
afterAll(() => Promise.all(bots.map((b) => b.close())));
async function start(overrides, opts) {
  const b = await launch(DEAD_EXCHANGE, overrides, opts);
  bots.push(b);
  // §3.1: /ping answers before initial_state is applied; wait for it like a client would.
  if (overrides.initial_state !== undefined || !('initial_state' in overrides)) {
    const want = overrides.initial_state ?? 'running';
    await waitFor(async () => (await b.api.get('/show_config')).body.state === want);
  }
  return b;
}
const state = async (b) => (await b.api.get('/show_config')).body.state;

describe('§3 states in API 2.40', () => {
  it('§3.1 initial_state absent → stopped; §9.2 a stopped bot answers 200, only /count etc. give 502', async () => {
    const b = await start({ initial_state: undefined });
    expect(await state(b)).toBe('stopped');
    expect((await b.api.get('/status')).status).toBe(200);
    expect((await b.api.get('/trades')).body).toEqual({
      trades: [],
      trades_count: 0,
      offset: 0,
      total_trades: 0,
    });
    const profit = (await b.api.get('/profit')).body;
    expect(profit.profit_factor).toBeNull();
    expect(profit.first_trade_date).toBe('');
    expect(profit.first_trade_timestamp).toBe(0);
    expect(profit.avg_duration).toBe('0:00:00');
    for (const [m, p, body] of [
      ['GET', '/count'],
      ['POST', '/forceenter', { pair: 'BTC/USDT' }],
      ['POST', '/forceexit', { tradeid: 1 }],
      ['DELETE', '/trades/1/open-order'],
    ]) {
      const r = await b.api.call(m, p, { body });
      expect(r.status).toBe(502);
      expect(r.body).toEqual({ error: `Error querying /api/v1${p}: trader is not running` });
    }
    const health = (await b.api.get('/health')).body;
    expect(health.last_process).toBeNull();
    expect(health.bot_startup_ts).toBeNull();
    expect(health.bot_start_ts).toBeNull();
  });

  it('§3.2 /start, /stop and their already-* answers', async () => {
    const b = await start({ initial_state: 'stopped' });
    expect((await b.api.post('/stop')).body).toEqual({ status: 'already stopped' });
    expect((await b.api.post('/start')).body).toEqual({ status: 'starting trader ...' });
    expect(await state(b)).toBe('running');
    expect((await b.api.post('/start')).body).toEqual({ status: 'already running' });
    const health = await waitFor(async () => {
      const h = (await b.api.get('/health')).body;
      return h.bot_startup_ts !== null ? h : null;
    });
    expect(health.bot_start_ts).toBeLessThan(1e11);
    expect(health.bot_start).toMatch(/Z$/);
    expect((await b.api.post('/stop')).body).toEqual({ status: 'stopping trader ...' });
    expect(await state(b)).toBe('stopped');
  });

  it('§10.1 /stopentry keeps running and sets max_open_trades 0; /stopbuy is an alias; no /pause', async () => {
    const b = await start({});
    const msg = { status: 'No more entries will occur from now. Run /reload_config to reset.' };
    expect((await b.api.post('/stopentry')).body).toEqual(msg);
    const cfg = (await b.api.get('/show_config')).body;
    expect(cfg.state).toBe('running');
    expect(cfg.max_open_trades).toBe(0);
    expect((await b.api.get('/count')).body.max).toBe(0);
    expect((await b.api.post('/stopbuy')).body).toEqual(msg);
    expect((await b.api.post('/pause')).status).toBe(405);
  });

  it('§10.2 /reload_config re-reads files, restarts the server on the same port, drops WS, back to initial_state', async () => {
    const b = await start({ initial_state: undefined, bot_name: 'before' });
    await b.api.post('/start');
    await b.api.post('/stopentry');
    await b.api.post('/blacklist', { blacklist: ['ETH/USDT'] });
    const ws = await connectWs(b.baseUrl, 'sim-ws-token');
    ws.send({ type: 'subscribe', data: ['status'] });
    await sleep(100);
    const cfg = JSON.parse(fs.readFileSync(b.configPath, 'utf8'));
    cfg.bot_name = 'after';
    fs.writeFileSync(b.configPath, JSON.stringify(cfg));
    expect((await b.api.post('/reload_config')).body).toEqual({ status: 'Reloading config ...' });
    expect(await state(b)).toBe('reload_config');
    expect(await ws.closed).toBeGreaterThan(0);
    expect(ws.messages).toContainEqual({ type: 'status', status: 'reload_config' });
    const after = await waitFor(async () => {
      try {
        const c = (await b.api.get('/show_config')).body;
        return c.bot_name === 'after' ? c : null;
      } catch {
        return null;
      }
    });
    expect(after.state).toBe('stopped');
    expect(after.max_open_trades).toBe(3);
    expect((await b.api.get('/blacklist')).body.blacklist).toEqual([]);
    expect(b.output()).toContain('Reloading configuration...');
  });

  it('§2.1 /stop while a reload is pending answers "already stopped" and the reload still happens', async () => {
    // A long throttle keeps the bot in reload_config until its next iteration.
    const b = await start({ internals: { process_throttle_secs: 5 } });
    expect((await b.api.post('/reload_config')).body).toEqual({ status: 'Reloading config ...' });
    expect((await b.api.post('/stop')).body).toEqual({ status: 'already stopped' });
    expect(await state(b)).toBe('reload_config');
    await waitFor(() => b.output().includes('Reloading configuration...'));
    const after = await waitFor(async () => {
      try {
        return (await state(b)) === 'running';
      } catch {
        return false;
      }
    });
    expect(after).toBe(true);
  });

  it('§2.1 /stopentry while stopped is a no-op with the same answer', async () => {
    const b = await start({ initial_state: 'stopped' });
    expect((await b.api.post('/stopentry')).body).toEqual({
      status: 'No more entries will occur from now. Run /reload_config to reset.',
    });
    expect((await b.api.get('/show_config')).body.max_open_trades).toBe(3);
    await b.api.post('/start');
    expect((await b.api.get('/count')).body.max).toBe(3);
  });

  it('§3.2 a broken config file at reload time kills the process', async () => {
    const b = await start({});
    fs.writeFileSync(b.configPath, '{ broken');
    await b.api.post('/reload_config');
    const { code } = await b.exited;
    expect(code).toBe(1);
  });
});

describe('§3.4 the newer API profile (SIM_FREQTRADE_API_VERSION=newer)', () => {
  it('advertises its api_version and has /pause, the paused state, /start resuming', async () => {
    const b = await start({}, { env: { SIM_FREQTRADE_API_VERSION: 'newer' } });
    const cfg = (await b.api.get('/show_config')).body;
    expect(cfg.api_version).toBe(2.42);
    expect(cfg.version).toBe('2025.2');
    const paused = await b.api.post('/pause');
    expect(paused.status).toBe(200);
    expect(await state(b)).toBe('paused');
    expect((await b.api.get('/count')).status).toBe(200);
    expect((await b.api.post('/start')).body).toEqual({ status: 'starting trader ...' });
    expect(await state(b)).toBe('running');
    await b.api.post('/stopentry');
    expect(await state(b)).toBe('paused');
    await b.api.post('/start');
    await b.api.post('/stopbuy');
    expect(await state(b)).toBe('paused');
    expect((await b.api.get('/show_config')).body.max_open_trades).toBe(3);
  });

  it('upstream beyond §3.4: /pause from stopped starts paused (startup messages), /stop from paused, initial_state "paused"', async () => {
    const b = await start(
      { initial_state: 'stopped' },
      { env: { SIM_FREQTRADE_API_VERSION: 'newer' } },
    );
    const ws = await connectWs(b.baseUrl, 'sim-ws-token');
    ws.send({ type: 'subscribe', data: ['status', 'startup'] });
    await sleep(100);
    expect((await b.api.post('/pause')).body).toEqual({
      status:
        'starting bot with trader in paused state, no entries will occur. Run /start to enable entries.',
    });
    expect(await state(b)).toBe('paused');
    expect(await ws.next((m) => m.type === 'status')).toEqual({ type: 'status', status: 'paused' });
    expect((await ws.next((m) => m.type === 'startup')).status).toContain('*Exchange:*');
    ws.ws.close();
    // _force_entry_validations still needs RUNNING; _rpc_force_exit only refuses STOPPED.
    const enter = await b.api.post('/forceenter', { pair: 'BTC/USDT' });
    expect(enter.body.error).toBe('Error querying /api/v1/forceenter: trader is not running');
    const exit = await b.api.post('/forceexit', { tradeid: '1' });
    expect(exit.body.error).toBe('Error querying /api/v1/forceexit: invalid argument');
    expect((await b.api.post('/stop')).body).toEqual({ status: 'stopping trader ...' });
    const p = await launch(
      DEAD_EXCHANGE,
      { initial_state: 'paused' },
      { env: { SIM_FREQTRADE_API_VERSION: 'newer' }, waitState: false },
    );
    bots.push(p);
    await waitFor(async () => (await state(p)) === 'paused');
  });

  it('adds /profit_all and ge=1 validation on /trades?limit; --sim-api-version flag works too', async () => {
    const b = await start({}, { args: ['--sim-api-version', 'newer'] });
    const all = (await b.api.get('/profit_all')).body;
    expect(all.all).toHaveProperty('profit_all_coin', 0);
    const r = await b.api.get('/trades?limit=0');
    expect(r.status).toBe(422);
    expect(r.body.detail[0]).toMatchObject({ type: 'greater_than_equal', loc: ['query', 'limit'] });
    const spec = (await b.api.get('/openapi.json')).body;
    expect(spec.paths['/api/v1/pause'].post).toBeDefined();
  });
});
