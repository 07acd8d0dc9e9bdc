// Binance kline intervals: fixed lengths, except weeks (open Monday 00:00 UTC) and calendar months.
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const MONDAY_OFFSET = 4 * D; // 1970-01-01 was a Thursday

const FIXED = {
  '1s': S,
  '1m': M,
  '3m': 3 * M,
  '5m': 5 * M,
  '15m': 15 * M,
  '30m': 30 * M,
  '1h': H,
  '2h': 2 * H,
  '4h': 4 * H,
  '6h': 6 * H,
  '8h': 8 * H,
  '12h': 12 * H,
  '1d': D,
  '3d': 3 * D,
};

export const INTERVALS = [...Object.keys(FIXED), '1w', '1M'];

export const isInterval = (value) => INTERVALS.includes(value);

/** Open time of the candle containing t. */
export function openOf(interval, t) {
  if (interval === '1M') {
    const d = new Date(t);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  if (interval === '1w') return Math.floor((t - MONDAY_OFFSET) / (7 * D)) * 7 * D + MONDAY_OFFSET;
  const size = FIXED[interval];
  return Math.floor(t / size) * size;
}

/** Open time of the candle after the one opening at `open`. */
export function nextOpen(interval, open) {
  if (interval === '1M') {
    const d = new Date(open);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  if (interval === '1w') return open + 7 * D;
  return open + FIXED[interval];
}

export const prevOpen = (interval, open) => openOf(interval, open - 1);
