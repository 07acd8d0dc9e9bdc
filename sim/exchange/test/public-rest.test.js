import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getJson, restClient, startSim } from './helpers.js';

describe('public REST through ccxt.binance', () => {
  let sim;
  let ex;

  beforeAll(async () => {
    sim = await startSim();
    ex = restClient(sim);
    await ex.loadMarkets();
  });
  afterAll(async () => {
    await sim.close();
  });

  it('when markets load with the spot-only options, then only exchangeInfo is requested', async () => {
    const fresh = restClient(sim);
    sim.control.clearRequestLog();

    await fresh.loadMarkets();

    expect(sim.control.requestLog().map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /api/v3/exchangeInfo',
    ]);
    const btc = fresh.market('BTC/USDT');
    expect(btc.type).toBe('spot');
    expect(btc.active).toBe(true);
    expect(btc.precision).toMatchObject({ amount: 0.00001, price: 0.01 });
    expect(btc.limits.amount.min).toBe(0.00001);
    expect(btc.limits.cost.min).toBe(5);
    expect(Object.keys(fresh.markets)).toHaveLength(12);
  });

  it('when fetchTime is called, then the server clock comes back', async () => {
    const t = await ex.fetchTime();

    expect(Math.abs(t - Date.now())).toBeLessThan(5000);
  });

  it('when one or several tickers are fetched, then the right symbols come back with bid/ask', async () => {
    const one = await ex.fetchTicker('BTC/USDT');
    const two = await ex.fetchTickers(['BTC/USDT', 'ETH/USDT']);
    const all = await ex.fetchTickers();

    expect(one.symbol).toBe('BTC/USDT');
    expect(one.last).toBeGreaterThan(0);
    expect(one.ask).toBeGreaterThan(one.bid);
    expect(Object.keys(two).sort()).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(Object.keys(all)).toHaveLength(12);
    const log = sim.control.requestLog({ path: '/api/v3/ticker/24hr' });
    expect(log.map((e) => e.query)).toContain('symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D');
  });

  it('when OHLCV is fetched, then candles are ordered, aligned and end with the open candle', async () => {
    const rows = await ex.fetchOHLCV('ETH/USDT', '5m', undefined, 5);

    expect(rows).toHaveLength(5);
    for (const [t, o, h, l, c, v] of rows) {
      expect(t % 300000).toBe(0);
      expect(h).toBeGreaterThanOrEqual(Math.max(o, c));
      expect(l).toBeLessThanOrEqual(Math.min(o, c));
      expect(v).toBeGreaterThan(0);
    }
    expect(rows[4][0]).toBe(Math.floor(Date.now() / 300000) * 300000);
  });

  it('when OHLCV is fetched with since, then the first candle opens at or after it', async () => {
    const since = Date.now() - 3 * 3600000 + 1234;

    const rows = await ex.fetchOHLCV('ETH/USDT', '1h', since, 2);

    expect(rows).toHaveLength(2);
    expect(rows[0][0]).toBe(Math.ceil(since / 3600000) * 3600000);
    const last = sim.control.requestLog({ path: '/api/v3/klines' }).at(-1);
    expect(last.query).toBe(`interval=1h&limit=2&symbol=ETHUSDT&startTime=${since}`);
  });

  it('when an order book is fetched, then bids are below asks and the limit is honoured', async () => {
    const book = await ex.fetchOrderBook('BTC/USDT', 5);
    const deep = await ex.fetchOrderBook('BTC/USDT');

    expect(book.bids).toHaveLength(5);
    expect(book.asks).toHaveLength(5);
    expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]);
    expect(deep.bids).toHaveLength(100);
  });

  it('when trades, bid/asks and last prices are fetched, then each has the Binance shape ccxt reads', async () => {
    const trades = await ex.fetchTrades('BTC/USDT', undefined, 3);
    const bidsAsks = await ex.fetchBidsAsks(['BTC/USDT']);
    const last = await ex.fetchLastPrices(['BTC/USDT']);

    expect(trades).toHaveLength(3);
    expect(trades[0].price).toBeGreaterThan(0);
    expect(trades[2].timestamp).toBeGreaterThan(trades[0].timestamp);
    expect(bidsAsks['BTC/USDT'].ask).toBeGreaterThan(bidsAsks['BTC/USDT'].bid);
    expect(last['BTC/USDT'].price).toBeGreaterThan(0);
    expect(sim.control.requestLog({ path: '/api/v3/aggTrades' }).at(-1).query).toBe(
      'symbol=BTCUSDT&limit=3',
    );
  });

  it('when the raw endpoints ccxt does not wrap are called, then they answer in Binance shapes', async () => {
    const base = `${sim.httpUrl}/api/v3`;

    const info = await getJson(`${base}/exchangeInfo?symbol=ETHUSDT`);
    const trades = await getJson(`${base}/trades?symbol=ETHUSDT&limit=2`);
    const ui = await getJson(`${base}/uiKlines?symbol=ETHUSDT&interval=1h&limit=2`);
    const klines = await getJson(`${base}/klines?symbol=ETHUSDT&interval=1h&limit=2`);
    const avg = await getJson(`${base}/avgPrice?symbol=ETHUSDT`);
    const prices = await getJson(`${base}/ticker/price`);
    const book = await getJson(`${base}/ticker/bookTicker?symbol=ETHUSDT`);

    expect(info.body.symbols.map((x) => x.symbol)).toEqual(['ETHUSDT']);
    expect(info.body.symbols[0].filters.map((f) => f.filterType)).toEqual(
      expect.arrayContaining(['PRICE_FILTER', 'LOT_SIZE', 'MARKET_LOT_SIZE', 'NOTIONAL']),
    );
    expect(Object.keys(trades.body[0]).sort()).toEqual([
      'id',
      'isBestMatch',
      'isBuyerMaker',
      'price',
      'qty',
      'quoteQty',
      'time',
    ]);
    expect(ui.body[0][0]).toBe(klines.body[0][0]);
    expect(avg.body).toMatchObject({ mins: 5 });
    expect(Number(avg.body.price)).toBeGreaterThan(0);
    expect(prices.body).toHaveLength(12);
    expect(Object.keys(book.body).sort()).toEqual([
      'askPrice',
      'askQty',
      'bidPrice',
      'bidQty',
      'symbol',
    ]);
  });

  it('when an unknown symbol or interval is asked for, then Binance errors come back and ccxt maps them', async () => {
    const badSymbol = await getJson(`${sim.httpUrl}/api/v3/ticker/24hr?symbol=NOPEUSDT`);
    const badInterval = await getJson(`${sim.httpUrl}/api/v3/klines?symbol=BTCUSDT&interval=7m`);
    const missing = await getJson(`${sim.httpUrl}/api/v3/klines?interval=1m`);
    const badLimit = await getJson(
      `${sim.httpUrl}/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=abc`,
    );
    const stray = await getJson(`${sim.httpUrl}/fapi/v1/exchangeInfo`);
    const badFromId = await getJson(`${sim.httpUrl}/api/v3/aggTrades?symbol=BTCUSDT&fromId=-5`);
    const prehistoric = await getJson(
      `${sim.httpUrl}/api/v3/aggTrades?symbol=BTCUSDT&startTime=0&endTime=1000`,
    );

    expect(badSymbol).toMatchObject({ status: 400, body: { code: -1121, msg: 'Invalid symbol.' } });
    expect(badInterval).toMatchObject({
      status: 400,
      body: { code: -1120, msg: 'Invalid interval.' },
    });
    expect(missing.body).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    });
    expect(badLimit.body.code).toBe(-1100);
    expect(badLimit.body.msg).toContain("'limit'");
    expect(stray.status).toBe(404);
    expect(badFromId.body.code).toBe(-1100);
    expect(prehistoric).toMatchObject({ status: 200, body: [] });
    await expect(ex.publicGetTicker24hr({ symbol: 'NOPEUSDT' })).rejects.toThrow(/Invalid symbol/);
    await expect(ex.publicGetTicker24hr({ symbol: 'NOPEUSDT' })).rejects.toBeInstanceOf(
      ccxt.BadSymbol,
    );
  });
});

describe('extra public and sapi calls ccxt may make', () => {
  let sim;
  let ex;

  beforeAll(async () => {
    sim = await startSim();
    ex = restClient(sim);
    await ex.loadMarkets();
  });
  afterAll(async () => {
    await sim.close();
  });

  it('when a rolling ticker, the exchange status and trading fees are fetched, then Binance shapes come back', async () => {
    const rolling = await ex.fetchTicker('BTC/USDT', { rolling: true });
    const hourly = await getJson(`${sim.httpUrl}/api/v3/ticker?symbol=BTCUSDT&windowSize=1h`);
    const badWindow = await getJson(`${sim.httpUrl}/api/v3/ticker?symbol=BTCUSDT&windowSize=9w`);
    const status = await ex.fetchStatus();
    const fees = await ex.fetchTradingFees();

    expect(rolling.symbol).toBe('BTC/USDT');
    expect(rolling.last).toBeGreaterThan(0);
    expect(sim.control.requestLog({ path: '/api/v3/ticker' })[0].query).toBe('symbol=BTCUSDT');
    expect(hourly.body.closeTime - hourly.body.openTime).toBe(3600000);
    expect(badWindow.body).toMatchObject({ code: -1100 });
    expect(badWindow.body.msg).toContain("'windowSize'");
    expect(status.status).toBe('ok');
    expect(fees['ETH/USDT']).toMatchObject({ maker: 0.001, taker: 0.001 });
  });
});
