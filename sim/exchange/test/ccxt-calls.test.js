// The call forms of binance-spot.md §A.4 / §A.7 not covered elsewhere, each driven through real
// ccxt.binance, with the request exactly as the sim received it.
import ccxt from 'ccxt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { restClient, startSim } from './helpers.js';

const SIGNED_TAIL = '&recvWindow=10000&signature=[0-9a-f]{64}$';

describe('binance-spot.md §A.4 call forms through ccxt.binance', () => {
  let sim;
  let ex;
  const last = (path, method = 'GET') =>
    sim.control
      .requestLog({ path })
      .filter((e) => e.method === method)
      .at(-1);

  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.control.reset();
    sim.control.setBalances('sim-key', { USDT: '10000', BTC: '1' });
    sim.control.setPrice('BTCUSDT', '50000');
    ex = restClient(sim);
    await ex.loadMarkets();
    sim.control.clearRequestLog();
  });

  it('when fetchTime and the ticker forms are called, then each sends exactly the documented query', async () => {
    const time = await ex.fetchTime();
    const one = await ex.fetchTicker('BTC/USDT');
    const all = await ex.fetchTickers();

    expect(time).toBeGreaterThan(Date.now() - 5000);
    expect(last('/api/v3/time').query).toBe('');
    expect(one.last).toBe(50000);
    expect(sim.control.requestLog({ path: '/api/v3/ticker/24hr' }).map((e) => e.query)).toEqual([
      'symbol=BTCUSDT',
      '',
    ]);
    expect(Object.keys(all)).toHaveLength(12);
  });

  it('when OHLCV is fetched with a limit, without one and above 1000, then limit is 5, 500 and 1000', async () => {
    const five = await ex.fetchOHLCV('ETH/USDT', '1m', undefined, 5);
    const dflt = await ex.fetchOHLCV('ETH/USDT', '1m');
    const capped = await ex.fetchOHLCV('ETH/USDT', '1m', undefined, 1500);

    expect(sim.control.requestLog({ path: '/api/v3/klines' }).map((e) => e.query)).toEqual([
      'interval=1m&limit=5&symbol=ETHUSDT',
      'interval=1m&limit=500&symbol=ETHUSDT',
      'interval=1m&limit=1000&symbol=ETHUSDT',
    ]);
    expect([five.length, dflt.length, capped.length]).toEqual([5, 500, 1000]);
    for (let i = 1; i < dflt.length; i += 1) expect(dflt[i][0] - dflt[i - 1][0]).toBe(60000);
    expect(dflt.at(-1)[0]).toBe(Math.floor(Date.now() / 60000) * 60000);
  });

  it('when the order book, bid/asks and last prices are fetched, then the queries are as observed', async () => {
    const five = await ex.fetchOrderBook('BTC/USDT', 5);
    const dflt = await ex.fetchOrderBook('BTC/USDT');
    const bidsAsks = await ex.fetchBidsAsks(['BTC/USDT']);
    const prices = await ex.fetchLastPrices(['BTC/USDT']);

    expect(sim.control.requestLog({ path: '/api/v3/depth' }).map((e) => e.query)).toEqual([
      'symbol=BTCUSDT&limit=5',
      'symbol=BTCUSDT',
    ]);
    expect([five.bids.length, dflt.asks.length]).toEqual([5, 100]);
    expect(five.bids[0][0]).toBe(50000);
    expect(five.asks[0][0]).toBe(50000.01);
    expect(decodeURIComponent(last('/api/v3/ticker/bookTicker').query)).toBe('symbols=["BTCUSDT"]');
    expect(bidsAsks['BTC/USDT']).toMatchObject({ bid: 50000, ask: 50000.01 });
    // fetchLastPrices ignores the symbols in the request and fetches every price.
    expect(last('/api/v3/ticker/price').query).toBe('');
    expect(prices['BTC/USDT'].price).toBe(50000);
  });

  it('when a limit order is placed, fetched and listed, then body and queries follow the signed layout', async () => {
    const order = await ex.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 40000);
    const fetched = await ex.fetchOrder(order.id, 'BTC/USDT');
    const open = await ex.fetchOpenOrders('BTC/USDT');
    const trades = await ex.fetchMyTrades('BTC/USDT');

    expect(last('/api/v3/order', 'POST').body).toMatch(
      new RegExp(
        `^timestamp=\\d+&symbol=BTCUSDT&side=BUY&newClientOrderId=x-TKT5PX2F[0-9a-f]{22}&newOrderRespType=FULL&type=LIMIT&quantity=0\\.001&price=40000&timeInForce=GTC${SIGNED_TAIL}`,
      ),
    );
    expect(last('/api/v3/order', 'POST').query).toBe('');
    expect(last('/api/v3/order').query).toMatch(
      new RegExp(`^timestamp=\\d+&symbol=BTCUSDT&orderId=${order.id}${SIGNED_TAIL}`),
    );
    expect(last('/api/v3/openOrders').query).toMatch(
      new RegExp(`^timestamp=\\d+&symbol=BTCUSDT${SIGNED_TAIL}`),
    );
    expect(last('/api/v3/myTrades').query).toMatch(
      new RegExp(`^timestamp=\\d+&symbol=BTCUSDT${SIGNED_TAIL}`),
    );
    expect(fetched).toMatchObject({ id: order.id, status: 'open', price: 40000, amount: 0.001 });
    expect(open.map((o) => o.id)).toEqual([order.id]);
    expect(trades).toEqual([]);
  });

  it('when amounts and prices are finer than the filters, then ccxt truncates the amount and rounds the price; below the step it refuses without sending', async () => {
    const order = await ex.createOrder('BTC/USDT', 'limit', 'buy', 0.0012345, 40000.129);
    const tooSmall = await ex
      .createOrder('BTC/USDT', 'limit', 'buy', 0.000001, 40000)
      .catch((e) => e);

    expect(last('/api/v3/order', 'POST').body).toContain('&quantity=0.00123&price=40000.13&');
    expect(order).toMatchObject({ amount: 0.00123, price: 40000.13 });
    expect(tooSmall).toBeInstanceOf(ccxt.InvalidOrder);
    expect(sim.control.requestLog({ path: '/api/v3/order' })).toHaveLength(1);
  });

  it('when the legacy warnOnFetchOpenOrdersWithoutSymbol option is false, then fetchOpenOrders() lists every symbol', async () => {
    const legacy = restClient(sim, {
      options: { ...ex.options, warnOnFetchOpenOrdersWithoutSymbol: false },
    });
    await legacy.loadMarkets();
    sim.control.setPrice('ETHUSDT', '3000');
    const btc = await ex.createOrder('BTC/USDT', 'limit', 'sell', 0.01, 60000);
    const eth = await ex.createOrder('ETH/USDT', 'limit', 'buy', 0.01, 2000);

    const open = await legacy.fetchOpenOrders();

    expect(open.map((o) => o.id).sort()).toEqual([btc.id, eth.id].sort());
    expect(open.map((o) => o.symbol).sort()).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(last('/api/v3/openOrders').query).toMatch(new RegExp(`^timestamp=\\d+${SIGNED_TAIL}`));
  });

  it('when ccxt strays to a fapi/sapi path the sim does not serve, then the 404 -1000 tripwire raises OperationFailed', async () => {
    const stray = await ex.fapiPublicGetExchangeInfo().catch((e) => e);

    expect(stray).toBeInstanceOf(ccxt.OperationFailed);
    expect(stray.message).toContain('Unknown endpoint GET /fapi/v1/exchangeInfo.');
    expect(last('/fapi/v1/exchangeInfo').status).toBe(404);
  });

  it('when adjustForTimeDifference is on and the server clock is 20 s behind, then loadMarkets also asks /time and signed calls succeed', async () => {
    sim.control.setClockOffset(-20000);
    const plain = restClient(sim);
    const adjusted = restClient(sim, { options: { ...ex.options, adjustForTimeDifference: true } });

    const refused = await plain.fetchBalance().catch((e) => e);
    sim.control.clearRequestLog();
    await adjusted.loadMarkets();
    const paths = sim.control.requestLog().map((e) => `${e.method} ${e.path}`);
    const balance = await adjusted.fetchBalance();

    expect(refused).toBeInstanceOf(ccxt.InvalidNonce);
    expect(paths.sort()).toEqual(['GET /api/v3/exchangeInfo', 'GET /api/v3/time']);
    expect(adjusted.options.timeDifference).toBeGreaterThan(19000);
    expect(adjusted.options.timeDifference).toBeLessThan(21000);
    expect(balance.BTC.free).toBe(1);
  });
});
