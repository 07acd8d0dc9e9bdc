import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  createStrategyCatalog,
  type StrategyEntry,
} from '../../src/adapters/strategies/catalog.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

const BUNDLED = path.resolve(import.meta.dirname, '../../../strategies');

let user: TempDir;
beforeEach(() => {
  user = makeTempDir('spotdesk-strategies-');
});
afterEach(() => user.remove());

const catalog = () => createStrategyCatalog({ bundledDir: BUNDLED, userDir: user.path });
const write = (file: string, code: string | Buffer) =>
  writeFileSync(path.join(user.path, file), code);
const userEntries = () =>
  catalog()
    .list()
    .filter((e) => e.source === 'user');
const byName = (entries: StrategyEntry[], name: string) => entries.find((e) => e.name === name);

const header = 'from freqtrade.strategy import IStrategy, IntParameter\n\n\n';

describe('strategy catalog on the bundled strategies/ folder', () => {
  it('when listed, then every bundled class comes with its description, literals and no error', () => {
    const entries = catalog().list();

    expect(entries.map((e) => e.name)).toEqual([
      'AlwaysEnterStrategy',
      'BollingerBreakoutStrategy',
      'EmaCrossStrategy',
      'NeverEnterStrategy',
      'RandomSeededStrategy',
      'RsiMeanReversionStrategy',
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ source: 'bundled', isShadowed: false });
      expect(entry.error).toBeUndefined();
      expect(entry.file).toMatch(/^[a-z_]+_strategy\.py$/);
      expect(entry.description.length).toBeGreaterThan(60);
      expect(entry.description).not.toMatch(/sim-behaviou?r|#/);
    }
    expect(byName(entries, 'AlwaysEnterStrategy')?.description).toMatch(/^DEMO AND TEST STRATEGY/);
    expect(byName(entries, 'NeverEnterStrategy')?.description).toMatch(/^TEST HELPER/);
    expect(byName(entries, 'RandomSeededStrategy')?.description).toMatch(/^TEST HELPER/);
  });

  it('when the RSI strategy is read, then its parameters carry kinds, spaces, ranges and defaults', () => {
    const rsi = byName(catalog().list(), 'RsiMeanReversionStrategy');

    expect(rsi).toMatchObject({
      file: 'rsi_mean_reversion_strategy.py',
      timeframe: '15m',
      stoploss: -0.08,
      minimalRoi: { '0': 0.03, '60': 0.015, '180': 0.005 },
    });
    expect(rsi?.description).toMatch(/^RSI mean reversion on closed candles/);
    expect(rsi?.parameters).toEqual([
      {
        name: 'buy_rsi',
        kind: 'int',
        space: 'buy',
        default: 30,
        low: 15,
        high: 40,
        optimize: true,
      },
      {
        name: 'bb_std',
        kind: 'decimal',
        space: 'buy',
        default: 2,
        low: 1.5,
        high: 3,
        decimals: 1,
        optimize: true,
      },
      {
        name: 'sell_rsi',
        kind: 'int',
        space: 'sell',
        default: 70,
        low: 55,
        high: 85,
        optimize: true,
      },
    ]);
  });

  it('when the EMA and Bollinger strategies are read, then categorical and boolean parameters list their options', () => {
    const entries = catalog().list();

    const ema = byName(entries, 'EmaCrossStrategy')?.parameters;
    const bb = byName(entries, 'BollingerBreakoutStrategy')?.parameters;

    expect(ema?.map((p) => [p.name, p.kind, p.space, p.default])).toEqual([
      ['fast_ema', 'int', 'buy', 9],
      ['slow_ema', 'int', 'buy', 21],
      ['ma_type', 'categorical', 'buy', 'ema'],
      ['exit_on_cross', 'boolean', 'sell', true],
    ]);
    expect(ema?.[2]).toMatchObject({ options: ['ema', 'sma'] });
    expect(ema?.[3]).toMatchObject({ options: [true, false] });
    expect(bb?.find((p) => p.name === 'exit_band')).toMatchObject({
      kind: 'categorical',
      space: 'sell',
      options: ['middle', 'lower'],
      default: 'middle',
    });
  });

  it('when a name is looked up, then exists and find answer with the absolute path', () => {
    const c = catalog();

    const found = c.find('EmaCrossStrategy');

    expect(c.exists('EmaCrossStrategy')).toBe(true);
    expect(found?.path).toBe(path.join(BUNDLED, 'ema_cross_strategy.py'));
    expect(path.isAbsolute(found?.path ?? '')).toBe(true);
    expect(c.exists('Nope')).toBe(false);
    expect(c.find('Nope')).toBeUndefined();
    expect(c.exists('emacrossstrategy')).toBe(false);
  });

  it('when the user folder does not exist, then the bundled strategies are still listed', () => {
    const c = createStrategyCatalog({ bundledDir: BUNDLED, userDir: path.join(user.path, 'none') });

    expect(c.list()).toHaveLength(6);
  });
});

describe('strategy catalog on a user folder with odd files', () => {
  it('when a user class has a bundled name, then both are listed and the user one wins lookups', () => {
    write('my_ema.py', `${header}class EmaCrossStrategy(IStrategy):\n    timeframe = "1h"\n`);

    const c = catalog();
    const both = c.list().filter((e) => e.name === 'EmaCrossStrategy');

    expect(both.map((e) => [e.source, e.isShadowed, e.timeframe])).toEqual([
      ['bundled', true, '5m'],
      ['user', false, '1h'],
    ]);
    expect(c.find('EmaCrossStrategy')).toMatchObject({
      source: 'user',
      path: path.join(user.path, 'my_ema.py'),
    });
  });

  it('when a file has a syntax error, then its classes are listed with the error and the rest is unaffected', () => {
    write(
      'broken.py',
      `${header}class Broken(IStrategy):\n    minimal_roi = {"0": 0.1\n    stoploss = -0.1\n`,
    );
    write('fine.py', `${header}class Fine(IStrategy):\n    stoploss = -0.2\n`);
    write('unterminated.py', `${header}class Quote(IStrategy):\n    timeframe = "5m\n`);
    write('crossed.py', `${header}class Crossed(IStrategy):\n    plot_config = {"a": [1, 2}]\n`);

    const entries = userEntries();

    expect(byName(entries, 'Broken')?.error).toBe("syntax error, line 5: '{' was never closed");
    expect(byName(entries, 'Crossed')?.error).toBe("syntax error, line 5: unmatched '}'");
    expect(byName(entries, 'Quote')?.error).toBe(
      'syntax error, line 5: unterminated string literal',
    );
    expect(byName(entries, 'Fine')).toMatchObject({ stoploss: -0.2 });
    expect(byName(entries, 'Fine')?.error).toBeUndefined();
    expect(catalog().exists('Broken')).toBe(true);
  });

  it('when a file holds two strategy classes, then each is an entry of that file', () => {
    write(
      'pair.py',
      `${header}class First(IStrategy):\n    timeframe = "1m"\n\n\nclass Helper:\n    timeframe = "9m"\n\n\n` +
        `class Second(IStrategy):\n    """Second one.\n\n    More text."""\n    timeframe = "4h"\n    buy_x = IntParameter(1, 3, default=2)\n`,
    );

    const entries = userEntries();

    expect(entries.map((e) => [e.name, e.file, e.timeframe])).toEqual([
      ['First', 'pair.py', '1m'],
      ['Second', 'pair.py', '4h'],
    ]);
    expect(byName(entries, 'Second')?.description).toBe('Second one.');
    expect(byName(entries, 'Second')?.parameters[0]).toMatchObject({ name: 'buy_x', space: 'buy' });
  });

  it('when two user files define the same class, then both carry an error naming the other file', () => {
    write('a.py', `${header}class Twin(IStrategy):\n    timeframe = "1m"\n`);
    write('b.py', `${header}class Twin(IStrategy):\n    timeframe = "5m"\n`);

    const twins = userEntries().filter((e) => e.name === 'Twin');

    expect(twins.map((e) => e.error)).toEqual([
      'class Twin is also defined in b.py; Freqtrade would load either',
      'class Twin is also defined in a.py; Freqtrade would load either',
    ]);
    expect(catalog().find('Twin')?.file).toBe('a.py');
  });

  it('when names and comments are not ASCII, then they are read as Python reads them', () => {
    write(
      'estrategia.py',
      '# Estratégia de reversão à média — “teste” 📈.\n#\n# sim-behaviour: never-enter\n' +
        `${header}class Estratégia(IStrategy):\n    timeframe = "15m"\n    modo = "não"\n`,
    );

    const c = catalog();

    expect(c.find('Estratégia')).toMatchObject({
      description: 'Estratégia de reversão à média — “teste” 📈.',
      timeframe: '15m',
    });
  });

  it('when a file is not UTF-8 or not a strategy, then it is flagged or skipped, never fatal', () => {
    write(
      'latin1.py',
      Buffer.from(`# caf\xe9\nclass Latin(IStrategy):\n    stoploss = -0.1\n`, 'latin1'),
    );
    write('plain.py', 'def helper():\n    return 1\n');
    write('hidden.py', '"""\nclass Fake(IStrategy):\n"""\nX = 1\n');
    write('garbage.py', 'x = (\n');

    const entries = userEntries();

    expect(byName(entries, 'Latin')).toMatchObject({
      stoploss: -0.1,
      error: 'the file is not valid UTF-8',
    });
    expect(entries.map((e) => e.name).sort()).toEqual(['Latin', 'garbage.py']);
    expect(byName(entries, 'garbage.py')?.error).toBe("syntax error, line 1: '(' was never closed");
    expect(catalog().exists('garbage.py')).toBe(false);
  });

  it('when values are not literals or parameters are odd, then the entry says which and keeps the rest', () => {
    write(
      'odd.py',
      'from freqtrade.strategy import *\n\n\nclass Odd(IStrategy):\n' +
        '    timeframe = "5m"\n    minimal_roi = dict(a=1)\n    stoploss: float = -0.15\n' +
        '    buy_params = {"buy_n": 4}\n' +
        '    buy_n = IntParameter([1, 9], default=2)\n' +
        '    sell_flag = BooleanParameter(default=False)\n' +
        '    ratio = DecimalParameter(0.1, 0.9, default=0.12345, decimals=2, space="sell", optimize=False)\n' +
        '    loose = RealParameter(0, 1, default=0.5, space="protection")\n' +
        '    nameless = IntParameter(1, 2, default=1)\n' +
        '    frozen = IntParameter(1, 2, default=1, space="buy", load=False)\n' +
        '    buy_wrong = IntParameter(1, 2, default=1, space="sell")\n' +
        '    one = CategoricalParameter(["a"], default="a", space="buy")\n' +
        '    half = IntParameter(1, default=1, space="buy")\n' +
        '    dyn = IntParameter(1, LIMIT, default=1, space="buy")\n',
    );

    const odd = byName(userEntries(), 'Odd');

    expect(odd).toMatchObject({ timeframe: '5m', stoploss: -0.15, minimalRoi: null });
    expect(odd?.parameters).toEqual([
      { name: 'buy_n', kind: 'int', space: 'buy', default: 4, low: 1, high: 9, optimize: true },
      {
        name: 'sell_flag',
        kind: 'boolean',
        space: 'sell',
        default: false,
        options: [true, false],
        optimize: true,
      },
      {
        name: 'ratio',
        kind: 'decimal',
        space: 'sell',
        default: 0.12,
        low: 0.1,
        high: 0.9,
        decimals: 2,
        optimize: false,
      },
      {
        name: 'loose',
        kind: 'decimal',
        space: 'protection',
        default: 0.5,
        low: 0,
        high: 1,
        optimize: true,
      },
    ]);
    expect(odd?.error?.split('; ')).toEqual([
      "line 6: minimal_roi is not a literal value ('dict' is a name, not a literal)",
      'line 15: parameter buy_wrong: Inconclusive parameter name buy_wrong, category: sell.',
      'line 16: parameter one: categories: needs at least two categories',
      'line 17: parameter half: space must be [low, high]',
      "line 18: parameter dyn: high is not a literal value ('LIMIT' is a name, not a literal)",
    ]);
  });
});

describe('strategy catalog cache', () => {
  it('when a file keeps its mtime and size, then it is not parsed again; a new mtime re-reads it', () => {
    const file = path.join(user.path, 'cached.py');
    const at = (seconds: number) => utimesSync(file, seconds, seconds);
    write('cached.py', `${header}class Cached(IStrategy):\n    timeframe = "1m"\n`);
    at(1_700_000_000);
    const c = catalog();
    expect(c.find('Cached')?.timeframe).toBe('1m');

    write('cached.py', `${header}class Cached(IStrategy):\n    timeframe = "5m"\n`);
    at(1_700_000_000);
    const stale = c.find('Cached')?.timeframe;
    at(1_700_000_002);
    const fresh = c.find('Cached')?.timeframe;
    rmSync(file);

    expect(stale).toBe('1m');
    expect(fresh).toBe('5m');
    expect(c.exists('Cached')).toBe(false);
  });
});
