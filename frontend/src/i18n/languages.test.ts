import { describe, expect, test } from 'vitest';

import { en } from './en';
import { LANGUAGE_STORAGE_KEY, MESSAGES, detectLanguage, interpolate } from './languages';
import { ptBR } from './pt-BR';

function placeholders(text: string): string[] {
  return Array.from(text.matchAll(/\{(\w+)\}/g), (match) => match[1] ?? '').sort();
}

describe('i18n dictionaries', () => {
  test('when compared with English, then pt-BR has exactly the same keys', () => {
    expect(Object.keys(ptBR).sort()).toEqual(Object.keys(en).sort());
  });

  test('when a message has placeholders, then its translation has the same ones and no blank text', () => {
    for (const [key, text] of Object.entries(en)) {
      const translated = ptBR[key as keyof typeof en];
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  test('when the API error codes the panel maps are looked up, then each has a message in every language', () => {
    const codes = [
      'invalid-credentials',
      'too-many-attempts',
      'weak-password',
      'invalid-setup-token',
      'username-taken',
      'csrf-failed',
      'validation-failed',
      'forbidden',
      'network',
    ];
    for (const messages of Object.values(MESSAGES)) {
      for (const code of codes) expect(messages[`error.${code}` as keyof typeof en]).toBeTruthy();
    }
  });
});

describe('detectLanguage', () => {
  test('when nothing is stored, then any Portuguese browser gets pt-BR and others English', () => {
    expect(detectLanguage(undefined, 'pt-PT')).toBe('pt-BR');
    expect(detectLanguage(undefined, 'pt')).toBe('pt-BR');
    expect(detectLanguage(undefined, 'en-GB')).toBe('en');
    expect(detectLanguage(undefined, undefined)).toBe('en');
  });

  test('when a choice is stored, then it wins over the browser; junk is ignored', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(detectLanguage(localStorage, 'pt-BR')).toBe('en');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(detectLanguage(localStorage, 'pt-BR')).toBe('pt-BR');
  });
});

describe('interpolate', () => {
  test('when variables are given, then placeholders are filled and unknown ones stay visible', () => {
    expect(interpolate('Try again in {seconds} s ({x})', { seconds: 5 })).toBe(
      'Try again in 5 s ({x})',
    );
  });
});
