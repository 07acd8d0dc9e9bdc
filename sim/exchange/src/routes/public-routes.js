// Public market-data endpoints of /api/v3 with Binance's request weights.
import { BinanceError, mandatory } from '../http/binance-error.js';
import { ORDER_TYPES } from '../engine/order-request.js';
import { isInterval } from '../price/intervals.js';
import { LISTING_MS } from '../market/market-data.js';
import { formatUnits } from '../util/decimal.js';
import { intParam, limitParam, marketParam, symbolsParam } from './params.js';

function symbolInfo(m) {
  return {
    symbol: m.symbol,
    status: m.status ?? 'TRADING',
    baseAsset: m.baseAsset,
    baseAssetPrecision: 8,
    quoteAsset: m.quoteAsset,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: ORDER_TYPES,
    icebergAllowed: false,
    ocoAllowed: false,
    otoAllowed: false,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: false,
    cancelReplaceAllowed: false,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: formatUnits(m.minPriceUnits),
        maxPrice: formatUnits(m.maxPriceUnits),
        tickSize: formatUnits(m.tickUnits),
      },
      {
        filterType: 'LOT_SIZE',
        minQty: formatUnits(m.minQtyUnits),
        maxQty: formatUnits(m.maxQtyUnits),
        stepSize: formatUnits(m.stepUnits),
      },
      {
        filterType: 'MARKET_LOT_SIZE',
        minQty: '0.00000000',
        maxQty: formatUnits(m.marketMaxQtyUnits),
        stepSize: '0.00000000',
      },
      {
        filterType: 'NOTIONAL',
        minNotional: formatUnits(m.minNotionalUnits),
        applyMinToMarket: true,
        maxNotional: formatUnits(m.maxNotionalUnits),
        applyMaxToMarket: false,
        avgPriceMins: 5,
      },
      { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
    ],
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
  };
}

function depthWeight(params) {
  const limit = Number(params.get('limit') ?? 100);
  if (limit <= 100) return 5;
  if (limit <= 500) return 25;
  if (limit <= 1000) return 50;
  return 250;
}

function tickersWeight(params, single, many) {
  if (params.get('symbol')) return single;
  const raw = params.get('symbols');
  if (!raw) return many;
  const count = (raw.match(/,/g) ?? []).length + 1;
  if (single === 2 && many === 80) return count <= 20 ? 2 : count <= 100 ? 40 : 80;
  return many;
}

const WINDOW_UNITS = { m: [60000, 59], h: [3600000, 23], d: [86400000, 7] };

/** Rolling-window ticker `windowSize`: 1m–59m, 1h–23h, 1d–7d (default 1d). */
function windowSizeParam(params) {
  const raw = params.get('windowSize') ?? '1d';
  const m = /^([0-9]{1,2})([mhd])$/.exec(raw);
  const unit = m ? WINDOW_UNITS[m[2]] : undefined;
  if (!m || !unit || Number(m[1]) < 1 || Number(m[1]) > unit[1]) {
    throw new BinanceError(
      400,
      -1100,
      "Illegal characters found in parameter 'windowSize'; legal range is '1m-59m, 1h-23h, 1d-7d'.",
    );
  }
  return Number(m[1]) * unit[0];
}

/** Answers one item for `symbol=`, else an array. */
function perSymbol(params, markets, make) {
  const sel = symbolsParam(params, markets);
  if (sel?.single) return make(sel.list[0]);
  return (sel ? sel.list : [...markets.values()]).map(make);
}

/** @param {any} ctx */
export function publicRoutes(ctx) {
  const { markets, data } = ctx;
  return {
    'GET /api/v3/ping': { weight: 1, handle: () => ({}) },
    'GET /api/v3/time': { weight: 1, handle: ({ now }) => ({ serverTime: now }) },
    'GET /api/v3/exchangeInfo': {
      weight: 20,
      handle: ({ params, now }) => {
        const sel = symbolsParam(params, markets);
        return {
          timezone: 'UTC',
          serverTime: now,
          rateLimits: [
            {
              rateLimitType: 'REQUEST_WEIGHT',
              interval: 'MINUTE',
              intervalNum: 1,
              limit: ctx.options.weightLimit,
            },
            { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
            { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
            { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
          ],
          exchangeFilters: [],
          symbols: (sel ? sel.list : [...markets.values()]).map(symbolInfo),
        };
      },
    },
    'GET /api/v3/klines': { weight: 2, handle: (req) => klines(req) },
    'GET /api/v3/uiKlines': { weight: 2, handle: (req) => klines(req) },
    'GET /api/v3/depth': {
      weight: depthWeight,
      handle: ({ params, now }) => {
        const market = marketParam(params, markets);
        return data.depth(market, now, limitParam(params, { fallback: 100, max: 5000 }));
      },
    },
    'GET /api/v3/trades': {
      weight: 25,
      handle: ({ params, now }) => {
        const market = marketParam(params, markets);
        return data
          .recentTrades(market, now, limitParam(params, { fallback: 500, max: 1000 }))
          .map((t) => ({
            id: t.id,
            price: t.price,
            qty: t.qty,
            quoteQty: t.quoteQty,
            time: t.time,
            isBuyerMaker: t.isBuyerMaker,
            isBestMatch: true,
          }));
      },
    },
    'GET /api/v3/aggTrades': { weight: 4, handle: (req) => aggTrades(req) },
    'GET /api/v3/ticker/24hr': {
      weight: (p) => tickersWeight(p, 2, 80),
      handle: ({ params, now }) => perSymbol(params, markets, (m) => data.ticker24h(m, now)),
    },
    'GET /api/v3/ticker': {
      weight: (p) => 4 * Math.min(50, symbolsParam(p, markets)?.list.length ?? 1),
      handle: ({ params, now }) => {
        const windowMs = windowSizeParam(params);
        return perSymbol(params, markets, (m) => {
          const {
            prevClosePrice: _p,
            lastQty: _q,
            bidPrice: _b,
            bidQty: _bq,
            askPrice: _a,
            askQty: _aq,
            ...rest
          } = data.ticker24h(m, now, windowMs);
          return rest;
        });
      },
    },
    'GET /sapi/v1/system/status': {
      weight: 1,
      sapi: true,
      handle: () => ({ status: 0, msg: 'normal' }),
    },
    'GET /api/v3/ticker/price': {
      weight: (p) => tickersWeight(p, 2, 4),
      handle: ({ params, now }) =>
        perSymbol(params, markets, (m) => ({ symbol: m.symbol, price: data.lastPrice(m, now) })),
    },
    'GET /api/v3/ticker/bookTicker': {
      weight: (p) => tickersWeight(p, 2, 4),
      handle: ({ params, now }) =>
        perSymbol(params, markets, (m) => {
          const { bidPrice, bidQty, askPrice, askQty } = data.bookTop(m, now);
          return { symbol: m.symbol, bidPrice, bidQty, askPrice, askQty };
        }),
    },
    'GET /api/v3/avgPrice': {
      weight: 2,
      handle: ({ params, now }) => {
        const market = marketParam(params, markets);
        const rows = data.klines(market, '1m', { limit: 5 }, now);
        const avg = rows.reduce((s, r) => s + Number(r[4]), 0) / Math.max(rows.length, 1);
        return { mins: 5, price: avg.toFixed(8), closeTime: now };
      },
    },
  };

  function klines({ params, now }) {
    const market = marketParam(params, markets);
    const interval = params.get('interval');
    if (!interval) throw mandatory('interval');
    if (!isInterval(interval)) throw new BinanceError(400, -1120, 'Invalid interval.');
    const startTime = intParam(params, 'startTime');
    const endTime = intParam(params, 'endTime');
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
      throw new BinanceError(400, -1023, 'Start time is greater than end time.');
    }
    const limit = limitParam(params, { fallback: 500, max: 1000 });
    return data.klines(market, interval, { startTime, endTime, limit }, now);
  }

  function aggTrades({ params, now }) {
    const market = marketParam(params, markets);
    const limit = limitParam(params, { fallback: 500, max: 1000 });
    const startTime = intParam(params, 'startTime');
    const endTime = intParam(params, 'endTime');
    const fromId = intParam(params, 'fromId');
    let trades;
    if (startTime !== undefined || endTime !== undefined) {
      const end = Math.min(endTime ?? startTime + 3600000, now);
      const start = startTime ?? end - 3600000;
      if (end - start > 3600000)
        throw new BinanceError(400, -1127, 'More than 1 hours between startTime and endTime.');
      trades = [];
      for (
        let s = Math.max(Math.ceil(start / 1000), LISTING_MS / 1000);
        s * 1000 <= end && s * 1000 < now - 1000 && trades.length < limit;
        s += 1
      ) {
        trades.push(data.tradeAt(market, s));
      }
    } else if (fromId !== undefined) {
      trades = [];
      if (fromId < 0)
        throw new BinanceError(
          400,
          -1100,
          "Illegal characters found in parameter 'fromId'; legal range is '>= 0'.",
        );
      const firstSecond = fromId + LISTING_MS / 1000;
      for (let s = firstSecond; s * 1000 < now - 1000 && trades.length < limit; s += 1)
        trades.push(data.tradeAt(market, s));
    } else {
      trades = data.recentTrades(market, now, limit);
    }
    return trades.map((t) => ({
      a: t.id,
      p: t.price,
      q: t.qty,
      f: t.id,
      l: t.id,
      T: t.time,
      m: t.isBuyerMaker,
      M: true,
    }));
  }
}
