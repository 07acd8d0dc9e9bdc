import net from 'node:net';

import ccxt from 'ccxt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { getJson, restClient, startSim } from './helpers.js';

const json = (method, body) => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe('control surface and faults over HTTP', () => {
  let sim;
  let api;

  beforeAll(async () => {
    sim = await startSim();
    api = (path, init) => getJson(`${sim.httpUrl}/__sim${path}`, init);
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => sim.control.reset());

  it('when a key is created with balances and rights, then ccxt sees them and GET never shows the secret', async () => {
    const created = await api(
      '/keys',
      json('POST', {
        apiKey: 'bot-1',
        secret: 'shh-1',
        balances: { USDT: '250.5', ETH: 2 },
        rights: { enableWithdrawals: true },
      }),
    );
    const ex = restClient(sim, { apiKey: 'bot-1', secret: 'shh-1' });

    const balance = await ex.fetchBalance();
    const rights = await ex.sapiGetAccountApiRestrictions();
    const read = await api('/keys/bot-1');

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ apiKey: 'bot-1', secret: 'shh-1' });
    expect(balance.USDT.free).toBe(250.5);
    expect(balance.ETH.free).toBe(2);
    expect(rights.enableWithdrawals).toBe(true);
    expect(read.body.balances.USDT).toEqual({ free: '250.50000000', locked: '0.00000000' });
    expect(JSON.stringify(read.body)).not.toContain('shh-1');
  });

  it('when a key is generated, then a fresh key and secret come back once', async () => {
    const created = await api('/keys', json('POST', {}));

    expect(created.body.apiKey).toMatch(/^[0-9a-f]{48}$/);
    expect(created.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (
        await restClient(sim, {
          apiKey: created.body.apiKey,
          secret: created.body.secret,
        }).fetchBalance()
      ).USDT.free,
    ).toBe(0);
  });

  it('when balances, rights, prices and the clock are changed over HTTP, then Binance answers follow', async () => {
    const balances = await api('/keys/sim-key/balances', json('PUT', { USDT: '42', BTC: '1' }));
    const rights = await api('/keys/sim-key/rights', json('PUT', { enableReading: false }));
    const price = await api('/prices/ETHUSDT', json('POST', { price: '1234.56' }));
    const ticker = await getJson(`${sim.httpUrl}/api/v3/ticker/price?symbol=ETHUSDT`);
    const account = await restClient(sim)
      .fetchBalance()
      .catch((e) => e);
    const released = await api('/prices/ETHUSDT', { method: 'DELETE' });

    expect(balances.body.balances.USDT.free).toBe('42.00000000');
    expect(rights.body.rights.enableReading).toBe(false);
    expect(price.body).toEqual({ symbol: 'ETHUSDT', price: '1234.56000000', overridden: true });
    expect(ticker.body.price).toBe('1234.56000000');
    expect(account).toBeInstanceOf(ccxt.AuthenticationError);
    expect(released.body.overridden).toBe(false);
  });

  it('when a pair is delisted, then exchangeInfo lists it with that status and ccxt marks it inactive', async () => {
    const set = await api('/markets/ETHUSDT/status', json('PUT', { status: 'BREAK' }));
    const bad = await api('/markets/ETHUSDT/status', json('PUT', { status: 'gone!' }));
    const unknown = await api('/markets/FOOUSDT/status', json('PUT', { status: 'BREAK' }));
    const info = await getJson(`${sim.httpUrl}/api/v3/exchangeInfo?symbol=ETHUSDT`);
    const markets = await restClient(sim).fetchMarkets();
    sim.control.reset();
    const after = await getJson(`${sim.httpUrl}/api/v3/exchangeInfo?symbol=ETHUSDT`);

    expect(set.body).toEqual({ symbol: 'ETHUSDT', status: 'BREAK' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^status: /);
    expect(unknown.status).toBe(400);
    expect(info.body.symbols[0].status).toBe('BREAK');
    expect(markets.find((m) => m.symbol === 'ETH/USDT').active).toBe(false);
    expect(markets.find((m) => m.symbol === 'BTC/USDT').active).toBe(true);
    expect(after.body.symbols[0].status).toBe('TRADING');
  });

  it('when a price path is scripted, then the price moves along it and holds the last point', async () => {
    const started = Date.now();
    await api(
      '/prices/BTCUSDT',
      json('POST', {
        points: [
          { afterMs: 0, price: '50000' },
          { afterMs: 400, price: '40000' },
        ],
      }),
    );
    await new Promise((r) => setTimeout(r, 600));

    const now = await api('/prices/BTCUSDT');
    const from = Math.floor(started / 1000) * 1000;
    const secs = (
      await getJson(`${sim.httpUrl}/api/v3/klines?symbol=BTCUSDT&interval=1s&startTime=${from}`)
    ).body;

    expect(now.body.price).toBe('40000.00000000');
    expect(Math.max(...secs.map((r) => Number(r[2])))).toBeGreaterThanOrEqual(50000);
    expect(secs.at(-1)[4]).toBe('40000.00000000');
  });

  it('when control input is bad, then 400/404 name the field', async () => {
    const cases = await Promise.all([
      api('/keys', json('POST', { balances: { USDT: 'lots' } })),
      api('/keys', json('POST', { rights: { enableEverything: true } })),
      api('/keys', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{oops',
      }),
      api('/prices/NOPEUSDT', json('POST', { price: '1' })),
      api('/prices/BTCUSDT', json('POST', { price: '-3' })),
      api('/faults', json('POST', { path: '/api/v3/time', kind: 'explode' })),
      api('/faults', json('POST', { path: '/api/v3/time', kind: 'status', status: 200 })),
      api('/keys/nobody'),
      api('/nowhere'),
      api('/keys/%ZZ'),
      api('/prices/BTCUSDT', json('POST', { points: [{ afterMs: 1e20, price: '1' }] })),
    ]);

    expect(cases.map((c) => c.status)).toEqual([
      400, 400, 400, 404, 400, 400, 400, 404, 404, 400, 400,
    ]);
    expect(cases[10].body.error).toMatch(/^points\[0\]\.afterMs/);
    expect(cases[0].body.error).toMatch(/^balances\.USDT/);
    expect(cases[1].body.error).toMatch(/^rights\.enableEverything/);
    expect(cases[2].body.error).toMatch(/^body/);
    expect(cases[5].body.error).toMatch(/^kind/);
    expect(cases[6].body.error).toMatch(/^status/);
  });

  it('when a 503 fault is set with a count, then exactly that many requests fail and ccxt sees ExchangeNotAvailable', async () => {
    const fault = await api(
      '/faults',
      json('POST', { path: '/api/v3/ticker/24hr', kind: 'status', status: 503, count: 2 }),
    );
    const ex = restClient(sim);

    const first = await ex.fetchTicker('BTC/USDT').catch((e) => e);
    const second = await getJson(`${sim.httpUrl}/api/v3/ticker/24hr?symbol=BTCUSDT`);
    const third = await getJson(`${sim.httpUrl}/api/v3/ticker/24hr?symbol=BTCUSDT`);

    expect(fault.status).toBe(201);
    expect(first).toBeInstanceOf(ccxt.ExchangeNotAvailable);
    expect(second.body).toBe('Service Unavailable.');
    expect(second.status).toBe(503);
    expect(third.status).toBe(200);
    expect((await api('/faults')).body).toEqual([]);
    const log = (await api('/requests?path=/api/v3/ticker/24hr')).body;
    expect(log.map((e) => [e.status, e.fault])).toEqual([
      [503, 'status'],
      [503, 'status'],
      [200, null],
    ]);
  });

  it('when latency, malformed, drop and hang faults match, then the client sees each of them', async () => {
    await api(
      '/faults',
      json('POST', { path: '/api/v3/ping', kind: 'latency', latencyMs: 300, count: 1 }),
    );
    await api('/faults', json('POST', { path: '/api/v3/time', kind: 'malformed', count: 1 }));
    await api(
      '/faults',
      json('POST', { path: '/api/v3/depth', method: 'GET', kind: 'drop', count: 1 }),
    );
    await api('/faults', json('POST', { path: '/api/v3/avg*', kind: 'hang' }));

    const started = Date.now();
    const slow = await getJson(`${sim.httpUrl}/api/v3/ping`);
    const slowMs = Date.now() - started;
    const malformed = await fetch(`${sim.httpUrl}/api/v3/time`).then((r) => r.text());
    const dropped = await fetch(`${sim.httpUrl}/api/v3/depth?symbol=BTCUSDT`).catch((e) => e);
    const hung = await fetch(`${sim.httpUrl}/api/v3/avgPrice?symbol=BTCUSDT`, {
      signal: AbortSignal.timeout(500),
    }).catch((e) => e);

    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(280);
    expect(() => JSON.parse(malformed)).toThrow(SyntaxError);
    expect(dropped).toBeInstanceOf(TypeError);
    expect(hung.name).toBe('TimeoutError');
    expect((await api('/faults')).body.map((f) => [f.path, f.hits])).toEqual([['/api/v3/avg*', 1]]);
  });

  it('when a WebSocket upgrade path has a drop fault, then the connection fails; after clearing it works', async () => {
    await api('/faults', json('POST', { path: '/ws*', kind: 'drop' }));
    const { WebSocket } = await import('ws');
    const attempt = () =>
      new Promise((resolve) => {
        const ws = new WebSocket(`${sim.wsUrl}/ws`);
        ws.once('open', () => {
          ws.close();
          resolve('open');
        });
        ws.once('error', () => resolve('error'));
      });

    const blocked = await attempt();
    await api('/faults', { method: 'DELETE' });
    const allowed = await attempt();

    expect(blocked).toBe('error');
    expect(allowed).toBe('open');
  });

  it('when 500 and 502 faults answer, then ccxt raises OperationFailed (-1001) and ExchangeNotAvailable', async () => {
    sim.control.addFault({ path: '/api/v3/time', kind: 'status', status: 500, count: 1 });
    sim.control.addFault({ path: '/api/v3/time', kind: 'status', status: 502, count: 1 });
    const ex = restClient(sim);

    const internal = await ex.fetchTime().catch((e) => e);
    const gateway = await ex.fetchTime().catch((e) => e);

    expect(internal).toBeInstanceOf(ccxt.OperationFailed);
    expect(gateway).toBeInstanceOf(ccxt.ExchangeNotAvailable);
    expect(await ex.fetchTime()).toBeGreaterThan(0);
  });

  it('when the prototype aliases are used, then they set the price, read the log and reset', async () => {
    await getJson(`${sim.httpUrl}/api/v3/ping`);
    const set = await getJson(`${sim.httpUrl}/__price?symbol=BTCUSDT&price=30000`, {
      method: 'POST',
    });
    const log = await getJson(`${sim.httpUrl}/__log`);
    const reset = await getJson(`${sim.httpUrl}/__reset`, { method: 'POST' });

    expect(set.body.price).toBe('30000.00000000');
    expect(log.body.map((e) => e.path)).toEqual(['/api/v3/ping']);
    expect(reset.body).toEqual({ ok: true });
    expect(sim.control.requestLog()).toEqual([]);
    expect(sim.control.getPrice('BTCUSDT')).not.toBe('30000.00000000');
  });

  it('when a raw socket sends a request that hangs, then close() still finishes promptly', async () => {
    const other = await startSim();
    other.control.addFault({ path: '*', kind: 'hang' });
    const socket = net.connect(other.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write('GET /api/v3/ping HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 100));

    const started = Date.now();
    await other.close();

    expect(Date.now() - started).toBeLessThan(2000);
    socket.destroy();
  });
});
