// Just enough of Python's tokenizer to read a strategy file without running it: strings (any
// prefix, triple quotes), numbers, names (Unicode identifiers), operators, comments, and the
// logical lines that brackets, triple-quoted strings and backslashes join. Nothing is evaluated.

export type TokenKind = 'name' | 'number' | 'string' | 'op';

export interface Token {
  kind: TokenKind;
  /** The source text, prefix and quotes included for strings. */
  text: string;
  /** 1-based physical line where the token starts. */
  line: number;
}

export interface LogicalLine {
  /** Leading whitespace of the line's first physical line, in characters. */
  indent: number;
  line: number;
  tokens: Token[];
}

export class PythonSyntaxError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'PythonSyntaxError';
    this.line = line;
  }
}

const NAME_START = /[\p{L}\p{Nl}_]/u;
const NAME_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;
const STRING_START = /^([rRbBuUfF]{0,2})(['"])/;
const NUMBER =
  /^(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/;
const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '==',
  '!=',
  '<=',
  '>=',
  '**',
  '//',
  '<<',
  '>>',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
];
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set(Object.values(OPENERS));

interface Open {
  char: string;
  line: number;
}

/**
 * Splits Python source into logical lines of tokens (blank and comment-only lines produce none).
 * Throws PythonSyntaxError for an unterminated string or a bracket never closed or closed by
 * the wrong kind — the errors that make Python refuse the whole file.
 */
export function logicalLines(source: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const open: Open[] = [];
  let current: LogicalLine | null = null;
  let line = 1;
  let atLineStart = true;
  let indent = 0;
  let i = 0;
  const push = (kind: TokenKind, text: string, startLine: number) => {
    current ??= { indent, line: startLine, tokens: [] };
    current.tokens.push({ kind, text, line: startLine });
  };
  const endLine = () => {
    if (current && open.length === 0) {
      lines.push(current);
      current = null;
    }
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (atLineStart) {
      let j = i;
      while (source[j] === ' ' || source[j] === '\t' || source[j] === '\f') j += 1;
      if (current === null) indent = j - i;
      atLineStart = false;
      i = j;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      endLine();
      line += 1;
      atLineStart = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\f') {
      i += 1;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (ch === '\\' && (source[i + 1] === '\n' || source[i + 1] === '\r')) {
      i += source[i + 1] === '\r' && source[i + 2] === '\n' ? 3 : 2;
      line += 1;
    } else if (STRING_START.test(source.slice(i, i + 3))) {
      const end = stringEnd(source, i, line);
      push('string', source.slice(i, end.index), line);
      line = end.line;
      i = end.index;
    } else if (/\d/.test(ch) || (ch === '.' && /\d/.test(source[i + 1] ?? ''))) {
      const text = NUMBER.exec(source.slice(i))?.[0] ?? ch;
      push('number', text, line);
      i += text.length;
    } else if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < source.length && NAME_PART.test(source[j] as string)) j += 1;
      push('name', source.slice(i, j), line);
      i = j;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? ch;
      if (OPENERS[op]) open.push({ char: op, line });
      if (CLOSERS.has(op)) {
        const top = open.pop();
        if (!top || OPENERS[top.char] !== op) {
          throw new PythonSyntaxError(line, `unmatched '${op}'`);
        }
      }
      push('op', op, line);
      i += op.length;
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) {
    throw new PythonSyntaxError(unclosed.line, `'${unclosed.char}' was never closed`);
  }
  endLine();
  return lines;
}

/** Index just past the closing quote of the string starting at `start`, and the line it ends on. */
function stringEnd(source: string, start: number, startLine: number) {
  const m = STRING_START.exec(source.slice(start, start + 3)) as RegExpExecArray;
  const quote = m[2] as string;
  const bodyStart = start + (m[1] as string).length;
  const triple = source.startsWith(quote.repeat(3), bodyStart);
  const closing = triple ? quote.repeat(3) : quote;
  let i = bodyStart + closing.length;
  let line = startLine;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      if (source[i + 1] === '\n') line += 1;
      i += 2;
      continue;
    }
    if (source.startsWith(closing, i)) return { index: i + closing.length, line };
    if (ch === '\n') {
      if (!triple) break;
      line += 1;
    }
    i += 1;
  }
  throw new PythonSyntaxError(startLine, 'unterminated string literal');
}
