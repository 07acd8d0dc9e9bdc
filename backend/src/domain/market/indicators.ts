// Technical indicators with TA-Lib's conventions (default compatibility, unstable periods 0): the
// figures on the panel are the ones a Freqtrade strategy gets from `talib`. Pure functions, no I/O.
// Definitions, warm-up indices and how they were checked against real TA-Lib: ./README.md.
//
// Every output is aligned with its input: `out[i]` belongs to `values[i]`, and is `null` before the
// indicator's warm-up (TA-Lib's `outBegIdx`) and wherever the arithmetic gave no finite number.
// The arithmetic follows TA-Lib's own operation order, so results agree to the last bit. Kernels
// work in Float64Arrays (NaN = no value yet) and each exported series is converted once at the
// end: no boxing or copying inside the loops, one pass per indicator.

export interface Candle {
  /** Open time, epoch ms. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export type Series = (number | null)[];

/** Same names as `seriesSchema` in http/routes/market-schemas.ts (a contract with the panel). */
export interface IndicatorSeries {
  ema9: Series;
  ema21: Series;
  ema50: Series;
  ema200: Series;
  bollingerUpper: Series;
  bollingerMiddle: Series;
  bollingerLower: Series;
  rsi14: Series;
  macd: Series;
  macdSignal: Series;
  macdHistogram: Series;
}

/** Same names as `indicatorsSchema` in http/routes/market-schemas.ts: the last candle's values. */
/** The series from candle `from` on (a chart's window of the same candles). */
export function sliceSeries(series: IndicatorSeries, from: number): IndicatorSeries {
  const out = {} as IndicatorSeries;
  for (const key of Object.keys(series) as Array<keyof IndicatorSeries>) {
    out[key] = series[key].slice(from);
  }
  return out;
}

export interface LastIndicators {
  close: number | null;
  rsi14: number | null;
  ema9: number | null;
  ema21: number | null;
  ema50: number | null;
  ema200: number | null;
  macd: number | null;
  macdSignal: number | null;
  macdHistogram: number | null;
  atr14: number | null;
  bollingerUpper: number | null;
  bollingerMiddle: number | null;
  bollingerLower: number | null;
  volume: number | null;
  volumeAverage20: number | null;
  /** volume ÷ volumeAverage20; null when the average is not > 0. */
  volumeRatio: number | null;
}

export interface ComputedIndicators {
  series: IndicatorSeries;
  last: LastIndicators;
}

export interface Macd {
  macd: Series;
  signal: Series;
  histogram: Series;
}

export interface Bollinger {
  upper: Series;
  middle: Series;
  lower: Series;
}

type Values = ArrayLike<number>;

/** TA-Lib's TA_IS_ZERO / TA_IS_ZERO_OR_NEG threshold (ta_utility.h). */
const TA_EPSILON = 1e-14;

function assertPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`period must be an integer ≥ 1, got ${period}`);
  }
}

const blank = (n: number): Float64Array => new Float64Array(n).fill(Number.NaN);

const toSeries = (raw: Float64Array): Series => {
  const out: Series = new Array<number | null>(raw.length);
  for (let i = 0; i < raw.length; i += 1) {
    const v = raw[i] as number;
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
};

const lastOf = (raw: Float64Array): number | null => {
  const v = raw.length > 0 ? (raw[raw.length - 1] as number) : Number.NaN;
  return Number.isFinite(v) ? v : null;
};

// --- kernels: NaN before the warm-up ------------------------------------------------------------

/** A running sum, added to before the trailing value is taken off, as TA-Lib's TA_SMA does. */
function smaRaw(values: Values, period: number): Float64Array {
  const n = values.length;
  const out = blank(n);
  if (n < period) return out;
  let total = 0;
  for (let i = 0; i < period - 1; i += 1) total += values[i] as number;
  for (let i = period - 1, trailing = 0; i < n; i += 1, trailing += 1) {
    total += values[i] as number;
    out[i] = total / period;
    total -= values[trailing] as number;
  }
  return out;
}

/**
 * TA-Lib's INT_EMA: the first value sits at `start` and is the plain mean of the `period` values
 * ending there ("classic" seed), then `(x − prev)·k + prev`. A `start` later than `period − 1` is
 * how TA_MACD seeds its signal line on the MACD line's first values. Writes `out[start..]`.
 */
function emaInto(out: Float64Array, values: Values, period: number, start: number): void {
  const n = values.length;
  if (start >= n) return;
  const k = 2 / (period + 1);
  let sum = 0;
  for (let i = start - period + 1; i <= start; i += 1) sum += values[i] as number;
  let prev = sum / period;
  out[start] = prev;
  for (let i = start + 1; i < n; i += 1) {
    prev = ((values[i] as number) - prev) * k + prev;
    out[i] = prev;
  }
}

function emaRaw(values: Values, period: number): Float64Array {
  const out = blank(values.length);
  emaInto(out, values, period, period - 1);
  return out;
}

function rsiRaw(closes: Values, period: number): Float64Array {
  const n = closes.length;
  const out = blank(n);
  if (n <= period) return out;
  if (period === 1) {
    // TA-Lib's special case: RSI(1) is the input itself.
    for (let i = 1; i < n; i += 1) out[i] = closes[i] as number;
    return out;
  }
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i += 1) {
    const change = (closes[i] as number) - (closes[i - 1] as number);
    if (change < 0) loss -= change;
    else gain += change;
  }
  loss /= period;
  gain /= period;
  let sum = gain + loss;
  out[period] = -TA_EPSILON < sum && sum < TA_EPSILON ? 0 : 100 * (gain / sum);
  for (let i = period + 1; i < n; i += 1) {
    const change = (closes[i] as number) - (closes[i - 1] as number);
    loss *= period - 1;
    gain *= period - 1;
    if (change < 0) loss -= change;
    else gain += change;
    loss /= period;
    gain /= period;
    sum = gain + loss;
    out[i] = -TA_EPSILON < sum && sum < TA_EPSILON ? 0 : 100 * (gain / sum);
  }
  return out;
}

interface MacdRaw {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}

function macdRaw(closes: Values, fast: number, slow: number, signal: number): MacdRaw {
  if (slow < fast) [fast, slow] = [slow, fast]; // TA-Lib swaps them too
  const n = closes.length;
  const out: MacdRaw = { macd: blank(n), signal: blank(n), histogram: blank(n) };
  const lineStart = slow - 1;
  const outStart = lineStart + signal - 1;
  if (n <= outStart) return out;
  // Both EMAs in one pass from the slow one's lookback on, straight into the MACD line.
  const kSlow = 2 / (slow + 1);
  const kFast = 2 / (fast + 1);
  let slowSum = 0;
  for (let i = 0; i <= lineStart; i += 1) slowSum += closes[i] as number;
  let fastSum = 0;
  for (let i = lineStart - fast + 1; i <= lineStart; i += 1) fastSum += closes[i] as number;
  let slowEma = slowSum / slow;
  let fastEma = fastSum / fast;
  const line = new Float64Array(n);
  line[lineStart] = fastEma - slowEma;
  for (let i = lineStart + 1; i < n; i += 1) {
    const x = closes[i] as number;
    slowEma = (x - slowEma) * kSlow + slowEma;
    fastEma = (x - fastEma) * kFast + fastEma;
    line[i] = fastEma - slowEma;
  }
  emaInto(out.signal, line, signal, outStart);
  for (let i = outStart; i < n; i += 1) {
    const m = line[i] as number;
    out.macd[i] = m;
    out.histogram[i] = m - (out.signal[i] as number);
  }
  return out;
}

function atrRaw(candles: readonly Candle[], period: number): Float64Array {
  const n = candles.length;
  const out = blank(n);
  if (n <= period) return out;
  let prevClose = (candles[0] as Candle).close;
  let atr = 0;
  for (let i = 1; i < n; i += 1) {
    const c = candles[i] as Candle;
    let tr = c.high - c.low;
    const toHigh = Math.abs(prevClose - c.high);
    if (toHigh > tr) tr = toHigh;
    const toLow = Math.abs(prevClose - c.low);
    if (toLow > tr) tr = toLow;
    prevClose = c.close;
    if (period === 1) {
      out[i] = tr;
    } else if (i < period) {
      atr += tr;
    } else if (i === period) {
      atr = (atr + tr) / period;
      out[i] = atr;
    } else {
      atr *= period - 1;
      atr += tr;
      atr /= period;
      out[i] = atr;
    }
  }
  return out;
}

interface BollingerRaw {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

function bollingerRaw(closes: Values, period: number, k: number): BollingerRaw {
  const n = closes.length;
  const middle = smaRaw(closes, period);
  const upper = blank(n);
  const lower = blank(n);
  if (n < period) return { upper, middle, lower };
  let squares = 0;
  for (let i = 0; i < period - 1; i += 1) {
    const x = closes[i] as number;
    squares += x * x;
  }
  for (let i = period - 1, trailing = 0; i < n; i += 1, trailing += 1) {
    const x = closes[i] as number;
    squares += x * x;
    let variance = squares / period;
    const t = closes[trailing] as number;
    squares -= t * t;
    const m = middle[i] as number;
    variance -= m * m;
    const width = (variance < TA_EPSILON ? 0 : Math.sqrt(variance)) * k;
    upper[i] = m + width;
    lower[i] = m - width;
  }
  return { upper, middle, lower };
}

function ratioOfLast(volumes: Values, average: Float64Array): number | null {
  const avg = lastOf(average);
  if (volumes.length === 0 || avg === null || !(avg > 0)) return null;
  const ratio = (volumes[volumes.length - 1] as number) / avg;
  return Number.isFinite(ratio) ? ratio : null;
}

// --- the indicators -----------------------------------------------------------------------------

/** Simple moving average; first value at index `period − 1`. */
export function sma(values: Values, period: number): Series {
  assertPeriod(period);
  return toSeries(smaRaw(values, period));
}

/**
 * Exponential moving average, k = 2 / (period + 1), seeded with the SMA of the first `period`
 * values (TA-Lib's default; MetaStock seeds with the first value instead); first value at
 * index `period − 1`.
 */
export function ema(values: Values, period: number): Series {
  assertPeriod(period);
  return toSeries(emaRaw(values, period));
}

/**
 * Wilder's RSI as TA-Lib's TA_RSI: the first average gain/loss is the plain mean of the first
 * `period` changes (so the first value is at index `period`), then `avg = (avg·(p−1) + x) / p`.
 * RSI = 100·gain / (gain + loss). When gain + loss is within 1e-14 of 0 (prices that have not
 * moved) TA-Lib answers 0, not 50 or null, and so does this.
 */
export function rsi(closes: Values, period = 14): Series {
  assertPeriod(period);
  return toSeries(rsiRaw(closes, period));
}

/**
 * MACD exactly as TA-Lib's TA_MACD. The pitfall: the fast line is NOT a standalone EMA(fast)
 * seeded at index `fast − 1`. Both EMAs start at the slow one's lookback (index `slow − 1`), the
 * fast one seeded with the mean of the `fast` closes ending there; the signal EMA is seeded with
 * the mean of the first `signal` MACD values. All three outputs start at `slow + signal − 2`
 * (33 for 12/26/9): TA-Lib gives no MACD value before the signal exists, and neither does this.
 */
export function macd(closes: Values, fast = 12, slow = 26, signal = 9): Macd {
  assertPeriod(fast);
  assertPeriod(slow);
  assertPeriod(signal);
  const raw = macdRaw(closes, fast, slow, signal);
  return {
    macd: toSeries(raw.macd),
    signal: toSeries(raw.signal),
    histogram: toSeries(raw.histogram),
  };
}

/**
 * Wilder's ATR as TA-Lib's TA_ATR. TR[i] = max(high − low, |close[i−1] − high|, |close[i−1] − low|)
 * needs the previous close, so there is no TR[0] (TA-Lib skips the first bar rather than taking
 * its high − low); the first ATR, at index `period`, is the mean of TR[1..period], then
 * `atr = (atr·(p−1) + TR) / p`.
 */
export function atr(candles: readonly Candle[], period = 14): Series {
  assertPeriod(period);
  return toSeries(atrRaw(candles, period));
}

/**
 * ATR as a Float64Array, NaN before the warm-up: for computations (the regime's median) that
 * need no nulls and no boxed numbers.
 */
export function atrValues(candles: readonly Candle[], period = 14): Float64Array {
  assertPeriod(period);
  return atrRaw(candles, period);
}

/**
 * Bollinger Bands as TA-Lib's TA_BBANDS with matype SMA: middle = SMA(period), bands = middle ±
 * k·σ with the population standard deviation (÷ period, not period − 1). σ² is computed as TA-Lib
 * does, mean of squares minus squared SMA from running sums, and taken as 0 below 1e-14. First
 * value at index `period − 1`.
 */
export function bollinger(closes: Values, period = 20, k = 2): Bollinger {
  assertPeriod(period);
  const raw = bollingerRaw(closes, period, k);
  return {
    upper: toSeries(raw.upper),
    middle: toSeries(raw.middle),
    lower: toSeries(raw.lower),
  };
}

/** The SMA of volumes; first value at index `period − 1`. */
export function volumeAverage(volumes: Values, period = 20): Series {
  return sma(volumes, period);
}

/**
 * The last volume ÷ its `period` average. Null before the warm-up and when the average is not
 * > 0 (no trades at all: "how many times the usual volume" has no answer).
 */
export function volumeRatio(volumes: Values, period = 20): number | null {
  assertPeriod(period);
  return ratioOfLast(volumes, smaRaw(volumes, period));
}

/**
 * Every indicator the panel shows, over candles oldest first (the last one may still be open).
 * `series` feeds the chart, `last` the figures; both use the names of market-schemas.ts.
 */
export function computeIndicators(candles: readonly Candle[]): ComputedIndicators {
  const n = candles.length;
  const closes = new Float64Array(n);
  const volumes = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const c = candles[i] as Candle;
    closes[i] = c.close;
    volumes[i] = c.volume;
  }
  const ema9 = emaRaw(closes, 9);
  const ema21 = emaRaw(closes, 21);
  const ema50 = emaRaw(closes, 50);
  const ema200 = emaRaw(closes, 200);
  const bands = bollingerRaw(closes, 20, 2);
  const rsi14 = rsiRaw(closes, 14);
  const lines = macdRaw(closes, 12, 26, 9);
  const atr14 = atrRaw(candles, 14);
  const volumeAverage20 = smaRaw(volumes, 20);
  return {
    series: {
      ema9: toSeries(ema9),
      ema21: toSeries(ema21),
      ema50: toSeries(ema50),
      ema200: toSeries(ema200),
      bollingerUpper: toSeries(bands.upper),
      bollingerMiddle: toSeries(bands.middle),
      bollingerLower: toSeries(bands.lower),
      rsi14: toSeries(rsi14),
      macd: toSeries(lines.macd),
      macdSignal: toSeries(lines.signal),
      macdHistogram: toSeries(lines.histogram),
    },
    last: {
      close: lastOf(closes),
      rsi14: lastOf(rsi14),
      ema9: lastOf(ema9),
      ema21: lastOf(ema21),
      ema50: lastOf(ema50),
      ema200: lastOf(ema200),
      macd: lastOf(lines.macd),
      macdSignal: lastOf(lines.signal),
      macdHistogram: lastOf(lines.histogram),
      atr14: lastOf(atr14),
      bollingerUpper: lastOf(bands.upper),
      bollingerMiddle: lastOf(bands.middle),
      bollingerLower: lastOf(bands.lower),
      volume: lastOf(volumes),
      volumeAverage20: lastOf(volumeAverage20),
      volumeRatio: ratioOfLast(volumes, volumeAverage20),
    },
  };
}
