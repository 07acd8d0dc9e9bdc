import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createRateGuard } from '../../src/adapters/exchange/rate-guard.js';
import { SPOT_ONLY_OPTIONS, createSpotBinance } from '../../src/adapters/exchange/spot-binance.js';

import { captureLogger, makeAdapter, received, summary } from './exchange-helpers.js';

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

const HOUR = 3_600_000;

describe('exchange adapter: markets', () => {
  it('when markets are read twice, then only the first read sends exchangeInfo (and /time)', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    await adapter.markets();
    await adapter.market('ETH/USDT');

    expect(summary(received(sim))).toEqual([
      'GET /api/v3/exchangeInfo 200',
      'GET /api/v3/time 200',
    ]);
  });

  it('when a market is asked for, then it comes back as a domain market', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const btc = await adapter.market('BTC/USDT');
    const unknown = await adapter.market('NOPE/USDT');

    expect(btc).toEqual({
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
      active: true,
      minNotional: 5,
      minAmount: 0.00001,
      amountStep: 0.00001,
      priceTick: 0.01,
    });
    expect(unknown).toBeUndefined();
  });

  it('when markets are filtered by quote, then only that quote is listed', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const usdt = await adapter.markets({ quote: 'USDT' });
    const eur = await adapter.markets({ quote: 'EUR' });

    expect(usdt).toHaveLength(12);
    expect(usdt.every((m) => m.quote === 'USDT')).toBe(true);
    expect(usdt.map((m) => m.symbol)).toContain('SOL/USDT');
    expect(eur).toEqual([]);
  });

  it('when the TTL passes, then the next read loads the markets again', async () => {
    let clock = 1_000_000;
    const { adapter } = makeAdapter(sim.httpUrl, { now: () => clock });
    await adapter.markets();
    const loadedAt = adapter.figures().marketsLoadedAt;

    clock += HOUR - 1;
    await adapter.markets();
    const beforeTtl = received(sim, '/api/v3/exchangeInfo').length;
    clock += 1;
    await adapter.market('BTC/USDT');

    expect(loadedAt).toBe(1_000_000);
    expect(beforeTtl).toBe(1);
    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(2);
    expect(adapter.figures().marketsLoadedAt).toBe(1_000_000 + HOUR);
  });

  it('when a custom TTL is given, then it is used', async () => {
    let clock = 0;
    const { adapter } = makeAdapter(sim.httpUrl, { now: () => clock, marketsTtlMs: 5_000 });
    await adapter.markets();

    clock = 5_000;
    await adapter.markets();

    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(2);
  });

  it('when a refresh is asked for, then the markets load at once, fresh or not', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    await adapter.markets();

    await adapter.refreshMarkets();

    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(2);
  });

  it('when three reads start together, then one exchangeInfo serves them all', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const results = await Promise.all([
      adapter.markets(),
      adapter.market('BTC/USDT'),
      adapter.markets({ quote: 'USDT' }),
    ]);

    expect(results[1]?.symbol).toBe('BTC/USDT');
    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(1);
  });

  it('when a refresh fails, then the cached markets are served and the next try waits a minute', async () => {
    let clock = 0;
    const { adapter, log } = makeAdapter(sim.httpUrl, { now: () => clock });
    await adapter.markets();
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'status', status: 503 });

    clock = HOUR;
    const stale = await adapter.market('BTC/USDT');
    clock = HOUR + 59_000;
    await adapter.markets();
    const attemptsWithinMinute = received(sim, '/api/v3/exchangeInfo').length;
    sim.control.clearFaults();
    clock = HOUR + 60_000;
    await adapter.markets();

    expect(stale?.symbol).toBe('BTC/USDT');
    expect(attemptsWithinMinute).toBe(2);
    expect(log.messages()).toContain(
      'Binance markets could not be refreshed; the cached ones are served',
    );
    expect(adapter.figures().marketsLoadedAt).toBe(HOUR + 60_000);
  });

  it('when the first load fails, then the error is thrown and the next read tries again', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'status', status: 503, count: 1 });

    const first = adapter.markets();
    await expect(first).rejects.toMatchObject({ code: 'exchange-unavailable', httpStatus: 503 });
    const second = await adapter.market('BTC/USDT');

    expect(second?.base).toBe('BTC');
    expect(received(sim, '/api/v3/exchangeInfo')).toHaveLength(2);
  });

  it('when an on-demand refresh fails, then it throws even with markets cached', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    await adapter.markets();
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'status', status: 502, count: 1 });

    await expect(adapter.refreshMarkets()).rejects.toMatchObject({ code: 'exchange-unavailable' });
    expect(await adapter.market('BTC/USDT')).toBeDefined();
  });
});

describe('exchange adapter: ccxt set-up', () => {
  it('when the client is built, then every REST URL ccxt knows points at restUrl, path kept', () => {
    const guard = createRateGuard({
      now: Date.now,
      logger: captureLogger().logger,
      maxWaitMs: 0,
      clockOffsetMs: () => null,
    });

    const exchange = createSpotBinance({
      restUrl: 'http://127.0.0.1:9/',
      wsUrl: 'ws://127.0.0.1:9/stream/ws',
      timeoutMs: 1000,
      credentials: null,
      hooks: { guard, contexts: new WeakMap() },
    });
    const { ws, ...rest } = exchange.urls.api as Record<string, unknown>;

    expect(Object.keys(rest)).toEqual(
      expect.arrayContaining(['public', 'private', 'v1', 'sapi', 'sapiV4', 'fapiPublic', 'papi']),
    );
    for (const url of Object.values(rest)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:9\/[a-z]/);
    expect(rest['sapi']).toBe('http://127.0.0.1:9/sapi/v1');
    expect(rest['public']).toBe('http://127.0.0.1:9/api/v3');
    expect(ws).toEqual({ spot: 'ws://127.0.0.1:9/stream/ws' });
    expect(exchange.options).toMatchObject({
      ...SPOT_ONLY_OPTIONS,
      adjustForTimeDifference: true,
      maxRetriesOnFailure: 0,
    });
    expect(exchange.enableRateLimit).toBe(false);
  });
});
