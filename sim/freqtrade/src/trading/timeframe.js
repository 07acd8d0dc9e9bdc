const UNIT_MS = { s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000, M: 2592000000 };

/** '5m' → 300000. Throws on a malformed timeframe. */
export function timeframeToMs(tf) {
  const m = /^(\d+)([smhdwM])$/.exec(tf ?? '');
  if (!m) throw new Error(`Invalid timeframe '${tf}'`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** First candle boundary at or after `ms` (lock ends are rounded up to the next candle). */
export function ceilToCandle(ms, tf) {
  const step = timeframeToMs(tf);
  return Math.ceil(ms / step) * step;
}
