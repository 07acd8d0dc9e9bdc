import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_STRATEGIES } from '../src/index.js';
import { listStrategies, loadStrategy, readBehaviour } from '../src/strategy/find-strategy.js';
import { analyze, lastSignal } from '../src/strategy/behaviours.js';
import { parsePythonLiteral } from '../src/strategy/python-literal.js';
import { tempDir } from './helpers/harness.js';

const config = (extra = {}) => ({
  strategy_path: BUNDLED_STRATEGIES,
  user_data_dir: tempDir(),
  ...extra,
});
const candles = (closes) => closes.map((c, i) => [i * 60000, c, c, c, c, 10]);

describe('bundled strategies (strategies/)', () => {
  it('are found as class NAME(IStrategy) with their literals, parameters and markers', () => {
    expect(
      listStrategies(config())
        .map((s) => s.name)
        .sort(),
    ).toEqual([
      'AlwaysEnterStrategy',
      'BollingerBreakoutStrategy',
      'EmaCrossStrategy',
      'NeverEnterStrategy',
      'RandomSeededStrategy',
      'RsiMeanReversionStrategy',
    ]);
    const ema = loadStrategy(config(), 'EmaCrossStrategy');
    expect(ema.attrs).toMatchObject({
      timeframe: '5m',
      stoploss: -0.1,
      minimal_roi: { 60: 0.01, 30: 0.02, 0: 0.04 },
      trailing_stop: false,
    });
    expect(ema.params).toEqual({ fast_ema: 9, slow_ema: 21, ma_type: 'ema', exit_on_cross: true });
    expect(ema.behaviour).toEqual({ name: 'ema-cross', options: {} });
    expect(ema.attrs.plot_config.main_plot).toHaveProperty('ema_fast');
    const rnd = loadStrategy(config(), 'RandomSeededStrategy');
    expect(rnd.behaviour).toEqual({ name: 'random-seeded', options: { seed: 42, p: 0.2 } });
    expect(rnd.params).toEqual({ seed: 42, p: 0.2 });
  });

  it('are real Freqtrade strategy files (populate_* methods, IStrategy import)', () => {
    for (const file of fs.readdirSync(BUNDLED_STRATEGIES).filter((f) => f.endsWith('.py'))) {
      const code = fs.readFileSync(path.join(BUNDLED_STRATEGIES, file), 'utf8');
      expect(code).toContain('from freqtrade.strategy import');
      for (const m of ['populate_indicators', 'populate_entry_trend', 'populate_exit_trend'])
        expect(code).toContain(`def ${m}(`);
      expect(code).toMatch(/^# sim-behaviour: /m);
    }
  });

  it('user_data/strategies is searched too; a file without a marker defaults to ema-cross', () => {
    const c = config();
    fs.mkdirSync(path.join(c.user_data_dir, 'strategies'), { recursive: true });
    fs.writeFileSync(
      path.join(c.user_data_dir, 'strategies', 'mine.py'),
      'from freqtrade.strategy import IStrategy\n\nclass MyStrategy(IStrategy):\n    timeframe = "15m"\n    stoploss = -0.2\n    minimal_roi = {\n        "0": 0.1,  # comment\n    }\n',
    );
    const s = loadStrategy(c, 'MyStrategy');
    expect(s.attrs).toEqual({ timeframe: '15m', stoploss: -0.2, minimal_roi: { 0: 0.1 } });
    expect(s.behaviour.name).toBe('ema-cross');
  });

  it('a Unicode class name is a strategy name, as Python allows', () => {
    const c = config();
    fs.mkdirSync(path.join(c.user_data_dir, 'strategies'), { recursive: true });
    fs.writeFileSync(
      path.join(c.user_data_dir, 'strategies', 'estrategia.py'),
      '# sim-behaviour: never-enter\nclass Estratégia(IStrategy):\n    timeframe = "15m"\n',
    );
    expect(listStrategies(c).map((s) => s.name)).toContain('Estratégia');
    expect(loadStrategy(c, 'Estratégia').attrs.timeframe).toBe('15m');
  });

  it("an unknown marker is refused, unknown names get Freqtrade's message", () => {
    expect(() => readBehaviour('# sim-behaviour: moon')).toThrow('Unknown sim-behaviour "moon"');
    expect(() => loadStrategy(config(), 'Nope')).toThrow(
      "Impossible to load Strategy 'Nope'. This class does not exist or contains Python code errors.",
    );
  });
});

describe('sim behaviours', () => {
  const strat = (name, params = {}, options = {}) => ({ params, behaviour: { name, options } });

  it('ema-cross enters on the closed candle where fast crosses above slow, exits on the cross down', () => {
    const up = [...Array(30).fill(100), ...Array(5).fill(110)];
    const df = analyze(strat('ema-cross', { fast_ema: 3, slow_ema: 10 }), 'BTC/USDT', candles(up));
    const enterCol = df.columns.indexOf('enter_long');
    expect(df.rows.findIndex((r) => r[enterCol] === 1)).toBe(30);
    const down = analyze(
      strat('ema-cross', { fast_ema: 3, slow_ema: 10 }),
      'BTC/USDT',
      candles([...up, ...Array(10).fill(90)]),
    );
    const exitCol = down.columns.indexOf('exit_long');
    expect(down.rows.findIndex((r) => r[exitCol] === 1)).toBe(35);
    expect(lastSignal(df)).toEqual({ enter: false, exit: false, tag: null });
  });

  it('ema-cross honours ma_type "sma" and exit_on_cross false', () => {
    const up = [...Array(30).fill(100), ...Array(5).fill(110), ...Array(10).fill(90)];
    const df = analyze(
      strat('ema-cross', { fast_ema: 3, slow_ema: 10, ma_type: 'sma', exit_on_cross: false }),
      'X/USDT',
      candles(up),
    );
    const col = (n) => df.columns.indexOf(n);
    expect(df.rows[5][col('ema_slow')]).toBeNaN();
    expect(df.rows[20][col('ema_slow')]).toBe(100);
    expect(df.rows.some((r) => r[col('enter_long')] === 1)).toBe(true);
    expect(df.rows.some((r) => r[col('exit_long')] === 1)).toBe(false);
  });

  it('always-enter and never-enter', () => {
    expect(lastSignal(analyze(strat('always-enter'), 'X/USDT', candles([1, 2])))).toEqual({
      enter: true,
      exit: false,
      tag: 'always',
    });
    expect(lastSignal(analyze(strat('never-enter'), 'X/USDT', candles([1, 2]))).enter).toBe(false);
  });

  it('random-seeded is deterministic per (seed, pair, candle time) with rate ≈ p', () => {
    const c = candles(Array(2000).fill(1));
    const a = analyze(strat('random-seeded', { seed: 1, p: 0.3 }), 'BTC/USDT', c);
    const b = analyze(strat('random-seeded', { seed: 1, p: 0.3 }), 'BTC/USDT', c);
    const other = analyze(strat('random-seeded', { seed: 2, p: 0.3 }), 'BTC/USDT', c);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows).not.toEqual(other.rows);
    const rate = a.rows.filter((r) => r[a.columns.indexOf('enter_long')] === 1).length / 2000;
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
  });
});

describe('Python literal parsing', () => {
  it('handles dicts, tuples, booleans, None, comments and trailing commas; refuses expressions', () => {
    expect(parsePythonLiteral("{'a': (1, 2), 'b': True, 'c': None,  # x\n}")).toEqual({
      a: [1, 2],
      b: true,
      c: null,
    });
    expect(parsePythonLiteral('.5')).toBe(0.5);
    expect(parsePythonLiteral('ta.EMA(dataframe)')).toBeUndefined();
  });
});
