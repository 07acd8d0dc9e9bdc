// `name = IntParameter(...)` and its siblings, read like Freqtrade's parameters.py and hyper.py:
// the same positional/keyword signatures, the same space rules, and zod for the argument types.

import { z } from 'zod';

import { parseLiteral, type PyValue } from './python-literal.js';
import type { Token } from './python-tokens.js';
import type { ParameterSpace, StrategyParameter } from './types.js';

export type ParameterOutcome =
  | { kind: 'not-a-parameter' }
  /** A parameter Freqtrade never loads: no space to find it in, or `load=False`. */
  | { kind: 'ignored' }
  | { kind: 'error'; message: string }
  | { kind: 'parameter'; parameter: StrategyParameter };

const CLASSES = {
  IntParameter: 'int',
  DecimalParameter: 'decimal',
  RealParameter: 'real',
  CategoricalParameter: 'categorical',
  BooleanParameter: 'boolean',
} as const;
type ClassKind = (typeof CLASSES)[keyof typeof CLASSES];

const SPACES: readonly ParameterSpace[] = ['buy', 'sell', 'protection'];
// Positional arguments of each constructor; everything after them is keyword-only.
const POSITIONAL: Record<ClassKind, string[]> = {
  int: ['low', 'high'],
  decimal: ['low', 'high'],
  real: ['low', 'high'],
  categorical: ['categories'],
  boolean: [],
};

const option = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const common = {
  space: z.string().nullable().default(null),
  optimize: z.boolean().default(true),
  load: z.boolean().default(true),
};
const range = (n: z.ZodNumber) => ({
  low: z.union([n, z.tuple([n, n])]),
  high: n.nullable().default(null),
});
const SCHEMAS = {
  int: z.object({ ...range(z.number().int()), default: z.number().int(), ...common }),
  decimal: z.object({
    ...range(z.number()),
    default: z.number(),
    decimals: z.number().int().min(0).max(15).default(3),
    ...common,
  }),
  real: z.object({ ...range(z.number()), default: z.number(), ...common }),
  categorical: z.object({
    categories: z.array(option).min(2, 'needs at least two categories'),
    default: option.default(null),
    ...common,
  }),
  boolean: z.object({ default: z.boolean().nullable().default(null), ...common }),
};

/** Reads one class attribute as a hyperoptable parameter, if its value is a parameter call. */
export function readParameter(name: string, tokens: readonly Token[]): ParameterOutcome {
  const call = parameterCall(tokens);
  if (!call) return { kind: 'not-a-parameter' };
  const args = callArguments(call.kind, call.args);
  if (typeof args === 'string') return { kind: 'error', message: args };
  const parsed = SCHEMAS[call.kind].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'error', message: `${issue?.path.join('.') || 'arguments'}: ${issue?.message}` };
  }
  const space = resolveSpace(name, parsed.data.space);
  if (typeof space === 'object' && space !== null) return { kind: 'error', message: space.error };
  if (space === null || !parsed.data.load) return { kind: 'ignored' };
  const parameter = build(call.kind, { name, space, optimize: parsed.data.optimize }, parsed.data);
  return typeof parameter === 'string'
    ? { kind: 'error', message: parameter }
    : { kind: 'parameter', parameter };
}

type Parsed = z.infer<(typeof SCHEMAS)[ClassKind]>;
type Base = { name: string; space: ParameterSpace; optimize: boolean };

// Keys in the order a reader of the JSON expects: what it is, then its bounds, then the flags.
function build(
  kind: ClassKind,
  { name, space, optimize }: Base,
  data: Parsed,
): StrategyParameter | string {
  if ('categories' in data) {
    const options = data.categories;
    return { name, kind: 'categorical', space, default: data.default, options, optimize };
  }
  if (!('low' in data)) {
    const options: [true, false] = [true, false];
    return { name, kind: 'boolean', space, default: data.default, options, optimize };
  }
  // NumericParameter: either (low, high) or ([low, high]) — anything else is refused upstream too.
  if (Array.isArray(data.low) === (data.high !== null)) return 'space must be [low, high]';
  const [low, high] = Array.isArray(data.low) ? data.low : [data.low, data.high as number];
  if (kind === 'int')
    return { name, kind: 'int', space, default: data.default, low, high, optimize };
  if ('decimals' in data) {
    // DecimalParameter rounds its default to `decimals` places (Python's round()).
    const rounded = roundLikePython(data.default, data.decimals);
    const { decimals } = data;
    return { name, kind: 'decimal', space, default: rounded, low, high, decimals, optimize };
  }
  return { name, kind: 'decimal', space, default: data.default, low, high, optimize };
}

/** `[Module.]XParameter( ... )` spanning the whole expression: its kind and argument tokens. */
function parameterCall(tokens: readonly Token[]): { kind: ClassKind; args: Token[] } | null {
  const open = tokens.findIndex((t) => t.kind === 'op' && t.text === '(');
  const callee = tokens[open - 1];
  const last = tokens.at(-1);
  if (open < 1 || callee?.kind !== 'name' || !Object.hasOwn(CLASSES, callee.text)) return null;
  if (last?.kind !== 'op' || last.text !== ')') return null;
  const head = tokens.slice(0, open - 1);
  if (!head.every((t, i) => (i % 2 === 0 ? t.kind === 'name' : t.text === '.'))) return null;
  return { kind: CLASSES[callee.text as keyof typeof CLASSES], args: tokens.slice(open + 1, -1) };
}

/** Positional and keyword arguments as one object of literal values, or a reason why not. */
function callArguments(
  kind: ClassKind,
  tokens: readonly Token[],
): Record<string, PyValue> | string {
  const out: Record<string, PyValue> = {};
  const positional = POSITIONAL[kind];
  let index = 0;
  for (const arg of splitTopLevel(tokens)) {
    const [first, second] = arg;
    const isKeyword = first?.kind === 'name' && second?.kind === 'op' && second.text === '=';
    if (first?.text === '*' || first?.text === '**') return 'uses *args or **kwargs';
    const key = isKeyword ? first.text : positional[index];
    if (key === undefined) return 'too many positional arguments';
    if (!isKeyword) index += 1;
    const value = parseLiteral(isKeyword ? arg.slice(2) : arg);
    if (!value.ok) return `${key} is not a literal value (${value.reason})`;
    out[key] = value.value;
  }
  return out;
}

function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
    if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
    if (depth === 0 && t.kind === 'op' && t.text === ',') parts.push([]);
    else (parts.at(-1) as Token[]).push(t);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * hyper.py detect_parameters: an explicit space wins; without one, a `buy_`/`sell_`/`protection_`
 * prefix decides; a prefix that contradicts the explicit space is Freqtrade's "Inconclusive
 * parameter name" error. Returns null for a parameter no space would ever load.
 */
function resolveSpace(
  name: string,
  explicit: string | null,
): ParameterSpace | null | { error: string } {
  for (const space of SPACES) {
    if (name.startsWith(`${space}_`) && explicit !== null && explicit !== space) {
      return { error: `Inconclusive parameter name ${name}, category: ${explicit}.` };
    }
  }
  if (explicit !== null) return SPACES.find((s) => s === explicit) ?? null;
  return SPACES.find((s) => name.startsWith(`${s}_`)) ?? null;
}

/** Python's round(x, n): half-even on exact binary ties, otherwise the nearest. */
export function roundLikePython(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = x * scale;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5) return (floor % 2 === 0 ? floor : floor + 1) / scale;
  return Number(x.toFixed(decimals));
}
