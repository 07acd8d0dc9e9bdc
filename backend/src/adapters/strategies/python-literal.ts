// Python literals (what ast.literal_eval accepts, minus sets, bytes and complex numbers) read from
// tokens: strategy class attributes like minimal_roi and the arguments of IntParameter(...) are
// plain literals in practice. Anything else (names, calls, arithmetic) is refused with a reason.

import type { Token } from './python-tokens.js';

export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };

export type LiteralResult = { ok: true; value: PyValue } | { ok: false; reason: string };

const CONSTANTS: Record<string, PyValue> = { True: true, False: false, None: null };
const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class NotLiteral extends Error {}

/** Reads the tokens of one expression as a literal. */
export function parseLiteral(tokens: readonly Token[]): LiteralResult {
  const reader = new Reader(tokens);
  try {
    const value = reader.value();
    if (!reader.done()) throw new NotLiteral(`unexpected '${reader.peek()?.text}'`);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof NotLiteral) return { ok: false, reason: err.message };
    throw err;
  }
}

class Reader {
  private i = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const t = this.tokens[this.i];
    if (!t) throw new NotLiteral('the expression ends too early');
    this.i += 1;
    return t;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.text === text;
  }

  value(): PyValue {
    const t = this.next();
    if (t.kind === 'string') return this.strings(t);
    if (t.kind === 'number') return decodeNumber(t.text);
    if (t.kind === 'name') {
      if (Object.hasOwn(CONSTANTS, t.text)) return CONSTANTS[t.text] as PyValue;
      throw new NotLiteral(`'${t.text}' is a name, not a literal`);
    }
    if (t.text === '-' || t.text === '+') {
      const operand = this.next();
      if (operand.kind !== 'number') throw new NotLiteral(`'${t.text}' before a non-number`);
      const n = decodeNumber(operand.text);
      return t.text === '-' ? -n : n;
    }
    if (t.text === '(' || t.text === '[') return this.sequence(t.text);
    if (t.text === '{') return this.dict();
    throw new NotLiteral(`unexpected '${t.text}'`);
  }

  /** Adjacent string literals concatenate, as in Python. */
  private strings(first: Token): string {
    let out = decodeString(first.text);
    while (this.peek()?.kind === 'string') out += decodeString(this.next().text);
    return out;
  }

  private sequence(opener: string): PyValue {
    const items: PyValue[] = [];
    let sawComma = false;
    while (!this.isOp(CLOSE[opener] as string)) {
      items.push(this.value());
      if (!this.isOp(',')) break;
      this.next();
      sawComma = true;
    }
    this.expect(CLOSE[opener] as string);
    // `(x)` is just x; `(x,)` and `[x]` are sequences. Tuples become lists.
    if (opener === '(' && items.length === 1 && !sawComma) return items[0] as PyValue;
    return items;
  }

  private dict(): PyValue {
    const out: Record<string, PyValue> = {};
    while (!this.isOp('}')) {
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') {
        throw new NotLiteral('dict keys must be strings or numbers');
      }
      this.expect(':');
      out[String(key)] = this.value();
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expect('}');
    return out;
  }

  private expect(text: string): void {
    const t = this.next();
    if (t.kind !== 'op' || t.text !== text)
      throw new NotLiteral(`expected '${text}', found '${t.text}'`);
  }
}

function decodeNumber(text: string): number {
  const clean = text.replace(/_/g, '');
  if (/[jJ]$/.test(clean)) throw new NotLiteral(`complex number ${text}`);
  const value = /^0[xXoObB]/.test(clean) ? Number(clean.toLowerCase()) : Number(clean);
  if (!Number.isFinite(value)) throw new NotLiteral(`number ${text}`);
  return value;
}

const ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** The value of one string token; raw strings keep backslashes; bytes and f-strings are refused. */
export function decodeString(text: string): string {
  const m = /^([rRbBuUfF]*)(['"]{3}|['"])/.exec(text) as RegExpExecArray;
  const prefix = (m[1] as string).toLowerCase();
  if (prefix.includes('b')) throw new NotLiteral('bytes literal');
  if (prefix.includes('f')) throw new NotLiteral('f-string');
  const quote = m[2] as string;
  const body = text.slice(m[0].length, text.length - quote.length);
  if (prefix.includes('r')) return body;
  return body.replace(
    /\\(\n|[\\'"abfnrtv]|x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8}|[0-7]{1,3})/g,
    (_, esc: string) => {
      if (Object.hasOwn(ESCAPES, esc)) return ESCAPES[esc] as string;
      if (/^[xuU]/.test(esc)) return String.fromCodePoint(parseInt(esc.slice(1), 16));
      return String.fromCodePoint(parseInt(esc, 8));
    },
  );
}
