import type { MessageKey } from './en';
import { MESSAGES, interpolate } from './languages';
import type { Language } from './languages';

export type TranslateFn = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Everything that turns keys, numbers and dates into text of one language. */
export type Formatters = {
  language: Language;
  t: TranslateFn;
  /** A date and time in the user's own time zone and the chosen language. */
  formatDateTime: (iso: string | Date) => string;
  formatDate: (iso: string | Date) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
};

export function createFormatters(language: Language): Formatters {
  const messages = MESSAGES[language];
  const dateTimeFormat = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const format = (formatter: Intl.DateTimeFormat, iso: string | Date) => {
    const date = typeof iso === 'string' ? new Date(iso) : iso;
    return Number.isNaN(date.getTime()) ? String(iso) : formatter.format(date);
  };
  return {
    language,
    t: (key, vars) => interpolate(messages[key], vars),
    formatDateTime: (iso) => format(dateTimeFormat, iso),
    formatDate: (iso) => format(dateFormat, iso),
    formatNumber: (number, options) => new Intl.NumberFormat(language, options).format(number),
  };
}
