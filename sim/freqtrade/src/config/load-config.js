import fs from 'node:fs';
import path from 'node:path';
import { ConfigurationError, OperationalError } from '../errors.js';
import { stripJsonExtensions } from './json-comments.js';

const MAX_INCLUDE_DEPTH = 5;

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** freqtrade/misc.py deep_merge_dicts: objects merge key by key, lists and scalars are replaced. */
export function deepMerge(base, override) {
  const out = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key], value) : value;
  }
  return out;
}

function readConfigFile(file) {
  let text;
  try {
    text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch {
    throw new OperationalError(
      `Config file "${file}" not found! Please create a config file or check whether it exists.`,
    );
  }
  try {
    const parsed = JSON.parse(stripJsonExtensions(text));
    if (!isPlainObject(parsed)) throw new SyntaxError('config root must be an object');
    return parsed;
  } catch (err) {
    throw new ConfigurationError(
      `${err.message}\nPlease verify your configuration file for syntax errors.`,
    );
  }
}

function loadWithIncludes(file, depth) {
  const own = readConfigFile(file);
  const includes = own.add_config_files;
  if (!Array.isArray(includes) || includes.length === 0) return own;
  if (depth >= MAX_INCLUDE_DEPTH) {
    throw new OperationalError('Config loop detected or too many nested add_config_files.');
  }
  const dir = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
  let merged = {};
  for (const inc of includes) {
    merged = deepMerge(merged, loadWithIncludes(path.resolve(dir, String(inc)), depth + 1));
  }
  // The including file's own keys win over the files it lists.
  return deepMerge(merged, own);
}

/** Env values are coerced like freqtrade/configuration/environment_vars.py get_var_typed. */
function typedEnvValue(value, lastSegment) {
  if (lastSegment === 'password' || lastSegment === 'chat_id') return value;
  if (/^[+-]?\d+$/.test(value.trim())) return Number.parseInt(value, 10);
  const asFloat = Number(value);
  if (value.trim() !== '' && Number.isFinite(asFloat)) return asFloat;
  const lower = value.toLowerCase();
  if (lower === 't' || lower === 'true') return true;
  if (lower === 'f' || lower === 'false') return false;
  return value;
}

/** Builds the nested override object from `FREQTRADE__SECTION__KEY` variables (segments lower-cased). */
export function envOverrides(env) {
  let out = {};
  const names = [];
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('FREQTRADE__') || value === undefined) continue;
    const segments = name
      .slice('FREQTRADE__'.length)
      .split('__')
      .map((s) => s.toLowerCase());
    if (segments.some((s) => s === '')) continue;
    let node = { [segments.at(-1)]: typedEnvValue(value, segments.at(-1)) };
    for (let i = segments.length - 2; i >= 0; i -= 1) node = { [segments[i]]: node };
    out = deepMerge(out, node);
    names.push(name);
  }
  return { overrides: out, names };
}

/**
 * Loads and merges the config files (later wins), then env overrides, then CLI arguments, in
 * Freqtrade's precedence order. Returns `{ config, envNames }`.
 */
export function loadConfig({ files, options, env, cwd }) {
  let fileList = files;
  if (fileList.length === 0) {
    const userdirDefault = options.userdir ? path.join(options.userdir, 'config.json') : null;
    fileList = [userdirDefault && fs.existsSync(userdirDefault) ? userdirDefault : 'config.json'];
  }
  if (fileList.includes('-')) fileList = ['-'];
  let config = {};
  for (const file of fileList) config = deepMerge(config, loadWithIncludes(file, 0));
  const { overrides, names } = envOverrides(env);
  config = deepMerge(config, overrides);
  if (options.strategy) config.strategy = options.strategy;
  if (options.strategyPath) config.strategy_path = options.strategyPath;
  if (options.userdir) config.user_data_dir = options.userdir;
  if (options.logfile) config.logfile = options.logfile;
  if (options.dryRun) config.dry_run = true;
  if (options.dryRunWallet !== undefined) config.dry_run_wallet = options.dryRunWallet;
  if (options.fee !== undefined) config.fee = options.fee;
  if (options.dbUrl) config.db_url = options.dbUrl;
  config.user_data_dir = path.resolve(cwd, config.user_data_dir ?? 'user_data');
  config.config_files = fileList;
  return { config, envNames: names };
}
