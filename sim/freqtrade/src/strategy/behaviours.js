import crypto from 'node:crypto';

function sma(values, span) {
  let sum = 0;
  return values.map((v, i) => {
    sum += v - (i >= span ? values[i - span] : 0);
    return i >= span - 1 ? sum / span : NaN;
  });
}

function ema(values, span) {
  const alpha = 2 / (span + 1);
  const out = [];
  let prev;
  for (const v of values) {
    prev = prev === undefined ? v : alpha * v + (1 - alpha) * prev;
    out.push(prev);
  }
  return out;
}

/** Same formula as random_seeded_strategy.py, so the Python file and the sim agree. */
function uniform(seed, pair, tsMs, salt) {
  const digest = crypto.createHash('sha256').update(`${seed}|${pair}|${tsMs}|${salt}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

function option(strategy, key, fallback) {
  return strategy.params[key] ?? strategy.behaviour.options[key] ?? fallback;
}

/**
 * Runs the strategy's sim-behaviour over closed candles ([ts, o, h, l, c, v]) and returns the
 * analysed dataframe as { columns, rows } with Freqtrade's signal columns.
 */
export function analyze(strategy, pair, candles) {
  const base = ['date', 'open', 'high', 'low', 'close', 'volume'];
  const closes = candles.map((c) => c[4]);
  const n = candles.length;
  const extra = {};
  const enter = new Array(n).fill(0);
  const exit = new Array(n).fill(0);
  const tags = new Array(n).fill(null);
  const name = strategy.behaviour.name;
  if (name === 'ema-cross') {
    const ma = option(strategy, 'ma_type', 'ema') === 'sma' ? sma : ema;
    const fast = ma(closes, option(strategy, 'fast_ema', 9));
    const slow = ma(closes, option(strategy, 'slow_ema', 21));
    extra.ema_fast = fast;
    extra.ema_slow = slow;
    for (let i = 1; i < n; i += 1) {
      if (fast[i] > slow[i] && fast[i - 1] <= slow[i - 1]) {
        enter[i] = 1;
        tags[i] = 'ema_cross_up';
      }
      const exitOnCross = option(strategy, 'exit_on_cross', true);
      if (exitOnCross && fast[i] < slow[i] && fast[i - 1] >= slow[i - 1]) exit[i] = 1;
    }
  } else if (name === 'always-enter') {
    enter.fill(1);
    tags.fill('always');
  } else if (name === 'random-seeded') {
    const seed = option(strategy, 'seed', 42);
    const p = option(strategy, 'p', 0.2);
    extra.u_enter = candles.map((c) => uniform(seed, pair, c[0], 'enter'));
    extra.u_exit = candles.map((c) => uniform(seed, pair, c[0], 'exit'));
    for (let i = 0; i < n; i += 1) {
      if (extra.u_enter[i] < p) {
        enter[i] = 1;
        tags[i] = 'random';
      }
      if (extra.u_exit[i] < p) exit[i] = 1;
    }
  }
  const columns = [...base, ...Object.keys(extra), 'enter_long', 'exit_long', 'enter_tag'];
  const rows = candles.map((c, i) => [
    ...c,
    ...Object.values(extra).map((col) => col[i]),
    enter[i],
    exit[i],
    tags[i],
  ]);
  return { columns, rows };
}

/** The signal of the last closed candle: { enter, exit, tag }. */
export function lastSignal(df) {
  const row = df.rows.at(-1);
  if (!row) return { enter: false, exit: false, tag: null };
  const col = (name) => row[df.columns.indexOf(name)];
  return { enter: col('enter_long') === 1, exit: col('exit_long') === 1, tag: col('enter_tag') };
}
