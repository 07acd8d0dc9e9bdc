// Binance-shaped market data (klines, tickers, book, trades) read from the per-symbol timelines.
import { createTimeline } from '../price/timeline.js';
import { nextOpen, openOf, prevOpen } from '../price/intervals.js';
import { formatUnits } from '../util/decimal.js';
import { hash32, hashString } from '../util/rng.js';

// Every pair "lists" on this date: klines before it are empty, as before a real listing.
export const LISTING_MS = Date.UTC(2024, 0, 1);
const DAY_MS = 86400000;

/** @param {{markets: Map<string, import('./catalogue.js').Market>, seed:number, speed:number, startMs:number}} opts */
export function createMarketData({ markets, seed, speed, startMs }) {
  const timelines = new Map();
  for (const [symbol, market] of markets) {
    timelines.set(symbol, createTimeline({ seed, market, speed, startMs }));
  }

  const px = (market, ticks) => formatUnits(BigInt(ticks) * market.tickUnits);
  const qty = (market, steps) => formatUnits(BigInt(steps) * market.stepUnits);
  const quoteOf = (market, c) => c.v * market.step * ((c.o + c.h + c.l + c.c) / 4) * market.tick;
  const timeline = (symbol) =>
    /** @type {ReturnType<typeof createTimeline>} */ (timelines.get(symbol));

  // Ranges up to "now" end at now + 1 so a price set in this very millisecond is already visible.
  function kline(market, interval, open, now) {
    const close = nextOpen(interval, open);
    const c = timeline(market.symbol).aggregate(open, Math.min(close, now + 1));
    const taker = Math.floor(c.v / 2);
    return [
      open,
      px(market, c.o),
      px(market, c.h),
      px(market, c.l),
      px(market, c.c),
      qty(market, c.v),
      close - 1,
      quoteOf(market, c).toFixed(8),
      c.n,
      qty(market, taker),
      (quoteOf(market, c) * (taker / Math.max(c.v, 1))).toFixed(8),
      '0',
    ];
  }

  /**
   * Binance's selection: from startTime forwards, else the last `limit` up to endTime (or now); the
   * in-progress candle is last; never future candles; nothing before listing.
   */
  function klines(market, interval, { startTime, endTime, limit }, now) {
    const last = openOf(interval, Math.min(endTime ?? now, now));
    const opens = [];
    if (startTime !== undefined) {
      let open = openOf(interval, Math.max(startTime, LISTING_MS));
      if (open < startTime) open = nextOpen(interval, open);
      while (open <= last && opens.length < limit) {
        opens.push(open);
        open = nextOpen(interval, open);
      }
    } else {
      let open = last;
      while (nextOpen(interval, open) > LISTING_MS && opens.length < limit) {
        opens.unshift(open);
        open = prevOpen(interval, open);
      }
    }
    return opens
      .filter((o) => nextOpen(interval, o) > LISTING_MS)
      .map((o) => kline(market, interval, o, now));
  }

  function priceTicks(symbol, now) {
    return timeline(symbol).priceAt(now);
  }

  function lastPrice(market, now) {
    return px(market, priceTicks(market.symbol, now));
  }

  function bookTop(market, now) {
    const p = priceTicks(market.symbol, now);
    const second = Math.floor(now / 1000);
    const size = (side) =>
      Math.max(
        1,
        Math.round(
          (market.dailyVolumeSteps / 40000) *
            (0.2 + (hash32(hashString(market.symbol), second, side) % 1000) / 500),
        ),
      );
    return {
      bidPrice: px(market, p),
      bidQty: qty(market, size(1)),
      askPrice: px(market, p + 1),
      askQty: qty(market, size(2)),
      bidTicks: p,
      askTicks: p + 1,
    };
  }

  /** Book levels: a fixed quantity per price level, so diffs only show levels that moved. */
  function depth(market, now, limit) {
    const p = priceTicks(market.symbol, now);
    const symbolKey = hashString(market.symbol);
    const level = (ticks) => {
      const steps = Math.max(
        1,
        Math.round(
          (market.dailyVolumeSteps / 50000) * (0.1 + (hash32(symbolKey, ticks) % 1000) / 400),
        ),
      );
      return [px(market, ticks), qty(market, steps)];
    };
    const bids = [];
    const asks = [];
    for (let i = 0; i < limit; i += 1) {
      if (p - i >= 1) bids.push(level(p - i));
      asks.push(level(p + 1 + i));
    }
    return { lastUpdateId: Math.floor(now / 100), bids, asks };
  }

  /** One trade per wall second: its id is the second's index since listing. */
  function tradeAt(market, second) {
    const c = timeline(market.symbol).aggregate(second * 1000, second * 1000 + 1000);
    const steps = Math.max(1, c.v);
    return {
      id: second - LISTING_MS / 1000,
      price: px(market, c.c),
      qty: qty(market, steps),
      quoteQty: (steps * market.step * c.c * market.tick).toFixed(8),
      time: second * 1000 + (hash32(hashString(market.symbol), second) % 1000),
      isBuyerMaker: hash32(second, hashString(market.symbol)) % 2 === 0,
    };
  }

  function recentTrades(market, now, limit) {
    const lastSecond = Math.floor(now / 1000) - 1;
    const trades = [];
    for (let s = lastSecond - limit + 1; s <= lastSecond; s += 1) trades.push(tradeAt(market, s));
    return trades;
  }

  function ticker24h(market, now, windowMs = DAY_MS) {
    const from = now - windowMs;
    const c = timeline(market.symbol).aggregate(from, now + 1);
    const prev = priceTicks(market.symbol, from - 1);
    const top = bookTop(market, now);
    const volume = c.v * market.step;
    const quote = quoteOf(market, c);
    const firstId = Math.floor(from / 1000) - LISTING_MS / 1000;
    const lastTrade = tradeAt(market, Math.floor(now / 1000) - 1);
    return {
      symbol: market.symbol,
      priceChange: px(market, c.c - c.o),
      priceChangePercent: (((c.c - c.o) / c.o) * 100).toFixed(3),
      weightedAvgPrice: (volume > 0 ? quote / volume : c.c * market.tick).toFixed(8),
      prevClosePrice: px(market, prev),
      lastPrice: px(market, c.c),
      lastQty: lastTrade.qty,
      bidPrice: top.bidPrice,
      bidQty: top.bidQty,
      askPrice: top.askPrice,
      askQty: top.askQty,
      openPrice: px(market, c.o),
      highPrice: px(market, c.h),
      lowPrice: px(market, c.l),
      volume: qty(market, c.v),
      quoteVolume: quote.toFixed(8),
      openTime: from,
      closeTime: now,
      firstId,
      lastId: lastTrade.id,
      count: lastTrade.id - firstId + 1,
    };
  }

  return {
    timeline,
    klines,
    kline,
    lastPrice,
    priceTicks,
    bookTop,
    depth,
    recentTrades,
    tradeAt,
    ticker24h,
    px,
    qty,
  };
}
