import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { browserStorage } from './browser-storage';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'spotdesk.theme';

export function readStoredTheme(storage: Storage | undefined): ThemeChoice {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/**
 * "system" removes the attribute so the CSS `prefers-color-scheme` media query decides; this
 * needs no inline script (the CSP forbids one) and follows the OS when it switches at night.
 */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement) {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

type ThemeValue = { theme: ThemeChoice; setTheme: (choice: ThemeChoice) => void };
const ThemeContext = createContext<ThemeValue | null>(null);

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<ThemeChoice>(() => readStoredTheme(browserStorage()));

  useEffect(() => applyTheme(theme), [theme]);

  const setTheme = useCallback((choice: ThemeChoice) => {
    try {
      browserStorage()?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Private mode or a full quota: the choice still holds for this visit.
    }
    setThemeState(choice);
  }, []);

  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useTheme must be used inside ThemeProvider');
  return value;
}
