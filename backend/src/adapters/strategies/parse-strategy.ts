// Reads a strategy file without running it: every module-level `class NAME(IStrategy):` (the rule
// of Freqtrade's resolver and of sim/freqtrade), the description, and the class-level literals and
// hyperoptable parameters Spotdesk needs. Values that are not literals are reported, not guessed.

import { z } from 'zod';

import { readParameter, type ParameterOutcome } from './parse-parameter.js';
import { checkValue } from './parameter-values.js';
import { parseLiteral } from './python-literal.js';
import { logicalLines, PythonSyntaxError, type LogicalLine, type Token } from './python-tokens.js';
import type { StrategyEntry } from './types.js';

export type ParsedStrategy = Pick<
  StrategyEntry,
  'name' | 'description' | 'timeframe' | 'stoploss' | 'minimalRoi' | 'parameters' | 'error'
>;

export interface ParsedFile {
  strategies: ParsedStrategy[];
  /** Set when the file cannot be a Python module at all (and lists no class to pin it on). */
  error?: string;
}

const IDENTIFIER = String.raw`[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*`;
const CLASS_LINE = new RegExp(
  String.raw`^class\s+(${IDENTIFIER})\s*\(\s*IStrategy\s*\)\s*:`,
  'gmu',
);
const MARKER = /^#\s*sim-behaviou?r:/;

const roiSchema = z.record(z.string(), z.number());
const paramsDictSchema = z.record(z.string(), z.unknown());

export function parseStrategySource(source: string): ParsedFile {
  const text = source.replace(/^\uFEFF/, '');
  let lines: LogicalLine[] | null = null;
  let syntaxError: string | undefined;
  try {
    lines = logicalLines(text);
  } catch (err) {
    if (!(err instanceof PythonSyntaxError)) throw err;
    syntaxError = `syntax error, ${err.message}`;
  }
  const comment = leadingParagraph(text);
  const moduleDoc = lines ? docstring(lines[0]) : '';
  if (!lines) {
    const names = [...text.matchAll(CLASS_LINE)].map((m) => m[1] as string);
    if (names.length === 0) return { strategies: [], error: syntaxError };
    return {
      strategies: names.map((name) => ({ ...emptyStrategy(name, comment), error: syntaxError })),
    };
  }
  // A name defined twice in one module is the later class, as Python binds it.
  const strategies = new Map<string, ParsedStrategy>();
  lines.forEach((line, index) => {
    const name = strategyClassName(line);
    if (name === null || !lines) return;
    const body: LogicalLine[] = [];
    for (const next of lines.slice(index + 1)) {
      if (next.indent === 0) break;
      body.push(next);
    }
    strategies.delete(name);
    strategies.set(name, readClass(name, body, comment || docstring(body[0]) || moduleDoc));
  });
  return { strategies: [...strategies.values()] };
}

function emptyStrategy(name: string, description: string): ParsedStrategy {
  return { name, description, timeframe: null, stoploss: null, minimalRoi: null, parameters: [] };
}

function strategyClassName(line: LogicalLine): string | null {
  const [kw, name, open, base, close, colon] = line.tokens;
  const isOp = (t: Token | undefined, text: string) => t?.kind === 'op' && t.text === text;
  if (line.indent !== 0 || kw?.text !== 'class' || name?.kind !== 'name') return null;
  if (!isOp(open, '(') || base?.text !== 'IStrategy' || !isOp(close, ')') || !isOp(colon, ':')) {
    return null;
  }
  return name.text;
}

/** `name = expr` and `name: annotation = expr` statements directly in the class body. */
function assignments(body: LogicalLine[]): Map<string, { tokens: Token[]; line: number }> {
  const out = new Map<string, { tokens: Token[]; line: number }>();
  const indent = body[0]?.indent;
  for (const line of body) {
    const [first, second] = line.tokens;
    if (line.indent !== indent || first?.kind !== 'name') continue;
    if (second?.kind !== 'op' || (second.text !== '=' && second.text !== ':')) continue;
    let depth = 0;
    const eq = line.tokens.findIndex((t) => {
      if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
      if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
      return depth === 0 && t.kind === 'op' && t.text === '=';
    });
    if (eq > 0) out.set(first.text, { tokens: line.tokens.slice(eq + 1), line: line.line });
  }
  return out;
}

function readClass(name: string, body: LogicalLine[], description: string): ParsedStrategy {
  const attrs = assignments(body);
  const errors: string[] = [];
  const literal = <T>(key: string, schema: z.ZodType<T>): T | null => {
    const attr = attrs.get(key);
    if (!attr) return null;
    const parsed = parseLiteral(attr.tokens);
    if (!parsed.ok) {
      errors.push(`line ${attr.line}: ${key} is not a literal value (${parsed.reason})`);
      return null;
    }
    const checked = schema.safeParse(parsed.value);
    if (!checked.success) {
      errors.push(`line ${attr.line}: ${key}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
      return null;
    }
    return checked.data;
  };
  const strategy: ParsedStrategy = {
    name,
    description,
    timeframe: literal('timeframe', z.string()),
    stoploss: literal('stoploss', z.number()),
    minimalRoi: literal('minimal_roi', roiSchema),
    parameters: [],
  };
  // Freqtrade's priority: `<space>_params` dicts over the `default=` values (each space its own).
  const overrides = {
    buy: literal('buy_params', paramsDictSchema) ?? {},
    sell: literal('sell_params', paramsDictSchema) ?? {},
    protection: literal('protection_params', paramsDictSchema) ?? {},
  };
  for (const [attr, { tokens, line }] of attrs) {
    const outcome: ParameterOutcome = readParameter(attr, tokens);
    if (outcome.kind === 'not-a-parameter' || outcome.kind === 'ignored') continue;
    if (outcome.kind === 'error') {
      errors.push(`line ${line}: parameter ${attr}: ${outcome.message}`);
      continue;
    }
    const parameter = outcome.parameter;
    const spaceOverrides = overrides[parameter.space];
    if (Object.hasOwn(spaceOverrides, attr)) {
      const value = spaceOverrides[attr];
      const problem = checkValue(parameter, value);
      if (problem) errors.push(`${parameter.space}_params.${attr}: ${problem.message}`);
      else parameter.default = value as typeof parameter.default;
    }
    strategy.parameters.push(parameter);
  }
  if (errors.length > 0) strategy.error = errors.join('; ');
  return strategy;
}

/** The first paragraph of the comment block that opens the file, without the sim marker. */
function leadingParagraph(source: string): string {
  const paragraphs: string[][] = [[]];
  for (const raw of source.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) break;
    if (/^#!/.test(line) || /^#.*coding[:=]/.test(line) || MARKER.test(line)) continue;
    const text = line.replace(/^#+/, '').trim();
    const current = paragraphs.at(-1) as string[];
    if (text !== '') current.push(text);
    else if (current.length > 0) paragraphs.push([]);
  }
  return (paragraphs.find((p) => p.length > 0) ?? []).join(' ');
}

/** A logical line made only of string literals: a docstring's first paragraph, on one line. */
function docstring(line: LogicalLine | undefined): string {
  if (!line || line.tokens.length === 0 || line.tokens.some((t) => t.kind !== 'string')) return '';
  const parsed = parseLiteral(line.tokens);
  if (!parsed.ok || typeof parsed.value !== 'string') return '';
  const first = parsed.value.split(/\n\s*\n/).find((p) => p.trim() !== '') ?? '';
  return first.replace(/\s+/g, ' ').trim();
}
