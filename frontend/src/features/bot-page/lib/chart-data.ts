import type { Candles } from '../api/get-candles';

/** Seconds since the epoch, as lightweight-charts wants its time axis. */
export type ChartTime = number;

export type ChartCandle = {
  time: ChartTime;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
};

/** An entry (arrow up, under the candle) or exit (arrow down, over it) of one trade. */
export type ChartMarker = {
  tradeId: number;
  kind: 'entry' | 'exit';
  /** The candle the marker sits on (the one the fill happened in). */
  time: ChartTime;
  /** When it actually happened. */
  at: string;
  price: number | null;
  profitRatio: number | null;
  exitReason: string | null;
};

export type ChartLineKind = 'entry' | 'stop' | 'target';
export type ChartLine = { tradeId: number; kind: ChartLineKind; price: number };

export type ChartData = {
  pair: string;
  timeframe: string;
  source: Candles['source'];
  candles: ChartCandle[];
  markers: ChartMarker[];
  lines: ChartLine[];
};

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The time of the last candle opened at or before `time`; null when it is before the first. */
function candleAt(times: ChartTime[], time: ChartTime): ChartTime | null {
  let low = 0;
  let high = times.length - 1;
  let found: ChartTime | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = times[mid] as ChartTime;
    if (value <= time) {
      found = value;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * What the chart draws, from the API's answer: candles in time order without duplicates, each
 * marker moved onto the candle it happened in (markers before the first candle are left out, the
 * chart could not place them), and one horizontal line per known price of each open trade.
 */
export function toChartData(answer: Candles): ChartData {
  const byTime = new Map<ChartTime, ChartCandle>();
  for (const c of answer.candles) {
    const time = seconds(c.time);
    if (Number.isFinite(time)) byTime.set(time, { ...c, time });
  }
  const candles = [...byTime.values()].sort((a, b) => a.time - b.time);
  const times = candles.map((c) => c.time);
  const markers = answer.markers
    .flatMap((m): ChartMarker[] => {
      if (m.time === null) return [];
      const time = candleAt(times, seconds(m.time));
      if (time === null) return [];
      return [
        {
          tradeId: m.tradeId,
          kind: m.kind,
          time,
          at: m.time,
          price: m.price,
          profitRatio: m.profitRatio ?? null,
          exitReason: m.exitReason ?? null,
        },
      ];
    })
    .sort((a, b) => a.time - b.time || a.tradeId - b.tradeId);
  const lines = answer.lines.flatMap((line): ChartLine[] => [
    { tradeId: line.tradeId, kind: 'entry', price: line.entry },
    ...(line.stop === null
      ? []
      : [{ tradeId: line.tradeId, kind: 'stop' as const, price: line.stop }]),
    ...(line.target === null
      ? []
      : [{ tradeId: line.tradeId, kind: 'target' as const, price: line.target }]),
  ]);
  return {
    pair: answer.pair,
    timeframe: answer.timeframe,
    source: answer.source,
    candles,
    markers,
    lines,
  };
}
