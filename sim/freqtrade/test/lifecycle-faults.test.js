import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, connectWs, launch, sleep, tempDir, waitFor } from './helpers/harness.js';
import { startBot } from '../src/index.js';

let ex;
beforeAll(async () => {
  ex = await startExchange({ seed: 11 });
});
afterAll(() => ex?.close());

describe('signals and durability (contract §7 Signals)', () => {
  it('SIGTERM: graceful exit 0 within a few seconds, WS gets "process died", DB committed', async () => {
    const b = await launch(ex.httpUrl, {});
    await waitFor(async () => (await b.api.get('/show_config')).body.state === 'running');
    const c = await connectWs(b.baseUrl, 'sim-ws-token');
    c.send({ type: 'subscribe', data: ['status'] });
    await sleep(100);
    const t0 = Date.now();
    b.kill('SIGTERM');
    const { code } = await b.exited;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(c.messages).toContainEqual({ type: 'status', status: 'process died' });
    expect(b.output()).toContain('SIGINT received, aborting ...');
  });

  it('SIGKILL leaves a consistent DB; a restart reloads and resumes the open trade', async () => {
    const dir = tempDir();
    const b = await launch(ex.httpUrl, {}, { dir });
    await waitFor(async () => (await b.api.get('/show_config')).body.state === 'running');
    const open = (await b.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
    const done = (await b.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
    await b.api.post('/forceexit', { tradeid: done.trade_id });
    await waitFor(async () => (await b.api.get('/trades')).body.total_trades === 1);
    b.kill('SIGKILL');
    expect((await b.exited).signal).toBe('SIGKILL');
    const dbFile = path.join(dir, 'tradesv3.dryrun.sqlite');
    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT id, is_open FROM trades ORDER BY id').all()).toEqual([
      { id: open.trade_id, is_open: 1 },
      { id: done.trade_id, is_open: 0 },
    ]);
    db.close();
    const again = await startBot({
      config: JSON.parse(fs.readFileSync(b.configPath, 'utf8')),
      dir,
      waitMs: 20000,
    });
    try {
      const api = apiClient(again.baseUrl);
      const status = (await api.get('/status')).body;
      expect(status.map((t) => t.trade_id)).toEqual([open.trade_id]);
      expect((await api.get('/trades')).body.total_trades).toBe(1);
      await waitFor(async () => (await api.get('/show_config')).body.state === 'running');
      expect(again.output()).toContain('Found 1 open trades in the database');
      expect((await api.post('/forceexit', { tradeid: open.trade_id })).body.result).toBe(
        `Created exit order for trade ${open.trade_id}.`,
      );
    } finally {
      await again.close();
    }
  });
});

describe('cancel_open_orders_on_exit and the open-trades warning (contract §3.2, §7 Signals)', () => {
  it('/stop and SIGTERM cancel open orders; SIGTERM sends process died, then the warning', async () => {
    ex.control.setPrice('ETHUSDT', '3000');
    const dir = tempDir();
    const b = await launch(ex.httpUrl, { cancel_open_orders_on_exit: true }, { dir });
    try {
      await waitFor(async () => (await b.api.get('/show_config')).body.state === 'running');
      const c = await connectWs(b.baseUrl, 'sim-ws-token');
      c.send({ type: 'subscribe', data: ['status', 'warning', 'entry_cancel'] });
      await sleep(100);
      const held = (await b.api.post('/forceenter', { pair: 'BTC/USDT' })).body;
      expect(held.has_open_orders).toBe(false);
      const resting = async () => {
        const t = await b.api.post('/forceenter', { pair: 'ETH/USDT', price: 1500 });
        expect(t.body.has_open_orders).toBe(true);
        return t.body.trade_id;
      };
      const first = await resting();
      await b.api.post('/stop');
      // check_for_open_trades runs on the transition, process_stopped (the cancel) after it.
      const warned = await c.next((m) => m.type === 'warning');
      expect(warned.status).toMatch(/^2 open trades active\.\n\nHandle these trades manually/);
      expect(await c.next((m) => m.type === 'entry_cancel')).toMatchObject({
        trade_id: first,
        reason:
          'cancelled (all unfilled and partially filled open orders cancelled), fully cancelled',
      });
      expect((await b.api.get('/status')).body.map((t) => t.trade_id)).toEqual([held.trade_id]);
      await b.api.post('/start');
      await waitFor(async () => (await b.api.get('/show_config')).body.state === 'running');
      const second = await resting();
      const mark = c.messages.length;
      b.kill('SIGTERM');
      expect((await b.exited).code).toBe(0);
      await sleep(100);
      const tail = c.messages.slice(mark).map((m) => `${m.type}:${m.trade_id ?? m.status}`);
      expect(tail).toEqual([
        'status:process died',
        `entry_cancel:${second}`,
        expect.stringMatching(/^warning:1 open trades active\./),
      ]);
      const db = new Database(path.join(dir, 'tradesv3.dryrun.sqlite'), { readonly: true });
      expect(db.prepare('SELECT id FROM trades ORDER BY id').all()).toEqual([
        { id: held.trade_id },
      ]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM orders WHERE ft_is_open = 1').get().n).toBe(0);
      db.close();
    } finally {
      ex.control.releasePrice('ETHUSDT');
      await b.close();
    }
  });
});

describe('errors in the trading loop (contract §3.2, §4.3; worker.py _process_running)', () => {
  it('an OperationalException (injected) sends exception with a traceback and stops the trader', async () => {
    const b = await launch(ex.httpUrl, {});
    try {
      await waitFor(async () => (await b.api.get('/show_config')).body.state === 'running');
      const c = await connectWs(b.baseUrl, 'sim-ws-token');
      c.send({ type: 'subscribe', data: ['exception', 'status'] });
      await sleep(100);
      const set = await b.api.call('POST', '/__sim/faults', {
        body: { mode: 'loop_operational', count: 1 },
        noAuth: true,
      });
      expect(set.status).toBe(200);
      const exc = await c.next((m) => m.type === 'exception');
      expect(Object.keys(exc).sort()).toEqual(['status', 'type']);
      expect(exc.status).toMatch(
        /^\*OperationalException:\*\n```\nTraceback \(most recent call last\):\n/,
      );
      expect(exc.status).toContain(
        'freqtrade.exceptions.OperationalException: Simulated OperationalException (fault injection)\n```',
      );
      expect(exc.status).toMatch(/ Issue `\/start` if you think it is safe to restart\.$/);
      expect(await c.next((m) => m.type === 'status')).toEqual({
        type: 'status',
        status: 'stopped',
      });
      expect((await b.api.get('/show_config')).body.state).toBe('stopped');
      expect(b.output()).toContain(
        'freqtrade.worker - ERROR - OperationalException. Stopping trader ...',
      );
      expect((await b.api.post('/start')).body).toEqual({ status: 'starting trader ...' });
      expect(await c.next((m) => m.status === 'running')).toEqual({
        type: 'status',
        status: 'running',
      });
    } finally {
      await b.close();
    }
  });

  it('a TemporaryError (injected) is logged, the loop waits 30 s (no exception, still running); SIGTERM ends the wait', async () => {
    const b = await launch(ex.httpUrl, {});
    await waitFor(async () => (await b.api.get('/show_config')).body.state === 'running');
    const c = await connectWs(b.baseUrl, 'sim-ws-token');
    c.send({ type: 'subscribe', data: ['exception', 'status'] });
    await sleep(100);
    await b.api.call('POST', '/__sim/faults', {
      body: { mode: 'loop_temporary', count: 1 },
      noAuth: true,
    });
    await waitFor(() =>
      b
        .output()
        .includes(
          'WARNING - Error: Simulated TemporaryError (fault injection), retrying in 30 seconds...',
        ),
    );
    // No iteration completes during the wait (process_throttle_secs is 1).
    const before = (await b.api.get('/health')).body.last_process;
    await sleep(2500);
    expect((await b.api.get('/health')).body.last_process).toBe(before);
    expect((await b.api.get('/show_config')).body.state).toBe('running');
    expect(c.messages).toEqual([]);
    const t0 = Date.now();
    b.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('fault injection (outside /api/v1)', () => {
  let b;
  beforeAll(async () => {
    b = await launch(ex.httpUrl, {});
  });
  afterAll(() => b?.close());
  const setFault = (f) => b.api.call('POST', '/__sim/faults', { body: f, noAuth: true });

  it('rejects a bad fault spec with 400 naming the field', async () => {
    const r = await setFault({ mode: 'explode' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^mode must be one of/);
    expect((await setFault({ mode: 'latency', latency_ms: -1 })).body.error).toBe(
      'latency_ms must be a non-negative integer',
    );
    expect((await setFault({ mode: 'loop_operational', path: '^/x' })).body.error).toBe(
      'path only applies to HTTP fault modes',
    );
    expect((await setFault({ mode: 'error500', when: 'now' })).body.error).toBe(
      'when is not a fault field',
    );
  });

  it('latency delays matching API answers', async () => {
    await setFault({ mode: 'latency', latency_ms: 600, path: '^/api/v1/version$' });
    const t0 = Date.now();
    expect((await b.api.get('/version')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(550);
    const t1 = Date.now();
    await b.api.get('/ping');
    expect(Date.now() - t1).toBeLessThan(500);
    await b.api.call('DELETE', '/__sim/faults', { noAuth: true });
  });

  it('error500 and garbage JSON, limited by count', async () => {
    await setFault({ mode: 'error500', count: 1 });
    const r = await b.api.get('/status');
    expect(r.status).toBe(500);
    expect(r.text).toBe('Internal Server Error');
    expect((await b.api.get('/status')).status).toBe(200);
    await setFault({ mode: 'garbage', count: 1 });
    const g = await b.api.get('/status');
    expect(g.status).toBe(200);
    expect(g.body).toBeUndefined();
    expect((await b.api.call('GET', '/__sim/faults', { noAuth: true })).body).toEqual({
      fault: null,
    });
  });

  it('hang never answers; silent drops the connection', async () => {
    await setFault({ mode: 'hang', count: 1 });
    await expect(
      fetch(`${b.baseUrl}/api/v1/ping`, { signal: AbortSignal.timeout(800) }),
    ).rejects.toThrow();
    await setFault({ mode: 'silent', count: 1 });
    await expect(fetch(`${b.baseUrl}/api/v1/ping`)).rejects.toThrow();
    expect((await b.api.get('/ping')).status).toBe(200);
  });

  it('crash exits the process with the given code', async () => {
    const c = await launch(ex.httpUrl, {});
    const r = await c.api.call('POST', '/__sim/faults', {
      body: { mode: 'crash', exit_code: 7 },
      noAuth: true,
    });
    expect(r.status).toBe(200);
    expect((await c.exited).code).toBe(7);
  });

  it('SIM_FREQTRADE_FAULTS applies a fault from the start', async () => {
    const c = await launch(
      ex.httpUrl,
      {},
      {
        env: {
          SIM_FREQTRADE_FAULTS: JSON.stringify({ mode: 'error500', path: '^/api/v1/status$' }),
        },
      },
    );
    try {
      expect((await c.api.get('/status')).status).toBe(500);
      expect((await c.api.get('/version')).status).toBe(200);
    } finally {
      await c.close();
    }
  });
});
