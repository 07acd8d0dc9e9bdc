// Freqtrade's strategy parameter file: `<strategy file>.json` beside the strategy file the bot
// loads (hyper.py load_params_from_file), which wins over the strategy's own defaults and its
// buy_params/sell_params. Shape as hyperopt's export_params writes it.

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

import type { ValidationIssue } from '../../domain/errors.js';

import { checkValue } from './parameter-values.js';
import type { ParameterSpace, ParameterValue, StrategyEntry } from './types.js';

export interface ParamsFileDocument {
  strategy_name: string;
  params: Partial<Record<ParameterSpace, Record<string, ParameterValue>>> & {
    buy: Record<string, ParameterValue>;
    sell: Record<string, ParameterValue>;
  };
  ft_stratparam_v: 1;
  export_time: string;
}

export type WriteParamsResult =
  | { ok: true; path: string; document: ParamsFileDocument }
  | { ok: false; issues: ValidationIssue[] };

/** Field paths as bot forms name them. */
const FIELD = 'strategyParams';

/**
 * Validates `values` against the entry's parameters and, when every value fits, writes the
 * parameter file into `destDir` (created if missing) atomically. Every parameter is written: the
 * given value, else the strategy's default, so the file alone says what the bot runs with.
 * Returns the issues instead of writing when any value does not fit.
 */
export function writeParamsFile(
  entry: StrategyEntry,
  values: Readonly<Record<string, unknown>>,
  destDir: string,
  { now = () => new Date() }: { now?: () => Date } = {},
): WriteParamsResult {
  const issues = checkValues(entry, values);
  if (issues.length > 0) return { ok: false, issues };
  const params: ParamsFileDocument['params'] = { buy: {}, sell: {} };
  for (const p of entry.parameters) {
    const space = (params[p.space] ??= {});
    space[p.name] = Object.hasOwn(values, p.name) ? (values[p.name] as ParameterValue) : p.default;
  }
  const document: ParamsFileDocument = {
    strategy_name: entry.name,
    params,
    ft_stratparam_v: 1,
    export_time: pythonUtcTimestamp(now()),
  };
  const file = path.join(destDir, `${path.basename(entry.file, '.py')}.json`);
  mkdirSync(destDir, { recursive: true });
  writeAtomic(file, `${JSON.stringify(document, null, 2)}\n`);
  return { ok: true, path: file, document };
}

function checkValues(entry: StrategyEntry, values: Readonly<Record<string, unknown>>) {
  const issues: ValidationIssue[] = [];
  if (entry.error !== undefined) {
    // The parameter list may be incomplete: a file written from it could silently drop values.
    issues.push({
      path: FIELD,
      rule: 'invalid',
      params: {},
      message: `strategy ${entry.name} could not be read: ${entry.error}`,
    });
    return issues;
  }
  const known = new Map(entry.parameters.map((p) => [p.name, p]));
  const unknown = Object.keys(values).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    issues.push({
      path: FIELD,
      rule: 'unknown-keys',
      params: { keys: unknown },
      message: `${entry.name} has no parameter ${unknown.join(', ')}`,
    });
  }
  for (const [name, value] of Object.entries(values)) {
    const parameter = known.get(name);
    const problem = parameter ? checkValue(parameter, value) : null;
    if (problem) issues.push({ path: `${FIELD}.${name}`, ...problem });
  }
  return issues;
}

/** `str(datetime.now(timezone.utc))`, as export_params writes it: `2025-01-02 03:04:05.678000+00:00`. */
function pythonUtcTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000+00:00`;
}

function writeAtomic(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
