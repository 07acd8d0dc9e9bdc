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
