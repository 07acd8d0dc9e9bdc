import type {
  IndicatorSeries,
  MarketSnapshot,
} from '../../../../../backend/src/http/routes/market-schemas';

/** Overlays on the candles that the reader may turn on and off. */
export const OVERLAYS = ['ema9', 'ema21', 'ema50', 'ema200', 'bollinger'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** Seconds since the epoch (lightweight-charts' time axis); no value = a gap (warm-up). */
export type ChartPoint = { time: number; value?: number };

/** Every indicator series, in drawing order; `macdHistogram` is drawn as bars, the rest as lines. */
export const SERIES_KEYS = [
  'ema9',
  'ema21',
  'ema50',
  'ema200',
  'bollingerUpper',
  'bollingerMiddle',
  'bollingerLower',
  'rsi14',
  'macd',
  'macdSignal',
  'macdHistogram',
] as const satisfies ReadonlyArray<keyof IndicatorSeries>;

export type LineKey = Exclude<(typeof SERIES_KEYS)[number], 'macdHistogram'>;

export const LINE_KEYS: readonly LineKey[] = SERIES_KEYS.filter(
  (key): key is LineKey => key !== 'macdHistogram',
);

export type MarketChartData = {
  /** Changes when another pair or timeframe is shown (the view is fitted again then). */
  key: string;
  candles: { time: number; open: number; high: number; low: number; close: number }[];
  lines: Record<LineKey, ChartPoint[]>;
  histogram: ChartPoint[];
};

/** The snapshot's candles (epoch ms) and aligned series as the chart draws them. */
export function toChartData(snapshot: MarketSnapshot): MarketChartData {
  const candles = snapshot.candles ?? [];
  const times = candles.map((c) => Math.floor(c.time / 1000));
  const points = (values: IndicatorSeries[keyof IndicatorSeries] | undefined): ChartPoint[] =>
    times.map((time, index) => {
      const value = values?.[index];
      return value === null || value === undefined ? { time } : { time, value };
    });
  const series = snapshot.series;
  const lines: Record<LineKey, ChartPoint[]> = {
    ema9: points(series?.ema9),
    ema21: points(series?.ema21),
    ema50: points(series?.ema50),
    ema200: points(series?.ema200),
    bollingerUpper: points(series?.bollingerUpper),
    bollingerMiddle: points(series?.bollingerMiddle),
    bollingerLower: points(series?.bollingerLower),
    rsi14: points(series?.rsi14),
    macd: points(series?.macd),
    macdSignal: points(series?.macdSignal),
  };
  return {
    key: `${snapshot.pair}|${snapshot.timeframe}`,
    candles: candles.map((c, index) => ({
      time: times[index] ?? 0,
      open: c.open,
      high: c.high,
      low: c.low,
      close: c.close,
    })),
    lines,
    histogram: points(series?.macdHistogram),
  };
}
