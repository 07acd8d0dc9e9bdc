// The strategies a bot may run: the bundled folder (the repository's strategies/, /app/strategies
// in the image) and the user's folder (<data>/strategies), read statically — no Python runs.
// Each file is parsed again only when its mtime or size changes.

import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

import { writeParamsFile, type WriteParamsResult } from './params-file.js';
import { parseStrategySource, type ParsedFile, type ParsedStrategy } from './parse-strategy.js';
import type { StrategyEntry, StrategyLocation, StrategySource } from './types.js';

export type * from './types.js';
export type { ParamsFileDocument, WriteParamsResult } from './params-file.js';
export { writeParamsFile } from './params-file.js';

export interface StrategyCatalogOptions {
  bundledDir: string;
  userDir: string;
  /** For the parameter file's export_time. */
  now?: () => Date;
}

export interface StrategyCatalog {
  /** Every strategy of both folders, sorted by name (bundled before user for equal names). */
  list(): StrategyEntry[];
  /** Whether a strategy class of that name exists in either folder (even one with `error`). */
  exists(name: string): boolean;
  /** The strategy Freqtrade should load for `name`: the user's when both folders have it. */
  find(name: string): StrategyLocation | undefined;
  /** See params-file.ts. */
  writeParamsFile(
    entry: StrategyEntry,
    values: Readonly<Record<string, unknown>>,
    destDir: string,
  ): WriteParamsResult;
}

// A strategy is a few kilobytes; anything much bigger is not one we should hold in memory.
const MAX_FILE_BYTES = 1024 * 1024;

interface CachedFile {
  mtimeMs: number;
  size: number;
  parsed: ParsedFile;
}

export function createStrategyCatalog(options: StrategyCatalogOptions): StrategyCatalog {
  const folders: { source: StrategySource; dir: string }[] = [
    { source: 'bundled', dir: path.resolve(options.bundledDir) },
    { source: 'user', dir: path.resolve(options.userDir) },
  ];
  const cache = new Map<string, CachedFile>();

  const scan = (): StrategyLocation[] => {
    const seen = new Set<string>();
    const found: StrategyLocation[] = [];
    for (const { source, dir } of folders) {
      for (const file of pythonFiles(dir)) {
        const full = path.join(dir, file);
        seen.add(full);
        found.push(...entriesOf(parseCached(cache, full), { source, file, path: full }));
      }
    }
    for (const key of cache.keys()) if (!seen.has(key)) cache.delete(key);
    markDuplicates(found);
    return found.sort(
      (a, b) => compare(a.name, b.name) || compare(a.source, b.source) || compare(a.file, b.file),
    );
  };

  const locate = (name: string): StrategyLocation | undefined => {
    // A file listed under its own name (unreadable) never matches: no class name ends in `.py`.
    const matches = scan().filter((e) => e.name === name && e.name !== e.file);
    return matches.find((e) => e.source === 'user') ?? matches[0];
  };

  return {
    list: () => scan().map(({ path: _path, ...entry }) => entry),
    exists: (name) => locate(name) !== undefined,
    find: locate,
    writeParamsFile: (entry, values, destDir) =>
      writeParamsFile(entry, values, destDir, { now: options.now }),
  };
}

/** `*.py` file names directly in `dir` (not recursive, like Freqtrade's resolver); none if absent. */
function pythonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.py')).sort(compare);
}

function parseCached(cache: Map<string, CachedFile>, file: string): ParsedFile {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (err) {
    return { strategies: [], error: `cannot read the file: ${describeError(err)}` };
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stats.mtimeMs && hit.size === stats.size) return hit.parsed;
  const parsed = parseFile(file, stats);
  cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, parsed });
  return parsed;
}

function parseFile(file: string, stats: Stats): ParsedFile {
  if (!stats.isFile()) return { strategies: [], error: 'not a regular file' };
  if (stats.size > MAX_FILE_BYTES) {
    return { strategies: [], error: `the file is larger than ${MAX_FILE_BYTES} bytes` };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { strategies: [], error: `cannot read the file: ${describeError(err)}` };
  }
  let source: string;
  let encodingError: string | undefined;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Python refuses to import it; the classes are still worth showing with the reason.
    source = new TextDecoder('utf-8').decode(bytes);
    encodingError = 'the file is not valid UTF-8';
  }
  const parsed = parseStrategySource(source);
  if (!encodingError) return parsed;
  return {
    strategies: parsed.strategies.map((s) => ({ ...s, error: joinErrors(encodingError, s.error) })),
    error: parsed.strategies.length === 0 ? joinErrors(encodingError, parsed.error) : undefined,
  };
}

/** One entry per class; a file that could not be read at all is listed under its file name. */
function entriesOf(
  parsed: ParsedFile,
  where: { source: StrategySource; file: string; path: string },
): StrategyLocation[] {
  const entry = (s: ParsedStrategy): StrategyLocation => ({
    name: s.name,
    file: where.file,
    source: where.source,
    description: s.description,
    timeframe: s.timeframe,
    stoploss: s.stoploss,
    minimalRoi: s.minimalRoi,
    parameters: s.parameters,
    isShadowed: false,
    ...(s.error === undefined ? {} : { error: s.error }),
    path: where.path,
  });
  const entries = parsed.strategies.map(entry);
  if (parsed.error !== undefined && entries.length === 0) {
    const blank = { description: '', timeframe: null, stoploss: null, minimalRoi: null };
    entries.push(entry({ name: where.file, ...blank, parameters: [], error: parsed.error }));
  }
  return entries;
}

/**
 * A user class hides a bundled one of the same name (`isShadowed`). Two files of one folder with
 * the same class are an error on both: Freqtrade loads whichever its directory walk meets first.
 */
function markDuplicates(entries: StrategyLocation[]): void {
  for (const entry of entries) {
    const twins = entries.filter((e) => e !== entry && e.name === entry.name);
    if (entry.source === 'bundled' && twins.some((t) => t.source === 'user')) {
      entry.isShadowed = true;
    }
    const sameFolder = twins.filter((t) => t.source === entry.source && t.file !== entry.file);
    if (sameFolder.length > 0) {
      const others = sameFolder.map((t) => t.file).join(', ');
      entry.error = joinErrors(
        entry.error,
        `class ${entry.name} is also defined in ${others}; Freqtrade would load either`,
      );
    }
  }
}

function joinErrors(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((p): p is string => p !== undefined && p !== '').join('; ');
  return text === '' ? undefined : text;
}

function describeError(err: unknown): string {
  return err instanceof Error && 'code' in err ? String(err.code) : String(err);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
