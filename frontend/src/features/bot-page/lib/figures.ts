import type { Formatters } from '../../../i18n/formatters';

/** Enough digits for a price of any size: 67 012.5, 3.1416, 0.00001234. */
export function formatPrice(f: Pick<Formatters, 'formatNumber'>, value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 2 : abs >= 1 ? 4 : 8;
  return f.formatNumber(value, { maximumFractionDigits: digits });
}

/** A profit in the quote currency, always with its sign. */
export function formatProfit(
  f: Pick<Formatters, 'formatNumber'>,
  value: number,
  quote: string,
): string {
  const amount = f.formatNumber(value, { maximumFractionDigits: 8, signDisplay: 'exceptZero' });
  return quote ? `${amount} ${quote}` : amount;
}

/** A ratio (0.0123) as a signed percentage (+1.23 %). */
export function formatRatio(f: Pick<Formatters, 'formatNumber'>, ratio: number): string {
  return f.formatNumber(ratio, {
    style: 'percent',
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
}

/** Gains and losses are told by their sign first; the class only adds colour. */
export function profitClass(value: number | null): string {
  if (value === null || value === 0) return 'pnl';
  return value > 0 ? 'pnl pnl-up' : 'pnl pnl-down';
}
