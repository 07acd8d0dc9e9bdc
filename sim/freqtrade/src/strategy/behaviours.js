import crypto from 'node:crypto';
import { bollinger, ema, sma, wilderRsi } from './indicators.js';

/** Same formula as random_seeded_strategy.py, so the Python file and the sim agree. */
function uniform(seed, pair, tsMs, salt) {
  const digest = crypto.createHash('sha256').update(`${seed}|${pair}|${tsMs}|${salt}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

function option(strategy, key, fallback) {
  return strategy.params[key] ?? strategy.behaviour.options[key] ?? fallback;
}

const RSI_PERIOD = 14;
const BB_WINDOW = 20;
const VOLUME_WINDOW = 20;

// Each behaviour mirrors the populate_* methods of its strategy in strategies/: it adds its
// indicator columns to `extra` (in the Python's order) and sets enter/exit/tags per candle.
const BEHAVIOURS = {
  'ema-cross'({ strategy, closes, volumes, extra, enter, exit, tags }) {
    const ma = option(strategy, 'ma_type', 'ema') === 'sma' ? sma : ema;
    const fast = ma(closes, option(strategy, 'fast_ema', 9));
    const slow = ma(closes, option(strategy, 'slow_ema', 21));
    extra.ema_fast = fast;
    extra.ema_slow = slow;
    const exitOnCross = option(strategy, 'exit_on_cross', true);
    for (let i = 1; i < closes.length; i += 1) {
      if (!(volumes[i] > 0)) continue;
      if (fast[i] > slow[i] && fast[i - 1] <= slow[i - 1]) {
        enter[i] = 1;
        tags[i] = 'ema_cross_up';
      }
      if (exitOnCross && fast[i] < slow[i] && fast[i - 1] >= slow[i - 1]) exit[i] = 1;
    }
  },

  'rsi-mean-reversion'({ strategy, closes, volumes, extra, enter, exit, tags }) {
    const rsi = wilderRsi(closes, RSI_PERIOD);
    const bands = bollinger(closes, BB_WINDOW, option(strategy, 'bb_std', 2));
    Object.assign(extra, {
      rsi,
      bb_middle: bands.middle,
      bb_upper: bands.upper,
      bb_lower: bands.lower,
    });
    const buyRsi = option(strategy, 'buy_rsi', 30);
    const sellRsi = option(strategy, 'sell_rsi', 70);
    for (let i = 0; i < closes.length; i += 1) {
      if (!(volumes[i] > 0)) continue;
      if (rsi[i] < buyRsi && closes[i] > bands.lower[i]) {
        enter[i] = 1;
        tags[i] = 'rsi_oversold';
      }
      if (rsi[i] > sellRsi) exit[i] = 1;
    }
  },

  'bollinger-breakout'({ strategy, closes, volumes, extra, enter, exit, tags }) {
    const bands = bollinger(closes, BB_WINDOW, option(strategy, 'bb_std', 2));
    const volumeMean = sma(volumes, VOLUME_WINDOW);
    Object.assign(extra, {
      bb_middle: bands.middle,
      bb_upper: bands.upper,
      bb_lower: bands.lower,
      volume_mean: volumeMean,
    });
    const factor = option(strategy, 'volume_factor', 1);
    const exitBand =
      option(strategy, 'exit_band', 'middle') === 'lower' ? bands.lower : bands.middle;
    for (let i = 0; i < closes.length; i += 1) {
      if (!(volumes[i] > 0)) continue;
      if (closes[i] > bands.upper[i] && volumes[i] > volumeMean[i] * factor) {
        enter[i] = 1;
        tags[i] = 'bb_breakout';
      }
      if (closes[i] < exitBand[i]) exit[i] = 1;
    }
  },

  'always-enter'({ enter, tags }) {
    enter.fill(1);
    tags.fill('always');
  },

  'never-enter'() {},

  'random-seeded'({ strategy, pair, candles, extra, enter, exit, tags }) {
    const seed = option(strategy, 'seed', 42);
    const p = option(strategy, 'p', 0.2);
    extra.u_enter = candles.map((c) => uniform(seed, pair, c[0], 'enter'));
    extra.u_exit = candles.map((c) => uniform(seed, pair, c[0], 'exit'));
    for (let i = 0; i < candles.length; i += 1) {
      if (extra.u_enter[i] < p) {
        enter[i] = 1;
        tags[i] = 'random';
      }
      if (extra.u_exit[i] < p) exit[i] = 1;
    }
  },
};

/** The names a `# sim-behaviour:` marker may use. */
export const BEHAVIOUR_NAMES = Object.keys(BEHAVIOURS);

/**
 * Runs the strategy's sim-behaviour over closed candles ([ts, o, h, l, c, v]) and returns the
 * analysed dataframe as { columns, rows } with Freqtrade's signal columns.
 */
export function analyze(strategy, pair, candles) {
  const base = ['date', 'open', 'high', 'low', 'close', 'volume'];
  const n = candles.length;
  const ctx = {
    strategy,
    pair,
    candles,
    closes: candles.map((c) => c[4]),
    volumes: candles.map((c) => c[5]),
    extra: {},
    enter: new Array(n).fill(0),
    exit: new Array(n).fill(0),
    tags: new Array(n).fill(null),
  };
  BEHAVIOURS[strategy.behaviour.name]?.(ctx);
  const { extra, enter, exit, tags } = ctx;
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
