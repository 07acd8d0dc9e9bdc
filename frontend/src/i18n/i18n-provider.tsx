import { createContext, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { browserStorage } from '../lib/browser-storage';
import type { MessageKey } from './en';
import { LANGUAGE_STORAGE_KEY, MESSAGES, detectLanguage, interpolate } from './languages';
import type { Language } from './languages';

export type TranslateFn = (key: MessageKey, vars?: Record<string, string | number>) => string;

export type I18nValue = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: TranslateFn;
  /** A date and time in the user's own time zone and the chosen language. */
  formatDateTime: (iso: string | Date) => string;
  formatDate: (iso: string | Date) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
};

export const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    detectLanguage(browserStorage(), globalThis.navigator?.language),
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      browserStorage()?.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Private mode or a full quota: the choice still holds for this visit.
    }
    setLanguageState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
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
      setLanguage,
      t: (key, vars) => interpolate(messages[key], vars),
      formatDateTime: (iso) => format(dateTimeFormat, iso),
      formatDate: (iso) => format(dateFormat, iso),
      formatNumber: (number, options) => new Intl.NumberFormat(language, options).format(number),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
