import type {
  MarketEvent,
  MarketSnapshot,
  WatchRow,
  Watchlist,
} from '../../../../../backend/src/http/routes/market-schemas';

import { SERIES_KEYS } from './chart-series';

type CandleEvent = Extract<MarketEvent, { kind: 'market-candle' }>;

/**
 * The watchlist with one row replaced by its pushed copy; null when the row is not on the list
 * (a pair just added elsewhere), which only a re-read can place in the user's order.
 */
export function withRow(watchlist: Watchlist, row: WatchRow): Watchlist | null {
  const index = watchlist.rows.findIndex((r) => r.pair === row.pair);
  if (index < 0) return null;
  const rows = [...watchlist.rows];
  rows[index] = row;
  return { ...watchlist, rows };
}

/**
 * A pair page's snapshot with the ticker of its pushed watchlist row. Only the ticker: the row's
 * feed state (stale, REST, issue) is of the watchlist's timeframe, which may not be the page's.
 */
export function withRowTicker(snapshot: MarketSnapshot, row: WatchRow): MarketSnapshot {
  if (row.pair !== snapshot.pair || row.ticker === null) return snapshot;
  return { ...snapshot, ticker: row.ticker };
}

/**
 * The snapshot with a pushed candle upserted (the open candle replaced, or a new one appended
 * while the oldest drops off), the series' last values taken from the recomputed indicators.
 * A candle older than the last one, or of another pair or timeframe, changes nothing.
 */
export function withCandle(
  snapshot: MarketSnapshot,
  event: CandleEvent,
  at: number,
  maxCandles: number,
): MarketSnapshot {
  if (event.pair !== snapshot.pair || event.timeframe !== snapshot.timeframe) return snapshot;
  const next: MarketSnapshot = {
    ...snapshot,
    indicators: event.indicators,
    regime: event.regime,
    updatedAt: Math.max(snapshot.updatedAt, at),
    stale: false,
  };
  const candles = snapshot.candles;
  if (!candles) return next;
  const last = candles[candles.length - 1];
  if (last && event.candle.time < last.time) return snapshot;
  const replaces = last !== undefined && last.time === event.candle.time;
  const keep = (list: readonly unknown[]) => (replaces ? list.length - 1 : list.length);
  // A new candle pushes the oldest out once the window is full.
  const drop = !replaces && candles.length >= maxCandles ? 1 : 0;
  const upsert = <T>(list: T[], value: T) => [...list.slice(drop, keep(list)), value];
  next.candles = upsert(candles, event.candle);
  const series = snapshot.series;
  if (series) {
    const updated = { ...series };
    for (const key of SERIES_KEYS) updated[key] = upsert(series[key], event.indicators[key]);
    next.series = updated;
  }
  return next;
}
