import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { makeAdapter, received, startProxy, summary } from './exchange-helpers.js';

let sim: SimExchange;
beforeAll(async () => {
  sim = await startExchange({ seed: 7, weightLimit: 4321 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.reset();
});

const SIM_KEY = { apiKey: 'sim-key', secret: 'sim-secret' };

describe('exchange adapter: figures', () => {
  it('when nothing was asked yet, then every figure is null', () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    expect(adapter.figures()).toEqual({
      usedWeight1m: null,
      usedWeightAt: null,
      weightLimit1m: null,
      sapiUsedWeight1m: null,
      clockOffsetMs: null,
      rateLimitedUntil: null,
      bannedUntil: null,
      marketsLoadedAt: null,
    });
  });

  it('when answers arrive, then the used weight is the header of the last one', async () => {
    const proxy = await startProxy(sim.httpUrl);
    const { adapter } = makeAdapter(proxy.url, { now: () => 1234 });

    try {
      await adapter.markets();
      const afterMarkets = adapter.figures();
      adapter.setCredentials(SIM_KEY);
      await adapter.fetchBalance();
      const afterBalance = adapter.figures();

      const headers = proxy.answers.map((a) => a.headers['x-mbx-used-weight-1m']);
      expect(proxy.answers.map((a) => a.path)).toEqual([
        '/api/v3/exchangeInfo',
        '/api/v3/time',
        '/api/v3/account',
      ]);
      expect(afterMarkets.usedWeight1m).toBe(Number(headers[1]));
      expect(afterBalance.usedWeight1m).toBe(Number(headers[2]));
      expect(afterBalance.usedWeight1m).toBeGreaterThanOrEqual(41);
      expect(afterBalance.usedWeightAt).toBe(1234);
    } finally {
      await proxy.close();
    }
  });

  it('when exchangeInfo is read, then the weight limit is its REQUEST_WEIGHT per minute', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    await adapter.markets();

    expect(adapter.figures().weightLimit1m).toBe(4321);
  });

  it('when a sapi answer arrives, then its own weight header is a separate figure', async () => {
    const proxy = await startProxy(sim.httpUrl);
    const { adapter } = makeAdapter(proxy.url);

    try {
      await adapter.checkKey(SIM_KEY);

      const sapi = proxy.answers.find((a) => a.path === '/sapi/v1/account/apiRestrictions');
      expect(adapter.figures().sapiUsedWeight1m).toBe(
        Number(sapi?.headers['x-sapi-used-ip-weight-1m']),
      );
      expect(adapter.figures().usedWeight1m).toBe(
        Number(proxy.answers.at(-1)?.headers['x-mbx-used-weight-1m']),
      );
    } finally {
      await proxy.close();
    }
  });

  it("when the sim's clock runs ahead, then the offset figure shows it and signed calls pass", async () => {
    sim.control.setClockOffset(20_000);
    const { adapter } = makeAdapter(sim.httpUrl);
    adapter.setCredentials(SIM_KEY);

    await adapter.markets();
    const offset = adapter.figures().clockOffsetMs;
    const balances = await adapter.fetchBalance();

    expect(offset).toBeGreaterThan(19_000);
    expect(offset).toBeLessThan(21_000);
    expect(balances).toEqual([{ asset: 'USDT', free: 10000, locked: 0 }]);
  });

  it("when the sim's clock runs behind, then the offset is negative", async () => {
    sim.control.setClockOffset(-15_000);
    const { adapter } = makeAdapter(sim.httpUrl);

    await adapter.refreshMarkets();

    expect(adapter.figures().clockOffsetMs).toBeGreaterThan(-16_000);
    expect(adapter.figures().clockOffsetMs).toBeLessThan(-14_000);
  });

  it('when a signed call comes first, then the clock is measured before it is signed', async () => {
    sim.control.setClockOffset(30_000);
    const { adapter } = makeAdapter(sim.httpUrl);
    adapter.setCredentials(SIM_KEY);

    await adapter.fetchBalance();

    expect(summary(received(sim))).toEqual(['GET /api/v3/time 200', 'GET /api/v3/account 200']);
    expect(adapter.figures().clockOffsetMs).toBeGreaterThan(29_000);
  });

  it('when the clock drifts after it was measured, then -1021 is rejected once and the next call re-measures', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    adapter.setCredentials(SIM_KEY);
    await adapter.fetchBalance();
    sim.control.setClockOffset(40_000);

    const drifted = adapter.fetchBalance();
    await expect(drifted).rejects.toMatchObject({
      code: 'exchange-rejected',
      httpStatus: 502,
      details: {
        code: -1021,
        reason: 'clock-skew',
        upstreamMessage: 'Timestamp for this request is outside of the recvWindow.',
      },
    });
    const recovered = await adapter.fetchBalance();

    expect(recovered[0]?.asset).toBe('USDT');
    expect(summary(received(sim))).toEqual([
      'GET /api/v3/time 200',
      'GET /api/v3/account 200',
      'GET /api/v3/account 400',
      'GET /api/v3/time 200',
      'GET /api/v3/account 200',
    ]);
    expect(adapter.figures().clockOffsetMs).toBeGreaterThan(39_000);
  });
});
