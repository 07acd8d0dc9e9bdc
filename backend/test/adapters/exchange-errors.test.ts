import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  AppError,
  UpstreamRejectedError,
  UpstreamUnavailableError,
} from '../../src/domain/errors.js';

import { makeAdapter, received, startProxy, summary } from './exchange-helpers.js';

let sim: SimExchange;
beforeAll(async () => {
  sim = await startExchange({ seed: 7 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.reset();
});

const SIM_KEY = { apiKey: 'sim-key', secret: 'sim-secret' };
const BUY = { symbol: 'BTC/USDT', side: 'buy', type: 'market', amount: 0.001 } as const;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function withCredentials(overrides: Parameters<typeof makeAdapter>[1] = {}) {
  const made = makeAdapter(sim.httpUrl, overrides);
  made.adapter.setCredentials(SIM_KEY);
  await made.adapter.markets();
  sim.control.clearRequestLog();
  return made.adapter;
}

describe('exchange adapter: unreachable and slow', () => {
  it('when nothing listens, then exchange-unavailable (503)', async () => {
    const { adapter } = makeAdapter(`http://127.0.0.1:${await closedPort()}`);

    const act = adapter.markets();

    await expect(act).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(act).rejects.toMatchObject({ code: 'exchange-unavailable', httpStatus: 503 });
  });

  it('when the answer never comes, then exchange-timeout (503) after timeoutMs', async () => {
    const { adapter } = makeAdapter(sim.httpUrl, { timeoutMs: 300 });
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'hang', count: 1 });

    const started = Date.now();
    await expect(adapter.markets()).rejects.toMatchObject({
      code: 'exchange-timeout',
      httpStatus: 503,
    });

    expect(Date.now() - started).toBeLessThan(2000);
    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(1);
  });

  it('when the socket is dropped, then exchange-unavailable and no retry', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'drop', count: 1 });

    await expect(adapter.markets()).rejects.toMatchObject({ code: 'exchange-unavailable' });
    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(1);
  });

  it.each([
    [503, 'a plain-text 503'],
    [502, 'a plain-text 502'],
    [500, "Binance's -1001 internal error"],
  ])('when Binance answers %i (%s), then exchange-unavailable, sent once', async (status) => {
    const { adapter } = makeAdapter(sim.httpUrl);
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'status', status });

    await expect(adapter.markets()).rejects.toMatchObject({
      code: 'exchange-unavailable',
      httpStatus: 503,
      message: `Binance answered the market list with HTTP ${status}`,
    });
    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(1);
  });
});

describe('exchange adapter: answers that cannot be read', () => {
  it('when a 200 is truncated JSON, then exchange-bad-response (502)', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'malformed', count: 1 });

    await expect(adapter.markets()).rejects.toMatchObject({
      code: 'exchange-bad-response',
      httpStatus: 502,
    });
  });

  it('when the account answer lost its balances, then exchange-bad-response', async () => {
    const proxy = await startProxy(sim.httpUrl, (path, body) =>
      path === '/api/v3/account' ? JSON.stringify({ canTrade: true }) : body,
    );
    try {
      const { adapter } = makeAdapter(proxy.url);
      adapter.setCredentials(SIM_KEY);

      const act = adapter.fetchBalance();

      await expect(act).rejects.toBeInstanceOf(UpstreamRejectedError);
      await expect(act).rejects.toMatchObject({ code: 'exchange-bad-response' });
    } finally {
      await proxy.close();
    }
  });

  it('when exchangeInfo lists no usable market, then exchange-bad-response', async () => {
    const proxy = await startProxy(sim.httpUrl, (path, body) =>
      path === '/api/v3/exchangeInfo'
        ? JSON.stringify({ ...(JSON.parse(body) as object), symbols: [] })
        : body,
    );
    try {
      const { adapter } = makeAdapter(proxy.url);

      await expect(adapter.markets()).rejects.toMatchObject({ code: 'exchange-bad-response' });
    } finally {
      await proxy.close();
    }
  });
});

describe('exchange adapter: refusals', () => {
  it('when Binance refuses with a code, then exchange-rejected carries its code and words', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    const body = JSON.stringify({ code: -1100, msg: "Illegal characters found in parameter 'x'." });
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'status', status: 400, body });

    const act = adapter.markets();

    await expect(act).rejects.toBeInstanceOf(UpstreamRejectedError);
    await expect(act).rejects.toMatchObject({
      code: 'exchange-rejected',
      httpStatus: 502,
      details: { upstreamMessage: "Illegal characters found in parameter 'x'.", code: -1100 },
    });
  });

  it('when a path is unknown to Binance (404 -1000), then exchange-rejected', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'status', status: 404 });

    await expect(adapter.markets()).rejects.toMatchObject({
      code: 'exchange-rejected',
      details: { code: -1000 },
    });
  });

  it('when an order needs more than the balance, then exchange-rejected with insufficient-funds', async () => {
    const adapter = await withCredentials();

    await expect(adapter.createOrder({ ...BUY, amount: 5 })).rejects.toMatchObject({
      code: 'exchange-rejected',
      details: {
        code: -2010,
        reason: 'insufficient-funds',
        upstreamMessage: 'Account has insufficient balance for requested action.',
      },
    });
    expect(summary(received(sim))).toEqual(['POST /api/v3/order 400']);
  });

  it('when an order is placed, then it comes back as a domain order', async () => {
    sim.control.setPrice('BTCUSDT', '50000');
    const adapter = await withCredentials();

    const order = await adapter.createOrder({ ...BUY, clientOrderId: 'spotdesk-test-1' });

    expect(order).toMatchObject({
      clientOrderId: 'spotdesk-test-1',
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      status: 'closed',
      amount: 0.001,
      filled: 0.001,
    });
    expect(order.id).toMatch(/^\d+$/);
    expect(order.cost).toBeGreaterThan(49);
  });

  it('when an order meets a 503 or a timeout, then it is sent once and not retried', async () => {
    const adapter = await withCredentials({ timeoutMs: 300 });
    sim.control.addFault({ path: '/api/v3/order', kind: 'status', status: 503, count: 1 });
    sim.control.addFault({ path: '/api/v3/order', kind: 'hang', count: 1 });

    await expect(adapter.createOrder(BUY)).rejects.toMatchObject({ code: 'exchange-unavailable' });
    await expect(adapter.createOrder(BUY)).rejects.toMatchObject({ code: 'exchange-timeout' });

    expect(received(sim, '/api/v3/order').map((e) => e.fault)).toEqual(['status', 'hang']);
  });

  it('when the key is unknown, then exchange-key-invalid (400) with Binance code -2015', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    adapter.setCredentials({ apiKey: 'not-a-key', secret: 'whatever' });

    const act = adapter.fetchBalance();

    await expect(act).rejects.toBeInstanceOf(AppError);
    await expect(act).rejects.toMatchObject({
      code: 'exchange-key-invalid',
      httpStatus: 400,
      details: { code: -2015 },
    });
  });

  it('when a key worked and then stops, then -2015 is still exchange-key-invalid (not a ban)', async () => {
    const adapter = await withCredentials();
    await adapter.fetchBalance();
    sim.control.setKeyRights('sim-key', { enableReading: false });

    await expect(adapter.fetchBalance()).rejects.toMatchObject({ code: 'exchange-key-invalid' });
    expect(adapter.figures().bannedUntil).toBeNull();
  });

  it('when no key is saved, then exchange-key-invalid and nothing is sent', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    adapter.setCredentials(SIM_KEY);
    adapter.setCredentials(null);

    await expect(adapter.fetchBalance()).rejects.toMatchObject({ code: 'exchange-key-invalid' });
    await expect(adapter.createOrder(BUY)).rejects.toMatchObject({ code: 'exchange-key-invalid' });
    expect(adapter.hasCredentials()).toBe(false);
    expect(received(sim)).toEqual([]);
  });

  it('when an amount is below the step, then exchange-rejected and no order is sent', async () => {
    const adapter = await withCredentials();

    await expect(adapter.createOrder({ ...BUY, amount: 0.000001 })).rejects.toMatchObject({
      code: 'exchange-rejected',
      details: { reason: 'invalid-order' },
    });
    expect(received(sim, '/api/v3/order')).toEqual([]);
  });
});
