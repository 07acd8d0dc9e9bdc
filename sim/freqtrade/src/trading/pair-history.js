import { isoOffset } from './trade-json.js';

const BASE = ['date', 'open', 'high', 'low', 'close', 'volume'];
const SIGNALS = ['enter_long', 'exit_long', 'enter_tag'];

const isoDate = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const pyDate = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('.000Z', '+00:00');
const clean = (v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

/**
 * PairHistory (contract §2.8) of the live analysed dataframe. `columns` (POST) restricts the
 * output to OHLCV + signal columns + the requested ones.
 */
export function pairHistory(bot, { pair, timeframe, limit, columns }) {
  const df = timeframe === bot.config.timeframe ? bot.dataframes.get(pair) : undefined;
  let srcCols = df?.columns ?? [...BASE, ...SIGNALS];
  let rows = df?.rows ?? [];
  if (limit !== undefined && limit !== null) rows = rows.slice(-limit);
  let keep = srcCols;
  if (columns)
    keep = srcCols.filter((c) => BASE.includes(c) || SIGNALS.includes(c) || columns.includes(c));
  const idx = keep.map((c) => srcCols.indexOf(c));
  const enterIdx = srcCols.indexOf('enter_long');
  const exitIdx = srcCols.indexOf('exit_long');
  const outCols = [...keep, '__date_ts', '_enter_long_signal_close', '_exit_long_signal_close'];
  const data = rows.map((r) => [
    ...idx.map((i) => (srcCols[i] === 'date' ? isoDate(r[i]) : clean(r[i]))),
    r[0],
    r[enterIdx] === 1 ? r[4] : null,
    r[exitIdx] === 1 ? r[4] : null,
  ]);
  const count = (i) => rows.filter((r) => r[i] === 1).length;
  const analyzed = df?.analyzedAt ?? 0;
  return {
    strategy: bot.strategy.name,
    pair,
    timeframe,
    timeframe_ms: bot.timeframeMs,
    columns: outCols,
    all_columns: srcCols,
    data,
    length: data.length,
    buy_signals: count(enterIdx),
    sell_signals: count(exitIdx),
    enter_long_signals: count(enterIdx),
    exit_long_signals: count(exitIdx),
    enter_short_signals: 0,
    exit_short_signals: 0,
    last_analyzed: new Date(analyzed).toISOString(),
    last_analyzed_ts: Math.floor(analyzed / 1000),
    data_start_ts: rows[0]?.[0] ?? 0,
    data_start: rows[0] ? pyDate(rows[0][0]) : '',
    data_stop_ts: rows.at(-1)?.[0] ?? 0,
    data_stop: rows.at(-1) ? pyDate(rows.at(-1)[0]) : '',
  };
}

/** The `analyzed_df` WS payload: pandas to_json(orient='split') with epoch-ms dates. */
export function analyzedDfMessage(bot, pair, df, analyzedAt) {
  const value = JSON.stringify({
    columns: df.columns,
    index: df.rows.map((_, i) => i),
    data: df.rows.map((r) => r.map(clean)),
  });
  return {
    type: 'analyzed_df',
    data: {
      key: [pair, bot.config.timeframe, 'spot'],
      df: { __type__: 'dataframe', __value__: value },
      la: isoOffset(analyzedAt),
    },
  };
}
