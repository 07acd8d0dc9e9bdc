/** One line of the tail, from the log snapshot or from a `logs` event. */
export type LogLine = { at: string; level: LogLevel; source: string; message: string };
export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

/** The most lines the tail keeps; older ones drop off the top. */
export const LOG_TAIL_LIMIT = 500;

/** Python's level names (the log) and the stream's (`info`, `warning`, `error`) as one scale. */
export function logLevel(level: string): LogLevel {
  const name = level.toLowerCase();
  if (name === 'error' || name === 'critical' || name === 'exception') return 'error';
  if (name === 'warning' || name === 'warn') return 'warning';
  if (name === 'debug') return 'debug';
  return 'info';
}

const keyOf = (line: LogLine) => `${line.at}\u0000${line.message}`;

/**
 * Both sources in time order, each line once (a pushed line shows up in the next snapshot too),
 * the newest `limit` kept.
 */
export function mergeLogLines(
  snapshot: LogLine[],
  pushed: LogLine[],
  limit = LOG_TAIL_LIMIT,
): LogLine[] {
  const seen = new Map<string, LogLine>();
  for (const line of [...snapshot, ...pushed]) {
    // The snapshot names the logger; a pushed line only its kind, so the first one wins.
    if (!seen.has(keyOf(line))) seen.set(keyOf(line), line);
  }
  const all = [...seen.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return all.slice(Math.max(0, all.length - limit));
}
