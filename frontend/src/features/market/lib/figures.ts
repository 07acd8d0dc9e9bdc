import type { Formatters } from '../../../i18n/formatters';

export type NumberFormat = Pick<Formatters, 'formatNumber'>;

export type Direction = 'up' | 'down' | 'flat';

/** Up and down are told by an arrow and a sign; the colour only adds to them. */
export const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '▬' };

export function directionOf(value: number): Direction {
  if (value > 0) return 'up';
  if (value < 0) return 'down';
  return 'flat';
}

/** Enough digits for a price of any size: 67 012.5, 3.1416, 0.00001234. */
export function formatPrice(f: NumberFormat, value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 2 : abs >= 1 ? 4 : 8;
  return f.formatNumber(value, { maximumFractionDigits: digits });
}

/** A change already in % (2.345 → "+2.35%"), always with its sign. */
export function formatChangePct(f: NumberFormat, pct: number): string {
  return f.formatNumber(pct / 100, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
}

/** A large amount in the language's short form: 1.2B, 1,2 bi. */
export function formatVolume(f: NumberFormat, value: number): string {
  return f.formatNumber(value, { notation: 'compact', maximumFractionDigits: 2 });
}

/** An indicator's value (RSI 54.3, MACD −12.0456, a ratio 1.37). */
/** An oscillator bounded 0–100 (RSI): one decimal is what a trader reads. */
export function formatOscillator(f: NumberFormat, value: number): string {
  return f.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatIndicator(f: NumberFormat, value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 2 : abs >= 1 ? 4 : 8;
  return f.formatNumber(value, { maximumFractionDigits: digits, signDisplay: 'auto' });
}
