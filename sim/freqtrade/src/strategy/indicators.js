// The indicators of the bundled strategies, computed the way their pandas code does, so the sim
// and real Freqtrade signal on the same candles. NaN where pandas has NaN (warm-up, flat RSI).

// Rolling windows follow pandas' rolling mean: a running sum with Kahan compensation (old value
// out, then new value in), and a window of equal values gives exactly that value (deviation 0), so
// a flat market sits exactly on its bands instead of a rounding error above or below them.
function windowOf(values, i, span) {
  return i >= span - 1 ? values.slice(i - span + 1, i + 1) : null;
}

const isFlat = (window) => window.every((v) => v === window[0]);

/** pandas `rolling(span).mean()`. */
export function sma(values, span) {
  let sum = 0;
  let compensation = 0;
  const add = (v) => {
    const y = v - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  };
  let sameRun = 0;
  return values.map((v, i) => {
    if (i >= span) add(-values[i - span]);
    add(v);
    sameRun = i > 0 && v === values[i - 1] ? sameRun + 1 : 1;
    if (i < span - 1) return NaN;
    return sameRun >= span ? v : sum / span;
  });
}

/** pandas `ewm(span=span, adjust=False).mean()`: seeded with the first value. */
export function ema(values, span) {
  const alpha = 2 / (span + 1);
  const out = [];
  let prev;
  for (const v of values) {
    prev = prev === undefined ? v : alpha * v + (1 - alpha) * prev;
    out.push(prev);
  }
  return out;
}

/** pandas `rolling(span).std(ddof=0)`: the population standard deviation of each window. */
export function rollingStd(values, span) {
  return values.map((_, i) => {
    const window = windowOf(values, i, span);
    if (!window) return NaN;
    if (isFlat(window)) return 0;
    const mean = window.reduce((a, b) => a + b, 0) / span;
    return Math.sqrt(window.reduce((a, v) => a + (v - mean) ** 2, 0) / span);
  });
}

/** Bollinger bands over `span` closes, `stds` population standard deviations wide. */
export function bollinger(closes, span, stds) {
  const middle = sma(closes, span);
  const sd = rollingStd(closes, span);
  return {
    middle,
    upper: middle.map((m, i) => m + stds * sd[i]),
    lower: middle.map((m, i) => m - stds * sd[i]),
  };
}

/**
 * Wilder's RSI as rsi_mean_reversion_strategy.py computes it: gains and losses averaged with the
 * plain mean of the first `period` changes, then avg = (avg × (period − 1) + x) / period; first
 * value on candle `period`; RSI = 100 × gain / (gain + loss), NaN when both are 0 (TA-Lib: 0).
 */
export function wilderRsi(closes, period) {
  const out = new Array(closes.length).fill(NaN);
  if (closes.length <= period) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= closes.length - 1; i += 1) {
    const delta = closes[i] - closes[i - 1];
    const up = Math.max(delta, 0);
    const down = Math.max(-delta, 0);
    if (i <= period) {
      gain += up / period;
      loss += down / period;
    } else {
      gain = (gain * (period - 1) + up) / period;
      loss = (loss * (period - 1) + down) / period;
    }
    if (i >= period) out[i] = gain + loss > 0 ? (100 * gain) / (gain + loss) : NaN;
  }
  return out;
}
