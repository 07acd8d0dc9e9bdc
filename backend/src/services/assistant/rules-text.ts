// What the rules-based summaries share: reading facts, numbers in the reader's locale (the
// claim check reads both locales), and one sentence per language. Pure.
import type { Fact } from '../../http/routes/assistant-schemas.js';

import type { ModelClaim } from './claims.js';
import type { AnswerLanguage } from './prompt.js';

export type Lang = AnswerLanguage;
export type Facts = Map<string, Fact>;

export function num(facts: Facts, id: string): number | null {
  const value = facts.get(id)?.value;
  return typeof value === 'number' ? value : null;
}

export function str(facts: Facts, id: string): string | null {
  const value = facts.get(id)?.value;
  return typeof value === 'string' ? value : null;
}

/** Prices and amounts: two decimals from 1 up, four significant digits below. */
export function fmt(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  const base: Intl.NumberFormatOptions =
    Math.abs(value) >= 1 || value === 0
      ? { maximumFractionDigits: 2 }
      : { maximumSignificantDigits: 4 };
  return new Intl.NumberFormat(lang, { ...base, ...options }).format(value);
}

export const pct = (lang: Lang, value: number) =>
  `${fmt(lang, value, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })}%`;
export const compact = (lang: Lang, value: number) =>
  new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(value);

export const say = (lang: Lang, en: string, pt: string) => (lang === 'en' ? en : pt);

export const claim = (text: string, cites: string[]): ModelClaim => ({ text, cites });

/** The facts by id. */
export const byId = (facts: readonly Fact[]): Facts => new Map(facts.map((x) => [x.id, x]));
