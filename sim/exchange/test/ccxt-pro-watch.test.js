// The ccxt.pro calls of binance-spot.md §A.6 that watch several symbols, with the frames ccxt
// sends recorded on its side of the socket.
import ccxt from 'ccxt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { SPOT_ONLY, recordFrames, startSim, wsClient } from './helpers.js';

const subscribes = (frames) =>
  frames.filter((f) => f.message?.method === 'SUBSCRIBE').map((f) => f.message.params);

/** Calls `watch` until every key of `want` has been seen (ccxt resolves with new updates only). */
async function collect(watch, want, timeoutMs = 8000) {
  const seen = {};
  const deadline = Date.now() + timeoutMs;
  while (!want.every((k) => k in seen)) {
    if (Date.now() > deadline) throw new Error(`only saw ${Object.keys(seen)} of ${want}`);
    Object.assign(seen, await watch());
  }
  return seen;
}

describe('ccxt.pro multi-symbol watches', { timeout: 15000 }, () => {
  let sim;
  let pro;

  beforeAll(async () => {
    sim = await startSim();
    sim.control.setPrice('BTCUSDT', '50000');
    sim.control.setPrice('ETHUSDT', '3000');
    sim.control.setPrice('SOLUSDT', '150');
  });
  afterEach(async () => {
    await pro?.close();
    pro = undefined;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('when watchTickers([a, b]) is called, then one SUBSCRIBE names both miniTicker streams and both tickers arrive with the held prices', async () => {
    pro = wsClient(sim);
    const frames = recordFrames(pro);
    await pro.loadMarkets();

    const tickers = await collect(
      () => pro.watchTickers(['BTC/USDT', 'ETH/USDT']),
      ['BTC/USDT', 'ETH/USDT'],
    );

    expect(Object.keys(tickers).sort()).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(tickers['BTC/USDT']).toMatchObject({ symbol: 'BTC/USDT', last: 50000, close: 50000 });
    expect(tickers['ETH/USDT']).toMatchObject({ symbol: 'ETH/USDT', last: 3000 });
    // miniTicker has no book: ccxt leaves bid/ask undefined (binance-spot.md §A.6).
    expect(tickers['BTC/USDT'].bid).toBeUndefined();
    expect(tickers['ETH/USDT'].timestamp).toBeGreaterThan(Date.now() - 10000);
    expect(subscribes(frames)).toEqual([['btcusdt@miniTicker', 'ethusdt@miniTicker']]);
    expect(frames[0].url).toMatch(new RegExp(`^${sim.wsUrl}/stream/ws/\\d+$`));
  });

  it('when options.watchTickers.name is "ticker", then the full @ticker streams are used and bid/ask are set', async () => {
    pro = wsClient(sim);
    pro.options.watchTickers = { ...pro.options.watchTickers, name: 'ticker' };
    const frames = recordFrames(pro);
    await pro.loadMarkets();

    const tickers = await collect(() => pro.watchTickers(['SOL/USDT']), ['SOL/USDT']);

    expect(subscribes(frames)).toEqual([['solusdt@ticker']]);
    expect(tickers['SOL/USDT'].last).toBe(150);
    expect(tickers['SOL/USDT'].bid).toBe(150);
    expect(tickers['SOL/USDT'].ask).toBeCloseTo(150.01, 8);
  });

  it('when watchOHLCVForSymbols is called for two pairs, then one SUBSCRIBE carries both kline streams and both open candles arrive', async () => {
    pro = wsClient(sim);
    const frames = recordFrames(pro);
    await pro.loadMarkets();

    const candles = await collect(
      () =>
        pro.watchOHLCVForSymbols([
          ['BTC/USDT', '1m'],
          ['ETH/USDT', '5m'],
        ]),
      ['BTC/USDT', 'ETH/USDT'],
    );

    expect(subscribes(frames)).toEqual([['btcusdt@kline_1m', 'ethusdt@kline_5m']]);
    const btc = candles['BTC/USDT']['1m'].at(-1);
    const eth = candles['ETH/USDT']['5m'].at(-1);
    expect(btc[0]).toBe(Math.floor(Date.now() / 60000) * 60000);
    expect(btc[4]).toBe(50000);
    expect(eth[0] % 300000).toBe(0);
    expect(eth[4]).toBe(3000);
  });

  it('when ws:// is used without an http agent, then ccxt refuses until loadHttpProxyAgent() is awaited', async () => {
    pro = new ccxt.pro.binance({
      enableRateLimit: false,
      urls: {
        api: {
          public: `${sim.httpUrl}/api/v3`,
          private: `${sim.httpUrl}/api/v3`,
          v1: `${sim.httpUrl}/api/v1`,
          ws: { spot: `${sim.wsUrl}/stream/ws` },
        },
      },
      options: { ...SPOT_ONLY },
    });
    await pro.loadMarkets();

    const refused = await pro.watchTicker('BTC/USDT').catch((e) => e);
    await pro.loadHttpProxyAgent();
    const ticker = await pro.watchTicker('BTC/USDT');

    expect(refused).toBeInstanceOf(ccxt.NotSupported);
    expect(refused.message).toContain('loadHttpProxyAgent');
    expect(ticker).toMatchObject({ symbol: 'BTC/USDT', last: 50000 });
  });
});
