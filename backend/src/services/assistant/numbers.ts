// Numbers as people write them, for the claim check (claims.ts). Pure.
//
// What counts as a number of a claim:
// - digits standing alone, with a sign, decimals and thousands separators of either language
//   (67,123.45 · 67.123,45 · 67 123,45 with a no-break space), a `%` and a scale word
//   (k, M, B, bn, thousand, million, billion, mil, mi, bi, milhão, milhões, bilhão, bilhões);
// - NOT digits glued to letters (`24h`, `5m`, `ema50`, `3pct`, `1INCH`): words, not figures;
// - NOT ids and names: fact ids (`rsi_14`), pairs (`BTC/USDT`), `#42` and "trade 42" references;
// - NOT dates and clock times (`2026-01-05`, `05/01/2026`, `10:00`), nor "24 h" / "24 horas";
// - NOT indicator periods: a period (2, 9, 12, 14, 20, 21, 26, 50, 100, 200) right after an
//   indicator's name (`RSI 14`, `RSI(14)`, `EMA 9/21`, `MACD (12, 26, 9)`, `Bollinger (20, 2)`)
//   or before a candle word (`20-candle`, `20 velas`).
//
// A written number matches a fact's value when it equals the value rounded to the digits written:
// 67,123.45 matches 67123.4512 (within half a cent); 67,123 and 67,100 and 67,000 match it too
// (trailing zeros of a whole number round to tens, hundreds, thousands); 67.1k matches it (within
// 50). Signs are not compared (a fall of 2.3 % is written "fell 2.3%"). A ratio fact (`unit:
// 'ratio'`, e.g. a stoploss of -0.1) is matched in percent too (10%). A number with a separator
// and exactly three digits after it is read both ways (1,234 is 1234 in English, 1.234 in
// Portuguese): either reading may match.

const PERIODS = new Set([2, 9, 12, 14, 20, 21, 26, 50, 100, 200]);

const SCALES: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  thousand: 1e3,
  mil: 1e3,
  M: 1e6,
  million: 1e6,
  mi: 1e6,
  milhão: 1e6,
  milhões: 1e6,
  B: 1e9,
  bn: 1e9,
  billion: 1e9,
  bi: 1e9,
  bilhão: 1e9,
  bilhões: 1e9,
};

// Longer words first, so `million` is not read as `mil` + `lion`.
const SUFFIX =
  '(%|percent|por cento|milhões|milhão|million|mil|mi|bilhões|bilhão|billion|bn|bi|thousand|k|K|M|B|x|×)';
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,\/#])([+\-−]?)(\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:[ \u00a0\u202f]?${SUFFIX})?(?![\p{L}\p{N}_]|[.,]\p{N})`,
  'gu',
);

const INDICATOR_PERIOD =
  /\b(?:RSI|EMAs?|SMAs?|MAs?|ATR|MACD|BB|Bollinger(?:\s+bands?)?|bandas?\s+de\s+Bollinger|volume\s+average|média\s+de\s+volume)\s*(?:de\s+)?[([]?\s*(\d+(?:\s*[,/]\s*\d+)*)\s*[)\]]?(?![.,]?\d)/giu;
const CANDLE_PERIOD =
  /(?<![\p{N}.,])(\d+)[\s-](?:candles?|periods?|bars?|velas?|períodos?|barras?)(?![\p{L}])/giu;
const MASKS: RegExp[] = [
  /\b[A-Z0-9]{2,15}\/[A-Z0-9]{2,10}\b/g,
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
  /\b24[\s-]?(?:h|hours?|horas?|hour)\b/giu,
  /#\d+\b/g,
  /\b(?:trade|operação|operacao|negociação|negociacao)\s+#?\d+\b/giu,
];

export interface Reading {
  /** The number's size (sign dropped), scale applied. */
  value: number;
  /** Half a unit of the last digit written, scale applied. */
  tolerance: number;
}

export interface WrittenNumber {
  text: string;
  readings: Reading[];
}

const blank = (s: string) => ' '.repeat(s.length);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with ids, names, dates, times and indicator periods blanked out. */
function mask(text: string, ids: readonly string[]): string {
  let out = text;
  const sorted = [...ids].sort((a, b) => b.length - a.length);
  for (const id of sorted) {
    out = out.replace(new RegExp(`(?<![\\w])${escapeRegExp(id)}(?![\\w])`, 'g'), blank);
  }
  for (const re of MASKS) out = out.replace(re, blank);
  out = out.replace(INDICATOR_PERIOD, (whole: string, numbers: string) =>
    numbers.split(/\s*[,/]\s*/).every((n) => PERIODS.has(Number(n))) ? blank(whole) : whole,
  );
  out = out.replace(CANDLE_PERIOD, (whole: string, n: string) =>
    PERIODS.has(Number(n)) ? blank(whole) : whole,
  );
  return out;
}

/** Each way the digits may be read: value and count of decimals (and trailing zeros if none). */
function readDigits(digits: string): Array<{ value: number; decimals: number; zeros: number }> {
  const plain = digits.replace(/[\u00a0\u202f]/g, '');
  const whole = (s: string) => {
    const value = Number(s);
    const zeros = value === 0 ? 0 : (/0*$/.exec(s)?.[0].length ?? 0);
    return { value, decimals: 0, zeros };
  };
  const decimal = (int: string, frac: string) => ({
    value: Number(`${int}.${frac}`),
    decimals: frac.length,
    zeros: 0,
  });
  const dot = plain.lastIndexOf('.');
  const comma = plain.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    const at = Math.max(dot, comma);
    const int = plain.slice(0, at).replace(/[.,]/g, '');
    return [decimal(int, plain.slice(at + 1))];
  }
  const at = Math.max(dot, comma);
  if (at < 0) return [whole(plain)];
  const separators = plain.split('').filter((c) => c === '.' || c === ',').length;
  if (separators > 1) return [whole(plain.replace(/[.,]/g, ''))];
  const int = plain.slice(0, at);
  const frac = plain.slice(at + 1);
  if (frac.length === 3 && int.length <= 3 && int !== '0') {
    return [whole(int + frac), decimal(int, frac)];
  }
  return [decimal(int, frac)];
}

/** Every number a claim states, after blanking what is not a figure (rules at the top). */
export function writtenNumbers(text: string, ids: readonly string[] = []): WrittenNumber[] {
  const masked = mask(text, ids);
  const found: WrittenNumber[] = [];
  for (const m of masked.matchAll(NUMBER)) {
    const [whole, , digits = '', suffix] = m;
    const scale = (suffix && SCALES[suffix]) || 1;
    found.push({
      text: whole.trim(),
      readings: readDigits(digits).map((r) => ({
        value: r.value * scale,
        tolerance: 0.5 * 10 ** (r.decimals > 0 ? -r.decimals : r.zeros) * scale,
      })),
    });
  }
  return found;
}

/** Numbers inside a text value (a JSON ROI table, a log line, a name): exact readings. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].flatMap((m) => readDigits(m[2] ?? '').map((r) => r.value));
}

/** Whether one of the readings equals one of the values rounded to the digits written. */
export function matchesAny(written: WrittenNumber, values: readonly number[]): boolean {
  return written.readings.some((r) =>
    values.some((v) => {
      const slack = 1e-9 * Math.max(1, Math.abs(v));
      return Math.abs(Math.abs(v) - r.value) <= r.tolerance + slack;
    }),
  );
}
