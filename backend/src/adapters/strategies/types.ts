// What the strategy catalog tells about each Freqtrade strategy, read statically from its file.

export type StrategySource = 'bundled' | 'user';

/** Freqtrade 2024.10 loads parameters of these spaces only (hyper.py detect_parameters). */
export type ParameterSpace = 'buy' | 'sell' | 'protection';

export type ParameterValue = string | number | boolean | null;

interface ParameterBase {
  name: string;
  space: ParameterSpace;
  /** False when the strategy says `optimize=False`: hyperopt leaves it alone, a bot may still set it. */
  optimize: boolean;
}

export interface IntParameterInfo extends ParameterBase {
  kind: 'int';
  default: number;
  low: number;
  high: number;
}

/** DecimalParameter (`decimals` places) and RealParameter (no `decimals`: any precision). */
export interface DecimalParameterInfo extends ParameterBase {
  kind: 'decimal';
  default: number;
  low: number;
  high: number;
  decimals?: number;
}

export interface CategoricalParameterInfo extends ParameterBase {
  kind: 'categorical';
  /** null when the strategy gives no default (Freqtrade then starts with None). */
  default: ParameterValue;
  options: ParameterValue[];
}

export interface BooleanParameterInfo extends ParameterBase {
  kind: 'boolean';
  default: boolean | null;
  options: [true, false];
}

export type StrategyParameter =
  IntParameterInfo | DecimalParameterInfo | CategoricalParameterInfo | BooleanParameterInfo;

export interface StrategyEntry {
  /** The class name (what Freqtrade's `strategy` names); the file name for an unreadable file. */
  name: string;
  /** The file's name inside its folder. */
  file: string;
  source: StrategySource;
  /** The file's leading comment paragraph (else the class or module docstring), one line. */
  description: string;
  timeframe: string | null;
  stoploss: number | null;
  /** minutes (as strings, like Freqtrade's keys) → ratio. */
  minimalRoi: Record<string, number> | null;
  parameters: StrategyParameter[];
  /** A bundled strategy hidden by a user strategy with the same class name. */
  isShadowed: boolean;
  /** Why the file could not be read fully; what could be read is still filled in. */
  error?: string;
}

/** An entry with the absolute path of its file (what `find` returns). */
export interface StrategyLocation extends StrategyEntry {
  path: string;
}
