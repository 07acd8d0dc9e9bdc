import ccxt from 'ccxt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { getJson, restClient, startSim } from './helpers.js';

describe('Binance error codes and the ccxt exceptions they map to', () => {
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
    sim.control.createKey({ apiKey: 'k1', secret: 's1', balances: { USDT: '100' } });
    sim.control.setPrice('BTCUSDT', '50000');
    ex = restClient(sim, { apiKey: 'k1', secret: 's1' });
    await ex.loadMarkets();
  });

  const lastBody = (path) => JSON.parse(JSON.stringify(sim.control.requestLog({ path }).at(-1)));

  it('when the balance is short, then -2010 becomes InsufficientFunds and nothing changes', async () => {
    await expect(ex.createOrder('BTC/USDT', 'market', 'buy', 0.01)).rejects.toBeInstanceOf(
      ccxt.InsufficientFunds,
    );
    await expect(ex.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 40000)).rejects.toThrow(
      'Account has insufficient balance for requested action.',
    );

    expect((await ex.fetchBalance()).USDT).toEqual({ free: 100, used: 0, total: 100 });
    expect(lastBody('/api/v3/order').status).toBe(400);
  });

  it('when quantity or price break the filters, then -1013 becomes InvalidOrder', async () => {
    const lot = ex.privatePostOrder({
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      quantity: '0.000001',
      price: '40000',
      timeInForce: 'GTC',
    });
    const price = ex.privatePostOrder({
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      quantity: '0.001',
      price: '40000.001',
      timeInForce: 'GTC',
    });
    const notional = ex.privatePostOrder({
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      quantity: '0.00001',
      price: '40000',
      timeInForce: 'GTC',
    });

    await expect(lot).rejects.toBeInstanceOf(ccxt.InvalidOrder);
    await expect(price).rejects.toThrow(/Filter failure: PRICE_FILTER/);
    await expect(notional).rejects.toThrow(/Filter failure: NOTIONAL/);
    await expect(
      ex.privatePostOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.00001' }),
    ).rejects.toThrow(/Filter failure: NOTIONAL/);
    expect(await ex.fetchOpenOrders('BTC/USDT')).toHaveLength(0);
  });

  it('when an order does not exist, then -2013 (fetch) and -2011 (cancel) become OrderNotFound', async () => {
    await expect(ex.fetchOrder('424242', 'BTC/USDT')).rejects.toBeInstanceOf(ccxt.OrderNotFound);
    await expect(ex.cancelOrder('424242', 'BTC/USDT')).rejects.toBeInstanceOf(ccxt.OrderNotFound);

    const fetched = await getJson(`${sim.httpUrl}/__sim/requests?path=/api/v3/order`);
    expect(fetched.body.map((e) => e.status)).toEqual([400, 400]);
  });

  it('when the signature, key or permissions are wrong, then AuthenticationError', async () => {
    const wrongSecret = restClient(sim, { apiKey: 'k1', secret: 'nope' });
    const unknownKey = restClient(sim, { apiKey: 'unknown', secret: 's1' });

    await expect(wrongSecret.fetchBalance()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
    await expect(wrongSecret.fetchBalance()).rejects.toThrow(
      'Signature for this request is not valid.',
    );
    await expect(unknownKey.fetchBalance()).rejects.toThrow(/-2015/);
    await expect(unknownKey.fetchBalance()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
    sim.control.setKeyRights('k1', { enableSpotAndMarginTrading: false });
    await expect(ex.createOrder('BTC/USDT', 'limit', 'buy', 0.0001, 40000)).rejects.toBeInstanceOf(
      ccxt.AuthenticationError,
    );
    expect((await ex.fetchBalance()).info.canTrade).toBe(false);
  });

  it('when the key is IP-restricted to another address, then -2015', async () => {
    sim.control.setKeyRights('k1', { ipRestrict: true, ipWhitelist: ['10.1.2.3'] });

    await expect(ex.fetchBalance()).rejects.toThrow(
      /Invalid API-key, IP, or permissions for action/,
    );
  });

  it('when the client clock is off by 20 s, then -1021 becomes InvalidNonce', async () => {
    sim.control.setClockOffset(-20000);

    await expect(ex.fetchBalance()).rejects.toBeInstanceOf(ccxt.InvalidNonce);
    sim.control.setClockOffset(20000);
    await expect(ex.fetchBalance()).rejects.toThrow(
      'Timestamp for this request is outside of the recvWindow.',
    );
  });

  it('when an unknown symbol is used on a signed call, then -1121 becomes BadSymbol', async () => {
    await expect(ex.privateGetOpenOrders({ symbol: 'NOPEUSDT' })).rejects.toBeInstanceOf(
      ccxt.BadSymbol,
    );
  });

  it('when raw requests miss the API key, timestamp or signature, then Binance codes name the field', async () => {
    const noKey = await getJson(
      `${sim.httpUrl}/api/v3/account?timestamp=${Date.now()}&signature=ab`,
    );
    const noTimestamp = await getJson(`${sim.httpUrl}/api/v3/account?signature=ab`, {
      headers: { 'X-MBX-APIKEY': 'k1' },
    });
    const noSignature = await getJson(`${sim.httpUrl}/api/v3/account?timestamp=${Date.now()}`, {
      headers: { 'X-MBX-APIKEY': 'k1' },
    });
    const badWindow = await getJson(
      `${sim.httpUrl}/api/v3/account?timestamp=${Date.now()}&recvWindow=70000&signature=ab`,
      { headers: { 'X-MBX-APIKEY': 'k1' } },
    );

    expect(noKey).toMatchObject({
      status: 401,
      body: { code: -2014, msg: 'API-key format invalid.' },
    });
    expect(noTimestamp).toMatchObject({ status: 400, body: { code: -1102 } });
    expect(noTimestamp.body.msg).toContain("'timestamp'");
    expect(noSignature.body.msg).toContain("'signature'");
    expect(badWindow.body.code).toBe(-1131);
  });

  it('when order params are malformed, then -1100/-1102/-1116/-1117 come back without a 500', async () => {
    const cases = [
      [{ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 'abc' }, -1100, "'quantity'"],
      [
        { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '0.001', timeInForce: 'GTC' },
        -1102,
        "'price'",
      ],
      [
        { symbol: 'BTCUSDT', side: 'BUY', type: 'WHATEVER', quantity: '0.001' },
        -1116,
        'Invalid orderType.',
      ],
      [
        { symbol: 'BTCUSDT', side: 'UP', type: 'MARKET', quantity: '0.001' },
        -1117,
        'Invalid side.',
      ],
      [{ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET' }, -1102, "'quantity' or 'quoteOrderQty'"],
      [
        {
          symbol: 'BTCUSDT',
          side: 'BUY',
          type: 'MARKET',
          quantity: '0.001',
          newClientOrderId: 'x'.repeat(37),
        },
        -1100,
        'newClientOrderId',
      ],
    ];
    for (const [params, code, text] of cases) {
      const err = await ex.privatePostOrder(params).catch((e) => e);
      expect(err).toBeInstanceOf(ccxt.ExchangeError);
      const entry = sim.control.requestLog({ path: '/api/v3/order' }).at(-1);
      expect(entry.status).toBe(400);
      expect(err.message).toContain(String(code));
      expect(err.message).toContain(text);
    }
  });
});
