import fs from 'node:fs';
import path from 'node:path';
import { OperationalError } from '../errors.js';
import { BEHAVIOUR_NAMES } from './behaviours.js';
import { parsePythonLiteral } from './python-literal.js';

// Python identifiers may be Unicode (PEP 3131): `class Estratégia(IStrategy):` is a strategy too.
const CLASS_RE =
  /^class\s+([\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*)\s*\(\s*IStrategy\s*\)\s*:/gmu;
const LITERAL_KEYS = [
  'protections',
  'timeframe',
  'stoploss',
  'minimal_roi',
  'trailing_stop',
  'trailing_stop_positive',
  'trailing_stop_positive_offset',
  'trailing_only_offset_is_reached',
  'max_open_trades',
  'startup_candle_count',
  'process_only_new_candles',
  'use_exit_signal',
  'order_types',
  'plot_config',
  'can_short',
  'buy_params',
  'sell_params',
  'INTERFACE_VERSION',
];
export const DEFAULT_BEHAVIOUR = 'ema-cross';

/** Strategy directories in Freqtrade's search order: the extra strategy_path first. */
export function strategyDirs(config) {
  const dirs = [];
  if (config.strategy_path) dirs.push(path.resolve(config.strategy_path));
  dirs.push(path.join(config.user_data_dir, 'strategies'));
  return dirs;
}

function listPyFiles(dir) {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** Finds every `class NAME(IStrategy)` in the strategy directories: [{ name, file }]. */
export function listStrategies(config) {
  const found = [];
  for (const dir of strategyDirs(config)) {
    for (const file of listPyFiles(dir)) {
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(CLASS_RE)) found.push({ name: m[1], file });
    }
  }
  return found;
}

function classBody(code, name) {
  const lines = code.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^class\\s+${name}\\s*\\(`, 'u').test(l));
  const body = [];
  for (let i = start + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.trim() !== '' && !/^\s/.test(line) && !line.startsWith('#')) break;
    body.push(line);
  }
  return body;
}

/** Reads `key = <literal>` statements at the class-body level, joining multi-line brackets. */
function readAttributes(bodyLines) {
  const attrs = {};
  const params = {};
  const indent = bodyLines.find((l) => l.trim() && !l.trim().startsWith('#'))?.match(/^\s*/)[0];
  for (let i = 0; i < bodyLines.length; i += 1) {
    const line = bodyLines[i];
    if (indent === undefined || !line.startsWith(indent) || /^\s/.test(line.slice(indent.length))) {
      continue;
    }
    const m = line.slice(indent.length).match(/^([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(.*)$/);
    if (!m) continue;
    let expr = m[2];
    let depth = bracketDepth(expr);
    while (depth > 0 && i + 1 < bodyLines.length) {
      i += 1;
      expr += `\n${bodyLines[i]}`;
      depth = bracketDepth(expr);
    }
    const param = expr.match(/^(Int|Decimal|Real|Categorical|Boolean)Parameter\s*\(/);
    if (param) {
      const def = expr.match(/default\s*=\s*([^,)]+)/);
      if (def) params[m[1]] = parsePythonLiteral(def[1].trim());
    } else if (LITERAL_KEYS.includes(m[1])) {
      const value = parsePythonLiteral(expr.trim());
      if (value !== undefined) attrs[m[1]] = value;
    }
  }
  return { attrs, params };
}

function bracketDepth(text) {
  const stripped = text.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '').replace(/#.*$/gm, '');
  return (stripped.match(/[[{(]/g) ?? []).length - (stripped.match(/[\]})]/g) ?? []).length;
}

/** `# sim-behaviour: <name> [key=value ...]` — chooses how the sim trades this strategy. */
export function readBehaviour(code) {
  const m = code.match(/^\s*#\s*sim-behaviou?r:\s*([\w-]+)([^\n]*)$/m);
  if (!m) return { name: DEFAULT_BEHAVIOUR, options: {} };
  if (!BEHAVIOUR_NAMES.includes(m[1])) {
    throw new OperationalError(
      `Unknown sim-behaviour "${m[1]}" (expected one of ${BEHAVIOUR_NAMES.join(', ')}).`,
    );
  }
  const options = {};
  for (const kv of m[2].trim().split(/\s+/).filter(Boolean)) {
    const [k, v] = kv.split('=');
    if (k && v !== undefined) options[k] = Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return { name: m[1], options };
}

/**
 * Loads strategy NAME like StrategyResolver: unknown → OperationalError with Freqtrade's message.
 * Returns { name, file, code, attrs, params, behaviour }.
 */
export function loadStrategy(config, name) {
  if (!name) {
    throw new OperationalError(
      'No strategy set. Please use `--strategy` to specify the strategy class to use.',
    );
  }
  if (name.includes(':')) {
    throw new OperationalError('base64 encoded strategies are not allowed.');
  }
  const entry = listStrategies(config).find((s) => s.name === name);
  if (!entry) {
    throw new OperationalError(
      `Impossible to load Strategy '${name}'. This class does not exist or contains Python code errors.`,
    );
  }
  const code = fs.readFileSync(entry.file, 'utf8');
  const body = classBody(code, name);
  const { attrs, params } = readAttributes(body);
  const fromProperty = protectionsProperty(body.join('\n'));
  if (fromProperty) attrs.protections = fromProperty;
  const fromFile = readParamsFile(entry.file, name);
  // Priority like IStrategy.ft_load_hyper_params: params file > buy_params/sell_params > defaults.
  Object.assign(params, attrs.buy_params, attrs.sell_params);
  if (fromFile.params) {
    const p = fromFile.params;
    Object.assign(params, p.buy, p.sell, p.protection);
    if (p.roi) attrs.minimal_roi = p.roi;
    if (p.stoploss?.stoploss !== undefined) attrs.stoploss = p.stoploss.stoploss;
    if (p.max_open_trades?.max_open_trades !== undefined) {
      attrs.max_open_trades = p.max_open_trades.max_open_trades;
    }
    Object.assign(attrs, p.trailing);
  }
  delete attrs.buy_params;
  delete attrs.sell_params;
  return {
    name,
    file: entry.file,
    code,
    attrs,
    params,
    paramsFile: fromFile.file,
    behaviour: readBehaviour(code),
  };
}

/** `@property def protections(self): return [...]` with a literal list, as strategies write it. */
function protectionsProperty(body) {
  const m = /def\s+protections\s*\(\s*self\s*\)[^:]*:[\s\S]*?\breturn\s*\[/.exec(body);
  if (!m) return undefined;
  const start = m.index + m[0].length - 1;
  let depth = 0;
  for (let i = start; i < body.length; i += 1) {
    if (body[i] === '[') depth += 1;
    else if (body[i] === ']') depth -= 1;
    if (depth === 0) {
      const value = parsePythonLiteral(body.slice(start, i + 1));
      return Array.isArray(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * The hyperopt parameter file next to the strategy (`<file>.json`, as Freqtrade's
 * load_params_from_file): { file, params } or {} when there is none.
 */
function readParamsFile(strategyFile, name) {
  const file = strategyFile.replace(/\.py$/, '.json');
  if (!fs.existsSync(file)) return {};
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  if (parsed?.strategy_name !== name) {
    throw new OperationalError('Invalid parameter file provided.');
  }
  return { file, params: parsed.params ?? {} };
}
