import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { TooManyRequestsError } from '../../src/domain/errors.js';

import { makeAdapter, received, retryAfterWillBe, summary } from './exchange-helpers.js';

let sim: SimExchange;
beforeAll(async () => {
  sim = await startExchange({ seed: 7, banSeconds: 2 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.reset();
});

const SIM_KEY = { apiKey: 'sim-key', secret: 'sim-secret' };

/** An adapter with the markets and clock already loaded, and the request log cleared. */
async function warmAdapter(overrides: Parameters<typeof makeAdapter>[1] = {}) {
  const made = makeAdapter(sim.httpUrl, overrides);
  made.adapter.setCredentials(SIM_KEY);
  await made.adapter.markets();
  sim.control.clearRequestLog();
  return made;
}

describe('exchange adapter: 429', () => {
  it('when a read gets a 429, then it waits for Retry-After and is sent once more', async () => {
    const { adapter, log } = makeAdapter(sim.httpUrl);
    sim.control.addFault({ path: '/api/v3/exchangeInfo', kind: 'status', status: 429, count: 1 });
    retryAfterWillBe(sim, 2);

    const started = Date.now();
    const pending = adapter.markets();
    // Read the figure while the call waits (on a busy machine the 429 itself may take a moment).
    let during: number | null = null;
    for (let i = 0; i < 150 && during === null; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      during = adapter.figures().rateLimitedUntil;
    }
    const markets = await pending;
    const elapsed = Date.now() - started;

    const calls = received(sim, '/api/v3/exchangeInfo');
    expect(markets).toHaveLength(12);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    // The wait is what the 429 said: about 2 s, or 1 s if this machine was slow to send it.
    // (The sim's request times are on its own, skewed clock: only their difference is ours.)
    const until = during ?? 0;
    expect(until - started).toBeGreaterThanOrEqual(900);
    expect(started + elapsed).toBeGreaterThanOrEqual(until);
    expect((calls[1]?.time ?? 0) - (calls[0]?.time ?? 0)).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(6000);
    expect(during).toBeGreaterThan(Date.now() - 1000);
    expect(adapter.figures().rateLimitedUntil).toBeNull();
    expect(log.messages()).toContain(
      'Binance rate limit reached (429): REST calls wait until Retry-After has passed',
    );
  });

  it('when one call got a 429, then every other call waits too before it sends', async () => {
    // Skewed first, so the adapter measures the skewed clock and its signed retry is valid.
    retryAfterWillBe(sim, 2);
    const { adapter } = await warmAdapter();
    sim.control.addFault({ path: '/api/v3/account', kind: 'status', status: 429, count: 1 });

    const first = adapter.fetchBalance();
    await new Promise((r) => setTimeout(r, 200));
    const limitedAt = received(sim).at(-1)?.time ?? 0;
    const second = adapter.refreshMarkets();
    await Promise.all([first, second]);

    const log = received(sim);
    expect(log[0]).toMatchObject({ path: '/api/v3/account', status: 429 });
    const afterLimit = log.slice(1);
    expect(afterLimit.length).toBeGreaterThanOrEqual(3);
    for (const entry of afterLimit) expect(entry.time - limitedAt).toBeGreaterThanOrEqual(1500);
    expect(afterLimit.every((e) => e.status === 200)).toBe(true);
  });

  it('when Retry-After is longer than the wait allowed, then exchange-rate-limited at once', async () => {
    const { adapter } = await warmAdapter({ maxRateLimitWaitMs: 500 });
    sim.control.addFault({ path: '/api/v3/account', kind: 'status', status: 429, count: 1 });
    retryAfterWillBe(sim, 3);

    const started = Date.now();
    const error = await adapter.fetchBalance().then(
      () => null,
      (e: unknown) => e,
    );
    const again = adapter.refreshMarkets();
    await expect(again).rejects.toMatchObject({ code: 'exchange-rate-limited' });

    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error).toMatchObject({ code: 'exchange-rate-limited', httpStatus: 429 });
    const { retryAfterSeconds } = error as TooManyRequestsError;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(2);
    expect(retryAfterSeconds).toBeLessThanOrEqual(3);
    expect((error as TooManyRequestsError).details).toEqual({ retryAfterSeconds });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(summary(received(sim))).toEqual(['GET /api/v3/account 429']);
  });

  it('when a read gets 429 twice, then it is not sent a third time', async () => {
    const { adapter } = await warmAdapter();
    sim.control.addFault({ path: '/api/v3/account', kind: 'status', status: 429, count: 2 });
    retryAfterWillBe(sim, 1);

    await expect(adapter.fetchBalance()).rejects.toMatchObject({ code: 'exchange-rate-limited' });

    expect(summary(received(sim))).toEqual(['GET /api/v3/account 429', 'GET /api/v3/account 429']);
  });

  it('when an order gets a 429, then it is not retried and no order exists', async () => {
    const { adapter } = await warmAdapter();
    sim.control.addFault({ path: '/api/v3/order', kind: 'status', status: 429, count: 1 });
    retryAfterWillBe(sim, 1);

    const order = adapter.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      amount: 0.001,
    });

    await expect(order).rejects.toMatchObject({ code: 'exchange-rate-limited', httpStatus: 429 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(summary(received(sim, '/api/v3/order'))).toEqual(['POST /api/v3/order 429']);
    expect(sim.control.getAccount('sim-key').balances['USDT']?.free).toMatch(/^10000(\.0+)?$/);
  });

  it('when the sim itself counts the weight past its limit, then its 429 is honoured the same way', async () => {
    const limited = await startExchange({ seed: 7, weightLimit: 45 });
    try {
      const { adapter } = makeAdapter(limited.httpUrl, { maxRateLimitWaitMs: 500 });
      retryAfterWillBe(limited, 30);
      await adapter.markets();
      await adapter.refreshMarkets();

      await expect(adapter.refreshMarkets()).rejects.toMatchObject({
        code: 'exchange-rate-limited',
      });
      expect(summary(limited.control.requestLog()).slice(-1)).toEqual([
        'GET /api/v3/exchangeInfo 429',
      ]);
      expect(adapter.figures().usedWeight1m).toBeGreaterThan(45);
      expect(adapter.figures().rateLimitedUntil).toBeGreaterThan(Date.now() + 20_000);
    } finally {
      await limited.close();
    }
  });
});

describe('exchange adapter: 418', () => {
  it('when Binance bans the IP, then nothing is sent until the ban ends', async () => {
    const { adapter, log } = await warmAdapter();
    sim.control.addFault({ path: '/api/v3/account', kind: 'status', status: 418, count: 1 });

    const first = adapter.fetchBalance();
    await expect(first).rejects.toMatchObject({
      code: 'exchange-banned',
      httpStatus: 503,
      details: { until: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    const during = await Promise.allSettled([
      adapter.refreshMarkets(),
      adapter.fetchBalance(),
      adapter.checkKey(SIM_KEY),
      adapter.createOrder({ symbol: 'BTC/USDT', side: 'buy', type: 'market', amount: 0.001 }),
    ]);
    const sentDuringBan = received(sim).length;
    const { bannedUntil } = adapter.figures();
    await new Promise((r) => setTimeout(r, Math.max(0, (bannedUntil ?? 0) - Date.now()) + 50));
    const after = await adapter.fetchBalance();

    expect(during.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    for (const r of during) {
      expect(r).toMatchObject({ reason: { code: 'exchange-banned' } });
    }
    expect(sentDuringBan).toBe(1);
    expect(bannedUntil).toBeGreaterThan(Date.now() - 1000);
    expect(after[0]?.asset).toBe('USDT');
    expect(adapter.figures().bannedUntil).toBeNull();
    expect(summary(received(sim))).toEqual(['GET /api/v3/account 418', 'GET /api/v3/account 200']);
    expect(log.messages()).toContain(
      'Binance banned this IP (418): no REST call is sent until the ban ends',
    );
  });

  it('when a ban answer has no Retry-After, then the end Binance states in its message is used', async () => {
    const { adapter } = await warmAdapter();
    const until = Date.now() + 90_000;
    sim.control.addFault({
      path: '/api/v3/account',
      kind: 'status',
      status: 418,
      count: 1,
      body: JSON.stringify({
        code: -1003,
        msg: `Way too much request weight used; IP banned until ${until}. Please use WebSocket Streams for live updates to avoid bans.`,
      }),
    });

    await expect(adapter.fetchBalance()).rejects.toMatchObject({ code: 'exchange-banned' });

    expect(Math.abs((adapter.figures().bannedUntil ?? 0) - until)).toBeLessThan(1500);
  });
});
