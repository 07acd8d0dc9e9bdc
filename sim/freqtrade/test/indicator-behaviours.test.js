import { describe, expect, it } from 'vitest';
import { BUNDLED_STRATEGIES } from '../src/index.js';
import { analyze } from '../src/strategy/behaviours.js';
import { loadStrategy } from '../src/strategy/find-strategy.js';
import { bollinger, sma, wilderRsi } from '../src/strategy/indicators.js';
import { tempDir } from './helpers/harness.js';

// The rsi-mean-reversion and bollinger-breakout behaviours on hand-made candles, with the indices
// worked out by hand in the comments (window 20, RSI 14). The same rules run on a live bot in
// signal-trading.test.js.
const candles = (closes, volumes = []) =>
  closes.map((c, i) => [i * 60000, c, c, c, c, volumes[i] ?? 100]);
const strat = (name, params = {}) => ({ params, behaviour: { name, options: {} } });
const column = (df, name) => df.rows.map((r) => r[df.columns.indexOf(name)]);
const indicesOf = (df, name) => column(df, name).flatMap((v, i) => (v === 1 ? [i] : []));
const repeat = (value, count) => Array(count).fill(value);

describe('indicators', () => {
  it("Wilder's RSI(14) on StockCharts' worked example: first value on candle 14", () => {
    const closes = [
      44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61,
      46.28, 46.28, 46.0, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35,
      44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13,
    ];

    const rsi = wilderRsi(closes, 14);

    expect(rsi.slice(0, 14).every(Number.isNaN)).toBe(true);
    // StockCharts' table rounds its averages to 2 decimals and shows 70.53 … 37.77; unrounded
    // (TA-Lib, the pandas code in rsi_mean_reversion_strategy.py) it is 70.46 … 37.79.
    expect(rsi.slice(14, 18).map((v) => v.toFixed(2))).toEqual([
      '70.46',
      '66.25',
      '66.48',
      '69.35',
    ]);
    expect(rsi.at(-1).toFixed(2)).toBe('37.79');
  });

  it('RSI is 100 after gains only, 50 for equal alternating moves, NaN on a flat window', () => {
    expect(wilderRsi([...Array(20).keys()], 14)[19]).toBe(100);
    expect(wilderRsi([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1], 14)[14]).toBe(50);
    expect(wilderRsi(repeat(5, 30), 14).every(Number.isNaN)).toBe(true);
  });

  it('Bollinger bands use the population deviation; a flat window sits exactly on its bands', () => {
    const b = bollinger([...repeat(100, 19), 120], 20, 2);

    // mean 101, population deviation sqrt(19 × 1 + 19²) / sqrt(20) = sqrt(19) ≈ 4.359
    expect(b.middle[19]).toBe(101);
    expect(b.upper[19]).toBeCloseTo(101 + 2 * Math.sqrt(19), 10);
    expect(b.lower[18]).toBeNaN();
    const flat = bollinger([0.3, 0.7, 1.9, ...repeat(0.1, 25)], 20, 2);
    expect([flat.lower.at(-1), flat.middle.at(-1), flat.upper.at(-1)]).toEqual([0.1, 0.1, 0.1]);
    expect(sma([0.3, 0.7, 1.9, ...repeat(0.1, 25)], 20).at(-1)).toBe(0.1);
  });
});

describe('rsi-mean-reversion', () => {
  // 40 flat candles (RSI NaN), one drop to 90 (RSI 0, close far below the lower band), 8 more at
  // 90 (RSI stays 0; the close is back above the lower band once 90s fill > 1/3.25 of the window
  // at bb_std 1.5: the 7th, index 46), then +3 per candle: RSI 36.9, 54.8, 65.4, 72.4 (index 52).
  const path = [...repeat(100, 40), ...repeat(90, 9), 93, 96, 99, 102, 105];

  it('enters while RSI < buy_rsi and the close is above the lower band; exits when RSI > sell_rsi', () => {
    const df = analyze(strat('rsi-mean-reversion', { bb_std: 1.5 }), 'X/USDT', candles(path));

    expect(df.columns).toEqual([
      'date',
      'open',
      'high',
      'low',
      'close',
      'volume',
      'rsi',
      'bb_middle',
      'bb_upper',
      'bb_lower',
      'enter_long',
      'exit_long',
      'enter_tag',
    ]);
    const rsi = column(df, 'rsi');
    expect(rsi.slice(0, 40).every(Number.isNaN)).toBe(true);
    expect(rsi.slice(40, 49)).toEqual(repeat(0, 9));
    expect(rsi.slice(49, 53).map((v) => v.toFixed(1))).toEqual(['36.9', '54.8', '65.4', '72.4']);
    expect(indicesOf(df, 'enter_long')).toEqual([46, 47, 48]);
    expect(column(df, 'enter_tag')[46]).toBe('rsi_oversold');
    expect(indicesOf(df, 'exit_long')).toEqual([52, 53]);
  });

  it('honours buy_rsi, sell_rsi and bb_std (at 2 the 4th candle at 90 sits on the band, the 5th is inside)', () => {
    const looser = analyze(
      strat('rsi-mean-reversion', { bb_std: 1.5, buy_rsi: 40, sell_rsi: 60 }),
      'X/USDT',
      candles(path),
    );
    const defaults = analyze(strat('rsi-mean-reversion'), 'X/USDT', candles(path));

    expect(indicesOf(looser, 'enter_long')).toEqual([46, 47, 48, 49]);
    expect(indicesOf(looser, 'exit_long')).toEqual([51, 52, 53]);
    expect(indicesOf(defaults, 'enter_long')).toEqual([44, 45, 46, 47, 48]);
  });

  it('gives no signal on a candle without volume', () => {
    const volumes = path.map((_, i) => (i === 46 ? 0 : 100));

    const df = analyze(
      strat('rsi-mean-reversion', { bb_std: 1.5 }),
      'X/USDT',
      candles(path, volumes),
    );

    expect(indicesOf(df, 'enter_long')).toEqual([47, 48]);
  });
});

describe('bollinger-breakout', () => {
  // 30 flat candles at 100 (volume 100), a jump to 103 on volume 300 (index 30: upper band
  // 100.15 + 2 × 0.654 = 101.46, volume mean 110), two more at 103 on volume 100 (above the band,
  // volume below its mean 110 / 120), then 100 (index 33: below the middle 100.45, above the
  // lower band 98.31) and 95 (index 34: below the lower band 97.0).
  const path = [...repeat(100, 30), 103, 103, 103, 100, 95];
  const volumes = path.map((_, i) => (i === 30 ? 300 : 100));

  it('enters on a close above the upper band with volume above its average; exits below the middle', () => {
    const df = analyze(strat('bollinger-breakout'), 'X/USDT', candles(path, volumes));

    expect(df.columns.slice(6)).toEqual([
      'bb_middle',
      'bb_upper',
      'bb_lower',
      'volume_mean',
      'enter_long',
      'exit_long',
      'enter_tag',
    ]);
    expect(column(df, 'bb_upper')[30]).toBeCloseTo(100.15 + 2 * 3 * Math.sqrt(0.05 * 0.95), 10);
    expect(column(df, 'volume_mean')[30]).toBe(110);
    expect(indicesOf(df, 'enter_long')).toEqual([30]);
    expect(column(df, 'enter_tag')[30]).toBe('bb_breakout');
    expect(indicesOf(df, 'exit_long')).toEqual([33, 34]);
  });

  it('a volume equal to its average is not above it; volume_factor 0.5 lets it through', () => {
    const even = candles(path, repeat(100, path.length));

    expect(indicesOf(analyze(strat('bollinger-breakout'), 'X/USDT', even), 'enter_long')).toEqual(
      [],
    );
    expect(
      indicesOf(
        analyze(strat('bollinger-breakout', { volume_factor: 0.5 }), 'X/USDT', even),
        'enter_long',
      ),
    ).toEqual([30, 31, 32]);
  });

  it('exit_band "lower" waits for a close below the lower band; a flat market never signals', () => {
    const lower = analyze(
      strat('bollinger-breakout', { exit_band: 'lower' }),
      'X/USDT',
      candles(path, volumes),
    );
    const flat = analyze(
      strat('bollinger-breakout', { volume_factor: 0.5 }),
      'X/USDT',
      candles(repeat(100, 60)),
    );

    expect(indicesOf(lower, 'exit_long')).toEqual([34]);
    expect(indicesOf(flat, 'enter_long')).toEqual([]);
    expect(indicesOf(flat, 'exit_long')).toEqual([]);
  });
});

describe('bundled strategy files', () => {
  it('carry the markers, parameters and literals the behaviours read', () => {
    const config = { strategy_path: BUNDLED_STRATEGIES, user_data_dir: tempDir() };

    const rsi = loadStrategy(config, 'RsiMeanReversionStrategy');
    const bb = loadStrategy(config, 'BollingerBreakoutStrategy');

    expect(rsi.behaviour).toEqual({ name: 'rsi-mean-reversion', options: {} });
    expect(rsi.params).toEqual({ buy_rsi: 30, bb_std: 2, sell_rsi: 70 });
    expect(rsi.attrs).toMatchObject({
      timeframe: '15m',
      stoploss: -0.08,
      startup_candle_count: 100,
    });
    expect(rsi.attrs.plot_config.subplots.RSI).toHaveProperty('rsi');
    expect(bb.behaviour).toEqual({ name: 'bollinger-breakout', options: {} });
    expect(bb.params).toEqual({ bb_std: 2, volume_factor: 1, exit_band: 'middle' });
    expect(bb.attrs).toMatchObject({ timeframe: '1h', stoploss: -0.06, minimal_roi: { 0: 0.08 } });
  });
});
