import { describe, expect, test } from 'vitest';

import type { LogLine } from './log-lines';
import { logLevel, mergeLogLines } from './log-lines';

const line = (second: number, message: string, source = 'freqtrade'): LogLine => ({
  at: new Date(Date.UTC(2026, 2, 2, 12, 0, second)).toISOString(),
  level: 'info',
  source,
  message,
});

describe('log tail lines', () => {
  test('when a pushed line is also in the next snapshot, then it shows once, in time order', () => {
    const merged = mergeLogLines(
      [line(1, 'a'), line(3, 'c')],
      [line(2, 'b', 'status'), line(3, 'c', 'status')],
    );
    expect(merged.map((l) => [l.message, l.source])).toEqual([
      ['a', 'freqtrade'],
      ['b', 'status'],
      ['c', 'freqtrade'],
    ]);
  });

  test('when there are more lines than the cap, then the newest are kept', () => {
    const many = Array.from({ length: 12 }, (_, i) => line(i, `m${i}`));
    expect(mergeLogLines(many, [], 5).map((l) => l.message)).toEqual([
      'm7',
      'm8',
      'm9',
      'm10',
      'm11',
    ]);
  });

  test('when levels come as Python or stream names, then they map onto one scale', () => {
    expect(
      ['CRITICAL', 'ERROR', 'WARNING', 'warning', 'INFO', 'DEBUG', 'odd'].map(logLevel),
    ).toEqual(['error', 'error', 'warning', 'warning', 'info', 'debug', 'info']);
  });
});
