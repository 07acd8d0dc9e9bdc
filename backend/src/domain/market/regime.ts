// A market regime label a trader can check by eye: a few fixed rules over the indicators, tried in
// a fixed order, the first that holds decides. `numbers` carries every figure the rules tried so
// far compared, so the panel can say why ("ATR 3.1 % ≥ 2 × its median 1.2 %"). Rules and
// thresholds: ./README.md ("Regime").
import { atrValues } from './indicators.js';
import type { Candle, ComputedIndicators, Series } from './indicators.js';

export type RegimeLabel = 'trend-up' | 'trend-down' | 'range' | 'volatile' | 'unknown';

export interface RegimeResult {
  label: RegimeLabel;
  /** The rule that decided, e.g. `ema-stack-up` (README.md lists them in order). */
  rule: string;
  /** The numbers the rules compared, by name; all finite. */
  numbers: Record<string, number>;
}

export const REGIME_THRESHOLDS = {
  /** EMA50 needs 50 candles and its 10-candle slope 10 more. */
  minCandles: 60,
  /** Candles over which "usual" volatility is the median. */
  medianWindow: 100,
  /** Volatile when ATR% or band width is at least this many times its median. */
  spikeFactor: 2,
  /** Candles over which EMA50's slope is measured. */
  slopeCandles: 10,
} as const;

const { minCandles, medianWindow, spikeFactor, slopeCandles } = REGIME_THRESHOLDS;

/** Median of the finite values among the last `window` of `values`; null when there are none. */
function medianOfLast(values: Float64Array, window: number): number | null {
  const picked: number[] = [];
  for (let i = Math.max(0, values.length - window); i < values.length; i += 1) {
    const v = values[i] as number;
    if (Number.isFinite(v)) picked.push(v);
  }
  if (picked.length === 0) return null;
  picked.sort((a, b) => a - b);
  const mid = picked.length >> 1;
  return picked.length % 2 === 1
    ? (picked[mid] as number)
    : ((picked[mid - 1] as number) + (picked[mid] as number)) / 2;
}

const valueAt = (series: Series, i: number): number =>
  i >= 0 ? (series[i] ?? Number.NaN) : Number.NaN;

/**
 * Classifies the last candle's market. `computed` must be `computeIndicators(candles)` (same
 * candles, same length); ATR's series, which the chart does not carry, is recomputed here.
 * Rules, first match wins: not-enough-candles → atr-spike → bandwidth-spike → ema-stack-up →
 * ema-stack-down → no-trend-stack (range).
 */
export function classifyRegime(
  candles: readonly Candle[],
  computed: ComputedIndicators,
): RegimeResult {
  const n = candles.length;
  const { series } = computed;
  if (series.ema50.length !== n || series.bollingerMiddle.length !== n) {
    throw new RangeError(`indicators cover ${series.ema50.length} candles, not ${n}`);
  }
  const numbers: Record<string, number> = {};
  const note = (name: string, value: number | null): number | null => {
    if (value === null || !Number.isFinite(value)) return null;
    numbers[name] = value;
    return value;
  };
  const decide = (label: RegimeLabel, rule: string): RegimeResult => ({ label, rule, numbers });

  note('candles', n);
  if (n < minCandles) {
    note('minCandles', minCandles);
    return decide('unknown', 'not-enough-candles');
  }

  // Volatility against its own recent past, so the rule fits any pair and timeframe.
  const atr14 = atrValues(candles, 14);
  const atrPcts = new Float64Array(n);
  const widths = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const close = (candles[i] as Candle).close;
    const middle = valueAt(series.bollingerMiddle, i);
    atrPcts[i] = close > 0 ? ((atr14[i] as number) / close) * 100 : Number.NaN;
    widths[i] =
      middle > 0
        ? ((valueAt(series.bollingerUpper, i) - valueAt(series.bollingerLower, i)) / middle) * 100
        : Number.NaN;
  }
  const atrPct = note('atrPct', atrPcts[n - 1] as number);
  const atrPctMedian = note('atrPctMedian100', medianOfLast(atrPcts, medianWindow));
  const width = note('bandwidthPct', widths[n - 1] as number);
  const widthMedian = note('bandwidthPctMedian100', medianOfLast(widths, medianWindow));
  if (atrPct === null || atrPctMedian === null || width === null || widthMedian === null) {
    return decide('unknown', 'indicators-unavailable');
  }
  note('spikeFactor', spikeFactor);
  // `> 0`: a market that never moved (all medians 0) is not volatile.
  if (atrPct > 0 && atrPct >= spikeFactor * atrPctMedian) return decide('volatile', 'atr-spike');
  if (width > 0 && width >= spikeFactor * widthMedian) {
    return decide('volatile', 'bandwidth-spike');
  }

  // Trend: the EMA stack in order and EMA50 itself moving that way.
  const close = note('close', (candles[n - 1] as Candle).close);
  const ema21 = note('ema21', valueAt(series.ema21, n - 1));
  const ema50 = note('ema50', valueAt(series.ema50, n - 1));
  // Absent (not in `numbers`) before candle 200: the rule then goes without it.
  const ema200 = note('ema200', valueAt(series.ema200, n - 1));
  const ema50Before = valueAt(series.ema50, n - 1 - slopeCandles);
  const slope = note(
    'ema50Slope10Pct',
    ema50 !== null && ema50Before > 0 ? (ema50 / ema50Before - 1) * 100 : null,
  );
  if (close === null || ema21 === null || ema50 === null || slope === null) {
    return decide('unknown', 'indicators-unavailable');
  }
  if (close > ema50 && ema21 > ema50 && (ema200 === null || ema50 > ema200) && slope > 0) {
    return decide('trend-up', 'ema-stack-up');
  }
  if (close < ema50 && ema21 < ema50 && (ema200 === null || ema50 < ema200) && slope < 0) {
    return decide('trend-down', 'ema-stack-down');
  }
  return decide('range', 'no-trend-stack');
}
