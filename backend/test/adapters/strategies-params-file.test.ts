import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  createStrategyCatalog,
  type StrategyCatalog,
  type StrategyEntry,
} from '../../src/adapters/strategies/catalog.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

const BUNDLED = path.resolve(import.meta.dirname, '../../../strategies');
const NOW = new Date('2025-03-04T05:06:07.089Z');

let dirs: TempDir;
let catalog: StrategyCatalog;
beforeEach(() => {
  dirs = makeTempDir('spotdesk-params-');
  catalog = createStrategyCatalog({
    bundledDir: BUNDLED,
    userDir: path.join(dirs.path, 'user'),
    now: () => NOW,
  });
});
afterEach(() => dirs.remove());

const entry = (name: string): StrategyEntry => {
  const found = catalog.find(name);
  if (!found) throw new Error(`no strategy ${name}`);
  return found;
};
const dest = () => path.join(dirs.path, 'bot-1', 'strategies');

describe('writeParamsFile', () => {
  it("when every value fits, then Freqtrade's parameter file is written beside the strategy's name, defaults filled in", () => {
    const result = catalog.writeParamsFile(
      entry('EmaCrossStrategy'),
      { fast_ema: 12, ma_type: 'sma', exit_on_cross: false },
      dest(),
    );

    const file = path.join(dest(), 'ema_cross_strategy.json');
    expect(result).toMatchObject({ ok: true, path: file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      strategy_name: 'EmaCrossStrategy',
      params: {
        buy: { fast_ema: 12, slow_ema: 21, ma_type: 'sma' },
        sell: { exit_on_cross: false },
      },
      ft_stratparam_v: 1,
      export_time: '2025-03-04 05:06:07.089000+00:00',
    });
    expect(readdirSync(dest())).toEqual(['ema_cross_strategy.json']);
  });

  it('when no values are given, then the file pins the defaults; decimals on the step are accepted', () => {
    const defaults = catalog.writeParamsFile(entry('RsiMeanReversionStrategy'), {}, dest());
    const tuned = catalog.writeParamsFile(
      entry('BollingerBreakoutStrategy'),
      { bb_std: 2.3, volume_factor: 1.5, exit_band: 'lower' },
      dest(),
    );

    expect(defaults.ok && defaults.document.params).toEqual({
      buy: { buy_rsi: 30, bb_std: 2 },
      sell: { sell_rsi: 70 },
    });
    expect(tuned.ok && tuned.document.params).toEqual({
      buy: { bb_std: 2.3, volume_factor: 1.5 },
      sell: { exit_band: 'lower' },
    });
    expect(readdirSync(dest()).sort()).toEqual([
      'bollinger_breakout_strategy.json',
      'rsi_mean_reversion_strategy.json',
    ]);
  });

  it('when values break their parameters, then each gets an issue with rule and params and nothing is written', () => {
    const result = catalog.writeParamsFile(
      entry('EmaCrossStrategy'),
      { fast_ema: 4, slow_ema: 61.5, ma_type: 'wma', exit_on_cross: 'yes', turbo: 1, other: 2 },
      dest(),
    );
    const tooBig = catalog.writeParamsFile(
      entry('RsiMeanReversionStrategy'),
      { sell_rsi: 86 },
      dest(),
    );
    const decimals = catalog.writeParamsFile(
      entry('BollingerBreakoutStrategy'),
      { bb_std: 2.25, volume_factor: '1' },
      dest(),
    );

    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: 'strategyParams',
        rule: 'unknown-keys',
        params: { keys: ['turbo', 'other'] },
        message: 'EmaCrossStrategy has no parameter turbo, other',
      },
      {
        path: 'strategyParams.fast_ema',
        rule: 'too-small',
        params: { minimum: 5 },
        message: 'must be at least 5',
      },
      {
        path: 'strategyParams.slow_ema',
        rule: 'invalid-type',
        params: { expected: 'int' },
        message: 'must be a whole number',
      },
      {
        path: 'strategyParams.ma_type',
        rule: 'invalid-choice',
        params: { options: ['ema', 'sma'] },
        message: 'must be one of "ema", "sma"',
      },
      {
        path: 'strategyParams.exit_on_cross',
        rule: 'invalid-type',
        params: { expected: 'boolean' },
        message: 'must be true or false',
      },
    ]);
    expect(tooBig.ok ? [] : tooBig.issues).toEqual([
      {
        path: 'strategyParams.sell_rsi',
        rule: 'too-big',
        params: { maximum: 85 },
        message: 'must be at most 85',
      },
    ]);
    expect(decimals.ok ? [] : decimals.issues.map((i) => [i.path, i.rule, i.params])).toEqual([
      ['strategyParams.bb_std', 'not-multiple-of', { divisor: 0.1 }],
      ['strategyParams.volume_factor', 'invalid-type', { expected: 'number' }],
    ]);
    expect(existsSync(dest())).toBe(false);
  });

  it('when the strategy could not be read fully, then the file is refused with the reason', () => {
    const userDir = path.join(dirs.path, 'user');
    const c = createStrategyCatalog({ bundledDir: BUNDLED, userDir });
    makeUserStrategy(userDir, 'class Half(IStrategy):\n    minimal_roi = {"0": ROI}\n');

    const half = c.find('Half');
    if (!half) throw new Error('Half was not found');

    const result = c.writeParamsFile(half, {}, dest());

    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'strategyParams',
          rule: 'invalid',
          params: {},
          message:
            "strategy Half could not be read: line 3: minimal_roi is not a literal value ('ROI' is a name, not a literal)",
        },
      ],
    });
  });

  it('when the destination already has a parameter file, then it is replaced whole', () => {
    catalog.writeParamsFile(entry('EmaCrossStrategy'), { fast_ema: 6 }, dest());

    catalog.writeParamsFile(entry('EmaCrossStrategy'), { fast_ema: 7 }, dest());

    const written = JSON.parse(readFileSync(path.join(dest(), 'ema_cross_strategy.json'), 'utf8'));
    expect(written.params.buy.fast_ema).toBe(7);
    expect(readdirSync(dest())).toEqual(['ema_cross_strategy.json']);
  });
});

function makeUserStrategy(dir: string, body: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'half.py'), `from freqtrade.strategy import IStrategy\n${body}`);
}
