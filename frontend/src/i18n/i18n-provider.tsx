import { createContext, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { browserStorage } from '../lib/browser-storage';
import { createFormatters } from './formatters';
import type { Formatters } from './formatters';
import { LANGUAGE_STORAGE_KEY, detectLanguage } from './languages';
import type { Language } from './languages';

export type { TranslateFn } from './formatters';

export type I18nValue = Formatters & {
  setLanguage: (language: Language) => void;
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

  const value = useMemo<I18nValue>(
    () => ({ ...createFormatters(language), setLanguage }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
