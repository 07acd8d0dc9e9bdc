import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';

import { restClient, startSim } from './helpers.js';

const round = (x, d = 8) => Number(x.toFixed(d));

describe('signed trading through ccxt.binance', () => {
  let sim;
  let ex;

  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.control.reset();
    sim.control.createKey({
      apiKey: 'trader',
      secret: 'trader-secret',
      balances: { USDT: '10000', BTC: '0.5' },
    });
    ex = restClient(sim, { apiKey: 'trader', secret: 'trader-secret' });
    await ex.loadMarkets();
  });

  it('when the balance is fetched, then free/used/total match the key and the request is signed as ccxt signs', async () => {
    const balance = await ex.fetchBalance();

    expect(balance.USDT).toEqual({ free: 10000, used: 0, total: 10000 });
    expect(balance.BTC.free).toBe(0.5);
    const entry = sim.control.requestLog({ path: '/api/v3/account' }).at(-1);
    expect(entry.query).toMatch(/^timestamp=\d+&recvWindow=10000&signature=[0-9a-f]{64}$/);
    expect(entry.apiKey).toBe('tra…');
  });

  it('when a market buy fills, then the fee is 0.1% in the base asset and balances move exactly', async () => {
    sim.control.setPrice('BTCUSDT', '50000');

    const order = await ex.createOrder('BTC/USDT', 'market', 'buy', 0.01);

    expect(order.status).toBe('closed');
    expect(order.filled).toBe(0.01);
    expect(order.average).toBe(50000.01);
    expect(order.fee).toMatchObject({ cost: 0.00001, currency: 'BTC' });
    const balance = await ex.fetchBalance();
    expect(balance.BTC.free).toBe(round(0.5 + 0.01 - 0.00001));
    expect(balance.USDT.free).toBe(round(10000 - 500.0001));
    const body = sim.control.requestLog({ path: '/api/v3/order' }).at(-1).body;
    expect(body).toMatch(
      /^timestamp=\d+&symbol=BTCUSDT&side=BUY&newClientOrderId=x-[A-Za-z0-9]+&newOrderRespType=FULL&type=MARKET&quantity=0\.01&recvWindow=10000&signature=[0-9a-f]{64}$/,
    );
  });

  it('when a market buy is sized by cost, then quoteOrderQty is sent and the quantity is rounded down to the step', async () => {
    sim.control.setPrice('BTCUSDT', '50000');

    const order = await ex.createMarketBuyOrderWithCost('BTC/USDT', 100);

    expect(order.status).toBe('closed');
    expect(order.amount).toBe(0.00199);
    expect(order.cost).toBeLessThanOrEqual(100);
    expect(sim.control.requestLog({ path: '/api/v3/order' }).at(-1).body).toContain(
      'quoteOrderQty=100',
    );
  });

  it('when a market sell fills, then the fee is charged in USDT', async () => {
    sim.control.setPrice('BTCUSDT', '50000');

    const order = await ex.createOrder('BTC/USDT', 'market', 'sell', 0.1);

    expect(order.fee).toMatchObject({ currency: 'USDT', cost: 5 });
    const balance = await ex.fetchBalance();
    expect(balance.USDT.free).toBe(round(10000 + 5000 - 5));
    expect(balance.BTC.free).toBe(0.4);
  });

  it('when a limit buy rests, then funds are locked; when the price crosses, then it fills at the limit as maker', async () => {
    sim.control.setPrice('BTCUSDT', '50000');

    const order = await ex.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 49000);

    expect(order.status).toBe('open');
    expect((await ex.fetchBalance()).USDT).toEqual({ free: 9510, used: 490, total: 10000 });
    expect(await ex.fetchOpenOrders('BTC/USDT')).toHaveLength(1);
    sim.control.setPrice('BTCUSDT', '48900');
    const filled = await ex.fetchOrder(order.id, 'BTC/USDT');
    expect(filled.status).toBe('closed');
    expect(filled.average).toBe(49000);
    const trades = await ex.fetchMyTrades('BTC/USDT');
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({
      side: 'buy',
      takerOrMaker: 'maker',
      price: 49000,
      amount: 0.01,
      order: order.id,
    });
    const balance = await ex.fetchBalance();
    expect(balance.USDT).toEqual({ free: 9510, used: 0, total: 9510 });
    expect(balance.BTC.free).toBe(round(0.5 + 0.01 - 0.00001));
  });

  it('when a limit order is cancelled, then funds unlock and it shows as canceled in closed orders', async () => {
    sim.control.setPrice('BTCUSDT', '50000');
    const order = await ex.createOrder('BTC/USDT', 'limit', 'sell', 0.2, 60000);
    expect((await ex.fetchBalance()).BTC.used).toBe(0.2);

    const canceled = await ex.cancelOrder(order.id, 'BTC/USDT');

    expect(canceled.status).toBe('canceled');
    expect((await ex.fetchBalance()).BTC).toEqual({ free: 0.5, used: 0, total: 0.5 });
    expect(await ex.fetchOpenOrders('BTC/USDT')).toHaveLength(0);
    const all = await ex.fetchOrders('BTC/USDT');
    expect(all.map((o) => [o.id, o.status])).toContainEqual([order.id, 'canceled']);
    expect(await ex.fetchClosedOrders('BTC/USDT')).toHaveLength(0);
    expect(sim.control.requestLog({ path: '/api/v3/allOrders' }).at(-1).query).toMatch(
      /^timestamp=\d+&symbol=BTCUSDT&recvWindow=10000&signature=/,
    );
    const del = sim.control
      .requestLog({ path: '/api/v3/order' })
      .find((e) => e.method === 'DELETE');
    expect(del.query).toMatch(
      new RegExp(`^timestamp=\\d+&symbol=BTCUSDT&orderId=${order.id}&recvWindow=10000&signature=`),
    );
  });

  it('when a marketable limit is IOC or FOK it fills at the book; when not marketable it expires and unlocks', async () => {
    sim.control.setPrice('BTCUSDT', '50000');

    const taken = await ex.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 51000, {
      timeInForce: 'IOC',
    });
    const expired = await ex.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 40000, {
      timeInForce: 'FOK',
    });

    expect(taken.status).toBe('closed');
    expect(taken.average).toBe(50000.01);
    expect(expired.status).toBe('expired');
    expect((await ex.fetchBalance()).USDT.used).toBe(0);
  });

  it('when Freqtrade places a stop_loss_limit and the price falls through the stop, then it triggers and fills', async () => {
    sim.control.setPrice('BTCUSDT', '50000');

    const stop = await ex.createOrder('BTC/USDT', 'stop_loss_limit', 'sell', 0.1, 44000, {
      stopPrice: 45000,
    });

    expect(stop.status).toBe('open');
    expect((await ex.fetchBalance()).BTC.used).toBe(0.1);
    const sent = sim.control.requestLog({ path: '/api/v3/order' }).at(-1).body;
    expect(sent).toMatch(
      /&type=STOP_LOSS_LIMIT&quantity=0\.1&price=44000&stopPrice=45000&timeInForce=GTC&recvWindow=10000&signature=/,
    );
    const open = await ex.fetchOrder(stop.id, 'BTC/USDT');
    expect(open.info).toMatchObject({
      isWorking: false,
      stopPrice: '45000.00000000',
      type: 'STOP_LOSS_LIMIT',
    });
    expect(open.triggerPrice).toBe(45000);

    sim.control.setPrice('BTCUSDT', '44500');
    const done = await ex.fetchOrder(stop.id, 'BTC/USDT');

    expect(done.status).toBe('closed');
    expect(done.average).toBe(44500);
    expect(done.info.isWorking).toBe(true);
    expect((await ex.fetchBalance()).USDT.free).toBe(round(10000 + 4450 - 4.45));
  });

  it('when a stop would trigger immediately, then -2010 is answered and nothing is locked', async () => {
    sim.control.setPrice('BTCUSDT', '50000');

    await expect(
      ex.createOrder('BTC/USDT', 'stop_loss_limit', 'sell', 0.1, 50500, { stopPrice: 51000 }),
    ).rejects.toThrow(/Stop price would trigger immediately/);

    expect((await ex.fetchBalance()).BTC.used).toBe(0);
  });

  it('when the remaining call forms of binance-spot.md §A.4 are used, then each answers as ccxt expects', async () => {
    sim.control.setPrice('BTCUSDT', '50000');
    const noWarn = restClient(sim, {
      apiKey: 'trader',
      secret: 'trader-secret',
      options: { ...ex.options, fetchOpenOrders: { warnWithoutSymbol: false } },
    });
    await noWarn.loadMarkets();

    const byCost = await ex.createOrder('BTC/USDT', 'market', 'buy', undefined, undefined, {
      cost: 100,
    });
    const resting = await ex.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 40000);
    const since = Date.now() - 60000;
    const trades = await ex.fetchMyTrades('BTC/USDT', since, 10);
    const allOpen = await noWarn.fetchOpenOrders();
    const until = Date.now() - 3600000;
    const candles = await ex.fetchOHLCV('BTC/USDT', '1m', undefined, 3, { until });

    expect(byCost.status).toBe('closed');
    expect(byCost.cost).toBeLessThanOrEqual(100);
    expect(trades.map((t) => t.order)).toEqual([byCost.id]);
    expect(allOpen.map((o) => o.id)).toEqual([resting.id]);
    expect(candles.at(-1)[0]).toBe(Math.floor(until / 60000) * 60000);
    const log = sim.control.requestLog();
    const myTrades = log.find((e) => e.path === '/api/v3/myTrades');
    expect(myTrades.query).toMatch(
      new RegExp(
        `^timestamp=\\d+&symbol=BTCUSDT&startTime=${since}&limit=10&recvWindow=10000&signature=`,
      ),
    );
    expect(log.find((e) => e.path === '/api/v3/openOrders').query).toMatch(
      /^timestamp=\d+&recvWindow=10000&signature=/,
    );
    expect(log.filter((e) => e.path === '/api/v3/klines').at(-1).query).toBe(
      `interval=1m&limit=3&symbol=BTCUSDT&endTime=${until}`,
    );
    await expect(ex.fetchOpenOrders()).rejects.toThrow(
      /fetching open orders without specifying a symbol/,
    );
  });

  it('when ACK/RESULT responses or omitZeroBalances are asked for, then the shapes follow Binance', async () => {
    sim.control.setPrice('BTCUSDT', '50000');
    const base = {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      quantity: '0.001',
      price: '40000',
      timeInForce: 'GTC',
    };

    const ack = await ex.privatePostOrder({ ...base, newOrderRespType: 'ACK' });
    const result = await ex.privatePostOrder({ ...base, newOrderRespType: 'RESULT' });
    const account = await ex.privateGetAccount({ omitZeroBalances: true });

    expect(Object.keys(ack).sort()).toEqual([
      'clientOrderId',
      'orderId',
      'orderListId',
      'symbol',
      'transactTime',
    ]);
    expect(result).toMatchObject({
      status: 'NEW',
      type: 'LIMIT',
      price: '40000.00000000',
      origQty: '0.00100000',
    });
    expect(result).not.toHaveProperty('fills');
    expect(account.balances.map((b) => b.asset).sort()).toEqual(['BTC', 'USDT']);
    expect(account.balances.find((b) => b.asset === 'USDT')).toEqual({
      asset: 'USDT',
      free: '9920.00000000',
      locked: '80.00000000',
    });
  });

  it('when apiRestrictions is read through the implicit sapi method, then the key rights come back', async () => {
    sim.control.setKeyRights('trader', {
      enableWithdrawals: true,
      ipRestrict: true,
      ipWhitelist: ['127.0.0.1'],
    });

    const rights = await ex.sapiGetAccountApiRestrictions();

    expect(rights).toMatchObject({
      enableWithdrawals: true,
      ipRestrict: true,
      enableSpotAndMarginTrading: true,
      enableReading: true,
    });
    expect(rights).not.toHaveProperty('ipWhitelist');
    const entry = sim.control.requestLog({ path: '/sapi/v1/account/apiRestrictions' }).at(-1);
    expect(entry.method).toBe('GET');
    expect(entry.query).toMatch(/^timestamp=\d+&recvWindow=10000&signature=[0-9a-f]{64}$/);
  });
});
