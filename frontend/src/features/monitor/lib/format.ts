import type { Formatters } from '../../../i18n/formatters';

/** The stake currency is the quote of a bot's first pair (backend checkBotSettings). */
export function quoteOf(pair: string | undefined): string {
  return pair?.split('/')[1] ?? '';
}

/** The one stake currency of these bots, or '' when they use several (or there are none). */
export function commonQuote(bots: ReadonlyArray<{ pairs: string[] }>): string {
  const quotes = new Set(bots.map((bot) => quoteOf(bot.pairs[0])));
  return quotes.size === 1 ? ([...quotes][0] ?? '') : '';
}

const withUnit = (text: string, unit: string) => (unit ? `${text} ${unit}` : text);

export function money(f: Formatters, value: number, unit: string): string {
  return withUnit(f.formatNumber(value, { maximumFractionDigits: 8 }), unit);
}

/** "+12.5 USDT": a change always shows its sign. */
export function signedMoney(f: Formatters, value: number, unit: string): string {
  return withUnit(
    f.formatNumber(value, { maximumFractionDigits: 8, signDisplay: 'exceptZero' }),
    unit,
  );
}

/** A ratio (0.0125) as a signed percentage ("+1.25%" in the user's locale). */
export function signedPercent(f: Formatters, ratio: number): string {
  return f.formatNumber(ratio, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
}

/** A rate or an amount: as many digits as a crypto price needs, none invented. */
export function quantity(f: Formatters, value: number): string {
  return f.formatNumber(value, { maximumFractionDigits: 8 });
}

/** The time of day of an instant, in the user's time zone and language. */
export function timeOfDay(language: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(date);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "5 seconds ago", "3 min. atrás": how long ago `iso` was, from `now`. */
export function timeAgo(language: string, iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const elapsed = Math.min(0, at - now);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  for (const [unit, ms] of UNITS) {
    if (-elapsed >= ms || unit === 'second') return format.format(Math.round(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}
