import http from 'node:http';

// A small Binance-Spot stand-in for this suite only (the shared sim/exchange is the real one):
// enough REST for ccxt's loadMarkets, tickers, klines, account and orders. Prices are set by the test.

const s8 = (n) => Number(n).toFixed(8);
const INTERVAL_MS = { '1m': 60000, '3m': 180000, '5m': 300000, '15m': 900000, '1h': 3600000 };

function symbolInfo(base, quote) {
  return {
    symbol: `${base}${quote}`,
    status: 'TRADING',
    baseAsset: base,
    quoteAsset: quote,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'],
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    permissions: [],
    permissionSets: [['SPOT']],
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: '0.01000000',
        maxPrice: '1000000.00000000',
        tickSize: '0.01000000',
      },
      {
        filterType: 'LOT_SIZE',
        minQty: '0.00001000',
        maxQty: '9000.00000000',
        stepSize: '0.00001000',
      },
      {
        filterType: 'NOTIONAL',
        minNotional: '5.00000000',
        applyMinToMarket: true,
        maxNotional: '9000000.00000000',
        applyMaxToMarket: false,
        avgPriceMins: 5,
      },
    ],
  };
}

export async function startFakeBinance({
  prices = { BTCUSDT: 50000, ETHUSDT: 3000, BNBUSDT: 600, XRPUSDT: 0.5 },
  spread = 0,
} = {}) {
  const state = {
    prices: { ...prices },
    orders: [],
    nextId: 1,
    requests: [],
    candles: {},
    failing: new Set(),
    refuseCancel: false,
    delays: new Map(),
  };
  const quote = (sym) => sym.replace(/USDT$/, '');

  const orderJson = (o) => ({
    symbol: o.symbol,
    orderId: o.orderId,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
    transactTime: o.time,
    time: o.time,
    updateTime: Date.now(),
    price: s8(o.price ?? 0),
    origQty: s8(o.qty),
    executedQty: s8(o.status === 'FILLED' ? o.qty : 0),
    cummulativeQuoteQty: s8(o.status === 'FILLED' ? o.qty * o.fillPrice : 0),
    status: o.status,
    timeInForce: o.timeInForce ?? 'GTC',
    type: o.type,
    side: o.side,
    stopPrice: s8(o.stopPrice ?? 0),
    isWorking: true,
    workingTime: o.time,
    selfTradePreventionMode: 'EXPIRE_MAKER',
  });

  const matchOrders = () => {
    for (const o of state.orders.filter((x) => x.status === 'NEW')) {
      const p = state.prices[o.symbol];
      if (o.type === 'STOP_LOSS_LIMIT' && p <= o.stopPrice)
        Object.assign(o, { status: 'FILLED', fillPrice: o.price });
      if (
        o.type === 'LIMIT' &&
        ((o.side === 'BUY' && p <= o.price) || (o.side === 'SELL' && p >= o.price))
      )
        Object.assign(o, { status: 'FILLED', fillPrice: o.price });
    }
  };

  const ticker = (sym) => {
    const p = state.prices[sym];
    return {
      symbol: sym,
      priceChange: '0',
      priceChangePercent: '0.000',
      weightedAvgPrice: s8(p),
      prevClosePrice: s8(p),
      lastPrice: s8(p),
      lastQty: '1',
      bidPrice: s8(p * (1 - spread)),
      bidQty: '10',
      askPrice: s8(p * (1 + spread)),
      askQty: '10',
      openPrice: s8(p),
      highPrice: s8(p),
      lowPrice: s8(p),
      volume: '1000',
      quoteVolume: s8(1000 * p),
      openTime: Date.now() - 86400000,
      closeTime: Date.now(),
      firstId: 1,
      lastId: 2,
      count: 2,
    };
  };

  // The last `limit` candles up to now, or (with startTime) `limit` candles from startTime on.
  const klines = (sym, interval, limit, startTime) => {
    const step = INTERVAL_MS[interval] ?? 60000;
    const now = Date.now();
    const lastOpen = Math.floor(now / step) * step;
    const first =
      startTime === undefined ? lastOpen - (limit - 1) * step : Math.ceil(startTime / step) * step;
    const rows = [];
    for (let t = first; t <= lastOpen && rows.length < limit; t += step) {
      const p = state.candles[sym]?.(t) ?? state.prices[sym];
      rows.push([
        t,
        s8(p),
        s8(p * 1.001),
        s8(p * 0.999),
        s8(p),
        '10',
        t + step - 1,
        s8(10 * p),
        5,
        '5',
        s8(5 * p),
        '0',
      ]);
    }
    return rows;
  };

  const handlers = {
    'GET /api/v3/ping': () => ({}),
    'GET /api/v3/time': () => ({ serverTime: Date.now() }),
    'GET /api/v3/exchangeInfo': () => ({
      timezone: 'UTC',
      serverTime: Date.now(),
      rateLimits: [],
      exchangeFilters: [],
      symbols: [
        ...Object.keys(state.prices).map((s) => symbolInfo(quote(s), 'USDT')),
        symbolInfo('ETH', 'BTC'),
      ],
    }),
    'GET /api/v3/ticker/24hr': (q) => {
      if (q.get('symbol')) return ticker(q.get('symbol'));
      const syms = q.get('symbols') ? JSON.parse(q.get('symbols')) : Object.keys(state.prices);
      return syms.filter((s) => state.prices[s] !== undefined).map(ticker);
    },
    'GET /api/v3/klines': (q) =>
      klines(
        q.get('symbol'),
        q.get('interval'),
        Math.min(Number(q.get('limit') ?? 500), 1000),
        q.get('startTime') ? Number(q.get('startTime')) : undefined,
      ),
    'GET /api/v3/account': () => ({
      makerCommission: 10,
      takerCommission: 10,
      buyerCommission: 0,
      sellerCommission: 0,
      commissionRates: { maker: '0.00100000', taker: '0.00100000', buyer: '0', seller: '0' },
      canTrade: true,
      canWithdraw: false,
      canDeposit: true,
      brokered: false,
      updateTime: Date.now(),
      accountType: 'SPOT',
      balances: [
        { asset: 'USDT', free: '10000.00000000', locked: '0.00000000' },
        { asset: 'BTC', free: '1.00000000', locked: '0.00000000' },
      ],
      permissions: ['SPOT'],
      uid: 1,
    }),
    'POST /api/v3/order': (q) => {
      const o = {
        symbol: q.get('symbol'),
        orderId: state.nextId++,
        clientOrderId: q.get('newClientOrderId') ?? `c${state.nextId}`,
        side: q.get('side'),
        type: q.get('type'),
        qty: Number(q.get('quantity')),
        price: q.get('price') ? Number(q.get('price')) : null,
        stopPrice: q.get('stopPrice') ? Number(q.get('stopPrice')) : null,
        timeInForce: q.get('timeInForce'),
        time: Date.now(),
        status: 'NEW',
      };
      if (o.type === 'MARKET')
        Object.assign(o, { status: 'FILLED', fillPrice: state.prices[o.symbol] });
      state.orders.push(o);
      matchOrders();
      return orderJson(o);
    },
    'GET /api/v3/order': (q) => {
      matchOrders();
      const o = state.orders.find((x) => x.orderId === Number(q.get('orderId')));
      return o ? orderJson(o) : [400, { code: -2013, msg: 'Order does not exist.' }];
    },
    'DELETE /api/v3/order': (q) => {
      const o = state.orders.find((x) => x.orderId === Number(q.get('orderId')));
      // state.refuseCancel: the exchange answers "Unknown order" although the order rests.
      if (!o || o.status !== 'NEW' || state.refuseCancel)
        return [400, { code: -2011, msg: 'Unknown order sent.' }];
      o.status = 'CANCELED';
      return orderJson(o);
    },
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      const body = Buffer.concat(chunks).toString();
      const q = req.method === 'POST' ? new URLSearchParams(body) : url.searchParams;
      state.requests.push({
        method: req.method,
        path: url.pathname,
        params: Object.fromEntries(q),
        apiKey: req.headers['x-mbx-apikey'],
      });
      const h = state.failing.has(url.pathname)
        ? () => [
            500,
            {
              code: -1001,
              msg: 'Internal error; unable to process your request. Please try again.',
            },
          ]
        : handlers[`${req.method} ${url.pathname}`];
      let status = 200;
      let out = h ? h(q) : [404, { code: -1, msg: 'not simulated' }];
      if (
        Array.isArray(out) &&
        typeof out[0] === 'number' &&
        out.length === 2 &&
        !Array.isArray(out[1])
      )
        [status, out] = out;
      const text = JSON.stringify(out);
      // state.delays: path → ms before the answer is sent (a slow exchange).
      setTimeout(
        () => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(text);
        },
        state.delays.get(url.pathname) ?? 0,
      );
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    state,
    setPrice: (sym, p) => {
      state.prices[sym] = p;
      matchOrders();
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}
