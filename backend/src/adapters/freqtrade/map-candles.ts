import type { z } from 'zod';

import { fromSeconds } from './map-rest.js';
import type { FtPairCandles } from './schemas.js';
import type { Candle, PairCandles } from './types.js';

// Candle rows are positional (`columns` order); dates are ISO strings ending in Z.
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const OHLCV = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;

/** zod transform: checks the OHLCV columns and each row's cells, naming the bad one. */
export function toPairCandles(p: FtPairCandles, ctx: z.RefinementCtx): PairCandles {
  const missing = OHLCV.filter((c) => !p.columns.includes(c));
  if (missing.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['columns'], message: `missing ${missing.join(', ')}` });
  }
  const candles: Candle[] = [];
  p.data.forEach((row, i) => {
    const candle = toCandle(p.columns, row, (column, message) =>
      ctx.addIssue({ code: 'custom', path: ['data', i, column], message }),
    );
    if (candle) candles.push(candle);
  });
  return {
    pair: p.pair,
    timeframe: p.timeframe,
    strategy: p.strategy,
    candles,
    columns: p.columns,
    rows: p.data,
    enterLongSignals: p.enter_long_signals,
    exitLongSignals: p.exit_long_signals,
    lastAnalyzed: fromSeconds(p.last_analyzed_ts),
  };
}

function toCandle(
  columns: string[],
  row: unknown[],
  report: (column: string, message: string) => void,
): Candle | null {
  const at = (column: string): unknown => row[columns.indexOf(column)] ?? null;
  let valid = true;
  const price = (column: string): number | null => {
    const value = at(column);
    if (value === null || typeof value === 'number') return value;
    report(column, 'expected a number or null');
    valid = false;
    return null;
  };
  const date = at('date');
  if (typeof date !== 'string' || !ISO_Z.test(date)) {
    report('date', 'expected an ISO date ending in Z');
    return null;
  }
  const candle: Candle = {
    time: new Date(date),
    open: price('open'),
    high: price('high'),
    low: price('low'),
    close: price('close'),
    volume: price('volume'),
    enterLong: at('enter_long') === 1,
    exitLong: at('exit_long') === 1,
    enterTag: typeof at('enter_tag') === 'string' ? String(at('enter_tag')) : null,
  };
  return valid ? candle : null;
}
