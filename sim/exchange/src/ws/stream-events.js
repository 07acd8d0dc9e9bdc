// Binance stream payloads, built from the same market data the REST routes serve.
import { isInterval, openOf } from '../price/intervals.js';

const PERIODS = {
  kline: 2000,
  ticker: 1000,
  miniTicker: 1000,
  bookTicker: 250,
  trade: 1000,
  aggTrade: 1000,
  depth: 1000,
};

/**
 * Parses `btcusdt@kline_1m`, `ethusdt@depth10@100ms`, `!miniTicker@arr`, …
 * @returns {null | {name:string, market:any, kind:string, interval?:string, levels?:number, periodMs:number}}
 */
export function parseStream(name, markets) {
  if (name === '!miniTicker@arr' || name === '!ticker@arr') {
    return {
      name,
      market: null,
      kind: name === '!ticker@arr' ? 'tickerArr' : 'miniTickerArr',
      periodMs: 1000,
    };
  }
  const m = /^([a-z0-9]+)@([A-Za-z0-9_]+)(@(100ms|1000ms))?$/.exec(name);
  if (!m) return null;
  const market = markets.get(m[1].toUpperCase());
  if (!market) return null;
  const kind = m[2];
  const speed = m[4];
  if (kind.startsWith('kline_')) {
    const interval = kind.slice(6);
    if (!isInterval(interval) || speed) return null;
    return {
      name,
      market,
      kind: 'kline',
      interval,
      periodMs: interval === '1s' ? 1000 : PERIODS.kline,
    };
  }
  const depth = /^depth(5|10|20)?$/.exec(kind);
  if (depth) {
    const periodMs = speed === '100ms' ? 100 : 1000;
    return {
      name,
      market,
      kind: depth[1] ? 'partialDepth' : 'depth',
      levels: Number(depth[1] ?? 20),
      periodMs,
    };
  }
  if (speed || !(kind in PERIODS)) return null;
  return { name, market, kind, periodMs: PERIODS[kind] };
}

function klineEvent(data, sub, open, now, closed) {
  const row = data.kline(sub.market, sub.interval, open, now);
  const firstId = data.tradeAt(sub.market, Math.floor(open / 1000)).id;
  return {
    e: 'kline',
    E: now,
    s: sub.market.symbol,
    k: {
      t: open,
      T: row[6],
      s: sub.market.symbol,
      i: sub.interval,
      f: firstId,
      L: Math.max(firstId, firstId + Math.floor((Math.min(now, row[6]) - open) / 1000) - 1),
      o: row[1],
      c: row[4],
      h: row[2],
      l: row[3],
      v: row[5],
      n: row[8],
      x: closed,
      q: row[7],
      V: row[9],
      Q: row[10],
      B: '0',
    },
  };
}

function tickerEvent(data, market, now, mini) {
  const t = data.ticker24h(market, now);
  if (mini) {
    return {
      e: '24hrMiniTicker',
      E: now,
      s: t.symbol,
      c: t.lastPrice,
      o: t.openPrice,
      h: t.highPrice,
      l: t.lowPrice,
      v: t.volume,
      q: t.quoteVolume,
    };
  }
  return {
    e: '24hrTicker',
    E: now,
    s: t.symbol,
    p: t.priceChange,
    P: t.priceChangePercent,
    w: t.weightedAvgPrice,
    x: t.prevClosePrice,
    c: t.lastPrice,
    Q: t.lastQty,
    b: t.bidPrice,
    B: t.bidQty,
    a: t.askPrice,
    A: t.askQty,
    o: t.openPrice,
    h: t.highPrice,
    l: t.lowPrice,
    v: t.volume,
    q: t.quoteVolume,
    O: t.openTime,
    C: t.closeTime,
    F: t.firstId,
    L: t.lastId,
    n: t.count,
  };
}

function depthDiff(data, sub, now) {
  const book = data.depth(sub.market, now, sub.levels);
  const prev = sub.state.book ?? { bids: [], asks: [] };
  const diff = (before, after) => {
    const keep = new Map(after.map(([p, q]) => [p, q]));
    const changes = after.filter(([p, q]) => !before.some(([bp, bq]) => bp === p && bq === q));
    for (const [p] of before) if (!keep.has(p)) changes.push([p, '0.00000000']);
    return changes;
  };
  const U = sub.state.lastU === undefined ? book.lastUpdateId - 10 : sub.state.lastU + 1;
  const u = Math.max(U, book.lastUpdateId);
  sub.state.book = book;
  sub.state.lastU = u;
  return {
    e: 'depthUpdate',
    E: now,
    s: sub.market.symbol,
    U,
    u,
    b: diff(prev.bids, book.bids),
    a: diff(prev.asks, book.asks),
  };
}

function tradeEvents(data, sub, now, agg) {
  const last = Math.floor(now / 1000) - 1;
  const from = sub.state.lastSecond === undefined ? last : sub.state.lastSecond + 1;
  sub.state.lastSecond = last;
  const out = [];
  for (let s = Math.max(from, last - 10); s <= last; s += 1) {
    const t = data.tradeAt(sub.market, s);
    out.push(
      agg
        ? {
            e: 'aggTrade',
            E: now,
            s: sub.market.symbol,
            a: t.id,
            p: t.price,
            q: t.qty,
            f: t.id,
            l: t.id,
            T: t.time,
            m: t.isBuyerMaker,
            M: true,
          }
        : {
            e: 'trade',
            E: now,
            s: sub.market.symbol,
            t: t.id,
            p: t.price,
            q: t.qty,
            T: t.time,
            m: t.isBuyerMaker,
            M: true,
          },
    );
  }
  return out;
}

/** @returns {object[]} the events a subscription emits now */
export function eventsFor(data, markets, sub, now) {
  switch (sub.kind) {
    case 'kline': {
      const open = openOf(sub.interval, now);
      const out = [];
      if (sub.state.open !== undefined && sub.state.open < open)
        out.push(klineEvent(data, sub, sub.state.open, now, true));
      sub.state.open = open;
      out.push(klineEvent(data, sub, open, now, false));
      return out;
    }
    case 'ticker':
    case 'miniTicker':
      return [tickerEvent(data, sub.market, now, sub.kind === 'miniTicker')];
    case 'tickerArr':
    case 'miniTickerArr':
      return [
        [...markets.values()].map((m) => tickerEvent(data, m, now, sub.kind === 'miniTickerArr')),
      ];
    case 'bookTicker': {
      const b = data.bookTop(sub.market, now);
      return [
        {
          u: Math.floor(now / 100),
          s: sub.market.symbol,
          b: b.bidPrice,
          B: b.bidQty,
          a: b.askPrice,
          A: b.askQty,
        },
      ];
    }
    case 'trade':
    case 'aggTrade':
      return tradeEvents(data, sub, now, sub.kind === 'aggTrade');
    case 'depth':
      return [depthDiff(data, sub, now)];
    case 'partialDepth': {
      const book = data.depth(sub.market, now, sub.levels);
      return [{ lastUpdateId: book.lastUpdateId, bids: book.bids, asks: book.asks }];
    }
    default:
      return [];
  }
}
