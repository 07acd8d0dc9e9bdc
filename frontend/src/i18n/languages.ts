import { en } from './en';
import type { Messages } from './en';
import { ptBR } from './pt-BR';

export type Language = 'en' | 'pt-BR';

/** Each language's own name, shown the same whatever the current language is. */
export const LANGUAGES: ReadonlyArray<{ code: Language; nativeName: string }> = [
  { code: 'en', nativeName: 'English' },
  { code: 'pt-BR', nativeName: 'Português' },
];

export const MESSAGES: Record<Language, Messages> = { en, 'pt-BR': ptBR };

export const LANGUAGE_STORAGE_KEY = 'spotdesk.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'pt-BR';
}

/** The remembered choice, else the browser's language (any Portuguese → pt-BR), else English. */
export function detectLanguage(storage: Storage | undefined, browserLanguage: string | undefined) {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  if (isLanguage(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a mistake is noticed. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
