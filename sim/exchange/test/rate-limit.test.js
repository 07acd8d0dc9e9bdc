import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clearOfMinuteBoundary, getJson, restClient, startSim } from './helpers.js';

describe('request weight, 429 and 418', () => {
  let sim;

  beforeAll(async () => {
    sim = await startSim({ weightLimit: 50, banSeconds: 30, symbols: ['BTCUSDT', 'ETHUSDT'] });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('when requests add up past the limit, then the header counts weight, 429 carries Retry-After, then 418 bans', async () => {
    await clearOfMinuteBoundary();
    sim.control.reset();

    const ping = await getJson(`${sim.httpUrl}/api/v3/ping`);
    const info = await getJson(`${sim.httpUrl}/api/v3/exchangeInfo`);
    const depth = await getJson(`${sim.httpUrl}/api/v3/depth?symbol=BTCUSDT&limit=500`);
    const k1 = await getJson(`${sim.httpUrl}/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1`);
    const atLimit = await getJson(
      `${sim.httpUrl}/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1`,
    );
    const limited = await getJson(`${sim.httpUrl}/api/v3/ping`);
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await getJson(`${sim.httpUrl}/api/v3/ping`)).status);
    const banned = await getJson(`${sim.httpUrl}/api/v3/time`);

    expect(ping.headers.get('x-mbx-used-weight-1m')).toBe('1');
    expect(info.headers.get('x-mbx-used-weight-1m')).toBe('21');
    expect(depth.headers.get('x-mbx-used-weight-1m')).toBe('46');
    expect(k1.headers.get('x-mbx-used-weight-1m')).toBe('48');
    expect(atLimit.status).toBe(200);
    expect(atLimit.headers.get('x-mbx-used-weight-1m')).toBe('50');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-mbx-used-weight-1m')).toBe('51');
    expect(limited.body.code).toBe(-1003);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(statuses.slice(0, 4)).toEqual([429, 429, 429, 429]);
    expect(statuses.at(-1)).toBe(418);
    expect(banned.status).toBe(418);
    expect(banned.body.msg).toMatch(/IP banned until \d+/);
    expect(Number(banned.headers.get('retry-after'))).toBeGreaterThan(25);
  });

  it('when ccxt hits 429 or 418, then it raises DDoSProtection; reset lifts the ban and the weight', async () => {
    await clearOfMinuteBoundary();
    sim.control.reset();
    const ex = restClient(sim);
    sim.control.addFault({ path: '/api/v3/time', kind: 'status', status: 429, count: 1 });
    await expect(ex.fetchTime()).rejects.toBeInstanceOf(ccxt.DDoSProtection);
    for (let i = 0; i < 60; i += 1) await getJson(`${sim.httpUrl}/api/v3/ping`);
    await expect(ex.fetchTime()).rejects.toBeInstanceOf(ccxt.DDoSProtection);
    expect((await getJson(`${sim.httpUrl}/api/v3/ping`)).status).toBe(418);

    sim.control.reset();
    const after = await getJson(`${sim.httpUrl}/api/v3/ping`);

    expect(after.status).toBe(200);
    expect(after.headers.get('x-mbx-used-weight-1m')).toBe('1');
  });

  it('when errors and unknown paths are answered, then they carry the weight header too', async () => {
    await clearOfMinuteBoundary();
    sim.control.reset();

    const bad = await getJson(`${sim.httpUrl}/api/v3/klines?symbol=NOPE&interval=1m`);
    const unknown = await getJson(`${sim.httpUrl}/api/v3/nothing`);

    expect(bad.headers.get('x-mbx-used-weight-1m')).toBe('2');
    expect(unknown.headers.get('x-mbx-used-weight-1m')).toBe('3');
  });
});
