// The answers of injected `status` / `malformed` faults: Binance bodies, Retry-After, Content-Type,
// the weight header every answer carries, and the ccxt exceptions they turn into.
import ccxt from 'ccxt';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { clearOfMinuteBoundary, getJson, restClient, startSim } from './helpers.js';

const WEIGHT = 'x-mbx-used-weight-1m';

describe('injected fault answers', () => {
  let sim;
  let ex;
  const get = (path) => getJson(`${sim.httpUrl}${path}`);
  const fault = (f) => sim.control.addFault({ count: 1, ...f });

  beforeAll(async () => {
    sim = await startSim({ weightLimit: 6000, banSeconds: 45 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await clearOfMinuteBoundary();
    sim.control.reset();
    ex = restClient(sim);
  });

  it('when a 429 fault answers, then it has the -1003 body, Retry-After to the next minute and the weight header; ccxt raises DDoSProtection', async () => {
    await get('/api/v3/ping');
    fault({ path: '/api/v3/time', kind: 'status', status: 429, count: 2 });

    const raw = await get('/api/v3/time');
    const before = Date.now();
    const err = await ex.fetchTime().catch((e) => e);
    const after = await get('/api/v3/ping');

    expect(raw.status).toBe(429);
    expect(raw.body).toEqual({
      code: -1003,
      msg: 'Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.',
    });
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    const retryAfter = Number(raw.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil((60000 - (before % 60000)) / 1000) + 1);
    expect(raw.headers.get(WEIGHT)).toBe('1');
    // binance.handleErrors throws DDoSProtection for 418/429 before the -1003 → RateLimitExceeded
    // table is consulted, so ccxt 4.5.84 gives the parent class, not RateLimitExceeded.
    expect(err.constructor).toBe(ccxt.DDoSProtection);
    expect(err).not.toBeInstanceOf(ccxt.RateLimitExceeded);
    expect(err.message).toContain('429');
    expect(err.message).toContain('-1003');
    expect(after.status).toBe(200);
    expect(after.headers.get(WEIGHT)).toBe('2');
  });

  it('when a 418 fault answers, then it names the ban end and Retry-After is --ban-seconds; ccxt raises DDoSProtection; no real ban follows', async () => {
    fault({ path: '/api/v3/time', kind: 'status', status: 418, count: 2 });
    const started = Date.now();

    const raw = await get('/api/v3/time');
    const err = await ex.fetchTime().catch((e) => e);
    const after = await get('/api/v3/time');

    expect(raw.status).toBe(418);
    expect(raw.body.code).toBe(-1003);
    const until = Number(/IP banned until (\d+)\./.exec(raw.body.msg)?.[1]);
    expect(until).toBeGreaterThanOrEqual(started + 45000);
    expect(until).toBeLessThan(Date.now() + 45000 + 1000);
    expect(raw.headers.get('retry-after')).toBe('45');
    expect(raw.headers.get(WEIGHT)).toBe('0');
    expect(err.constructor).toBe(ccxt.DDoSProtection);
    expect(err.message).toContain('418');
    expect(after.status).toBe(200);
  });

  it('when 503 and 502 faults answer, then the plain-text body is labelled text/plain, the weight header is there, and ccxt raises ExchangeNotAvailable', async () => {
    await get('/api/v3/ping');
    await get('/api/v3/ping');
    fault({ path: '/api/v3/ticker/24hr', kind: 'status', status: 503 });
    fault({ path: '/api/v3/ticker/24hr', kind: 'status', status: 502 });
    fault({ path: '/api/v3/time', kind: 'status', status: 503 });

    const unavailable = await get('/api/v3/ticker/24hr?symbol=BTCUSDT');
    const gateway = await get('/api/v3/ticker/24hr?symbol=BTCUSDT');
    const err = await ex.fetchTime().catch((e) => e);

    expect(unavailable).toMatchObject({ status: 503, body: 'Service Unavailable.' });
    expect(unavailable.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(unavailable.headers.get(WEIGHT)).toBe('2');
    expect(gateway).toMatchObject({ status: 502, body: 'Bad Gateway.' });
    expect(gateway.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(gateway.headers.get(WEIGHT)).toBe('2');
    expect(err).toBeInstanceOf(ccxt.ExchangeNotAvailable);
  });

  it('when a malformed fault answers, then the truncated JSON still carries JSON type and the weight header; ccxt.fetchTime silently gives undefined', async () => {
    await get('/api/v3/ping');
    fault({ path: '/api/v3/time', kind: 'malformed', count: 2 });

    const res = await fetch(`${sim.httpUrl}/api/v3/time`);
    const text = await res.text();
    const viaCcxt = await ex.fetchTime().catch((e) => e);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get(WEIGHT)).toBe('1');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    // ccxt keeps the unparsable text as the response, so no exception: the caller must check.
    expect(viaCcxt).toBeUndefined();
  });

  it('when 500, other 4xx, custom bodies and sapi paths are faulted, then each answer has its type and its weight header', async () => {
    fault({ path: '/api/v3/ping', kind: 'status', status: 500 });
    fault({ path: '/api/v3/ping', kind: 'status', status: 403 });
    fault({ path: '/api/v3/ping', kind: 'status', status: 504, body: '<html>gateway</html>' });
    fault({ path: '/api/v3/ping', kind: 'status', status: 400, body: '{"code":-1234,"msg":"x"}' });
    fault({ path: '/sapi/v1/system/status', kind: 'status', status: 503 });

    const internal = await get('/api/v3/ping');
    const forbidden = await get('/api/v3/ping');
    const html = await get('/api/v3/ping');
    const custom = await get('/api/v3/ping');
    const sapi = await get('/sapi/v1/system/status');

    expect(internal.body).toMatchObject({ code: -1001 });
    expect(internal.headers.get('content-type')).toMatch(/^application\/json/);
    expect(forbidden).toMatchObject({ status: 403, body: { code: -1000 } });
    expect(html.body).toBe('<html>gateway</html>');
    expect(html.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(custom).toMatchObject({ status: 400, body: { code: -1234 } });
    expect(custom.headers.get('content-type')).toMatch(/^application\/json/);
    for (const r of [internal, forbidden, html, custom]) expect(r.headers.get(WEIGHT)).toBe('0');
    expect(sapi.status).toBe(503);
    expect(sapi.headers.get('x-sapi-used-ip-weight-1m')).toBe('0');
  });

  it('when a request repeats a parameter, then the -1101 answer carries the weight header too', async () => {
    await get('/api/v3/ping');

    const dup = await get('/api/v3/depth?symbol=BTCUSDT&symbol=ETHUSDT');

    expect(dup).toMatchObject({ status: 400, body: { code: -1101 } });
    expect(dup.headers.get(WEIGHT)).toBe('1');
  });

  it('when a WebSocket upgrade hits a 503 fault, then the HTTP answer is 503 text/plain instead of an upgrade', async () => {
    fault({ path: '/ws*', kind: 'status', status: 503 });

    const res = await new Promise((resolve, reject) => {
      const ws = new WebSocket(`${sim.wsUrl}/ws`);
      ws.once('unexpected-response', (_req, response) => {
        let body = '';
        response.on('data', (d) => {
          body += d;
        });
        response.on('end', () => resolve({ status: response.statusCode, response, body }));
      });
      ws.once('open', () => reject(new Error('upgraded despite the fault')));
      ws.once('error', () => undefined);
    });

    expect(res.status).toBe(503);
    expect(res.response.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(res.body).toBe('Service Unavailable.');
  });
});
