import { describe, expect, test } from 'vitest';

// The orchestrator's own lists: a code or rule added there fails here until the panel speaks it.
import { ERROR_CODES, ISSUE_RULES } from '../../../backend/src/domain/error-codes';
import { ApiError, BAD_RESPONSE_CODE, NETWORK_ERROR_CODE } from '../lib/api-client';
import type { FieldIssue } from '../lib/api-client';
import { createFormatters } from './formatters';
import type { Formatters } from './formatters';
import { LANGUAGES } from './languages';
import { translateError } from './translate-error';
import { translateIssue } from './translate-issue';

const SERVER_TEXT = 'SERVER-ENGLISH-TEXT';
const en = createFormatters('en');
const ptBR = createFormatters('pt-BR');
const ALL = LANGUAGES.map((language) => createFormatters(language.code));

// A value for every param name a rule may carry (backend ISSUE_RULES).
const SAMPLE_PARAMS: Record<string, unknown> = {
  expected: 'string',
  minimum: 3,
  maximum: 32,
  length: 4,
  count: 2,
  earliest: '2026-01-05T10:00:00.000Z',
  latest: '2026-01-05T10:00:00.000Z',
  format: 'datetime',
  divisor: 5,
  options: ['viewer', 'admin'],
  keys: ['extra'],
  quote: 'USDT',
  bot: 'Night owl',
  pair: 'BTC/USDT',
};

function issue(rule: string | undefined, params: Record<string, unknown> = {}): FieldIssue {
  return { path: 'field', rule, params, message: SERVER_TEXT };
}

function sampleIssue(rule: keyof typeof ISSUE_RULES): FieldIssue {
  const names: readonly string[] = ISSUE_RULES[rule];
  return issue(rule, Object.fromEntries(names.map((name) => [name, SAMPLE_PARAMS[name]])));
}

/** An error as the orchestrator sends it, with the details its code comes with. */
function apiError(code: string): ApiError {
  const details: Record<string, Record<string, unknown>> = {
    'too-many-attempts': { retryAfterSeconds: 5 },
    'bot-transition-refused': { state: 'PAUSED', action: 'delete' },
    'bot-has-open-trades': { count: 2 },
    'exchange-rate-limited': { retryAfterSeconds: 30 },
    'exchange-banned': { until: '2026-01-05T10:00:00.000Z' },
    'weak-password': { issues: [sampleIssue('too-short')] },
    'validation-failed': { issues: [sampleIssue('too-short')] },
  };
  return new ApiError(400, code, SERVER_TEXT, details[code]);
}

/** In every language: the panel's own sentence, placeholders filled, not the English one. */
function expectOwnWords(render: (f: Formatters) => string) {
  const english = render(en);
  for (const f of ALL) {
    const text = render(f);
    expect(text, f.language).not.toContain(SERVER_TEXT);
    expect(text, f.language).not.toMatch(/\{\w+\}/);
    expect(text.trim(), f.language).not.toBe('');
    if (f.language !== 'en') expect(text, f.language).not.toBe(english);
  }
}

describe('translateError', () => {
  test.each([...ERROR_CODES, NETWORK_ERROR_CODE, BAD_RESPONSE_CODE])(
    'when the code is %s, then both languages have a sentence of their own',
    (code) => {
      const error = apiError(code);

      expectOwnWords((f) => translateError(error, f));
    },
  );

  test('when the code is one the panel does not know, then the server message shows in a translated frame', () => {
    const error = new ApiError(418, 'newer-code', SERVER_TEXT);

    expect(translateError(error, en)).toBe(`Something went wrong: ${SERVER_TEXT}`);
    expect(translateError(error, ptBR)).toBe(`Algo deu errado: ${SERVER_TEXT}`);
  });

  test.each([
    ['too-short', { minimum: 10 }, 'Esta senha é fraca demais. Use pelo menos 10 caracteres.'],
    [
      'same-as-username',
      {},
      'Esta senha é fraca demais. Ela não pode ser igual ao nome de usuário.',
    ],
    [
      'too-common',
      {},
      'Esta senha é fraca demais. Ela aparece em listas de senhas comuns; escolha outra.',
    ],
  ])('when a password is weak for %s, then the reason is Portuguese too', (rule, params, text) => {
    const error = new ApiError(400, 'weak-password', SERVER_TEXT, {
      issues: [issue(rule, params)],
    });

    expect(translateError(error, ptBR)).toBe(text);
  });

  test('when a weak password names a rule the panel does not know, then the server reason shows', () => {
    const error = new ApiError(400, 'weak-password', SERVER_TEXT, {
      issues: [issue('newer-rule')],
    });

    expect(translateError(error, ptBR)).toBe(`Esta senha é fraca demais. ${SERVER_TEXT}`);
  });
});

describe('translateIssue', () => {
  test.each(Object.keys(ISSUE_RULES) as Array<keyof typeof ISSUE_RULES>)(
    'when the rule is %s, then both languages have a sentence of their own with its params',
    (rule) => {
      for (const name of ISSUE_RULES[rule]) expect(SAMPLE_PARAMS, name).toHaveProperty(name);
      const sample = sampleIssue(rule);

      expectOwnWords((f) => translateIssue(sample, f));
    },
  );

  test.each([
    ['too-short', { minimum: 3 }, 'Use at least 3 characters.', 'Use pelo menos 3 caracteres.'],
    ['too-short', { minimum: 1 }, 'Use at least 1 character.', 'Use pelo menos 1 caractere.'],
    [
      'too-long',
      { maximum: 1024 },
      'Use at most 1,024 characters.',
      'Use no máximo 1.024 caracteres.',
    ],
    ['too-big', { maximum: 500 }, 'Must be at most 500.', 'Deve ser no máximo 500.'],
    ['too-small-exclusive', { minimum: 0 }, 'Must be greater than 0.', 'Deve ser maior que 0.'],
    [
      'invalid-choice',
      { options: ['viewer', 'admin'] },
      'Must be “viewer” or “admin”.',
      'Deve ser “viewer” ou “admin”.',
    ],
    [
      'unknown-keys',
      { keys: ['a', 'b'] },
      'Unknown fields: “a” and “b”.',
      'Campos desconhecidos: “a” e “b”.',
    ],
    ['unknown-keys', { keys: ['a'] }, 'Unknown field: “a”.', 'Campo desconhecido: “a”.'],
    ['invalid-type', { expected: 'int' }, 'Must be a whole number.', 'Deve ser um número inteiro.'],
    [
      'invalid-type',
      { expected: 'symbol' },
      'This value has the wrong type.',
      'Este valor é do tipo errado.',
    ],
    [
      'invalid-format',
      { format: 'datetime' },
      'Must be a date and time such as 2026-01-05T10:00:00Z.',
      'Deve ser uma data e hora como 2026-01-05T10:00:00Z.',
    ],
    [
      'invalid-format',
      { format: 'starts_with', prefix: 'sd_' },
      'Must start with “sd_”.',
      'Deve começar com “sd_”.',
    ],
    ['invalid-format', { format: 'regex' }, 'The format is not valid.', 'O formato não é válido.'],
  ])(
    'when the rule is %s with %j, then the numbers and names are filled in',
    (rule, params, english, portuguese) => {
      expect(translateIssue(issue(rule, params), en)).toBe(english);
      expect(translateIssue(issue(rule, params), ptBR)).toBe(portuguese);
    },
  );

  test('when a date limit is given, then it is shown as a local date and time', () => {
    const text = translateIssue(issue('too-late', { latest: '2026-01-05T10:00:00.000Z' }), ptBR);

    expect(text).toBe(`Não pode ser depois de ${ptBR.formatDateTime('2026-01-05T10:00:00.000Z')}.`);
  });

  test('when the rule is unknown, missing, or lacks its params, then the server message is shown', () => {
    expect(translateIssue(issue('newer-rule'), ptBR)).toBe(SERVER_TEXT);
    expect(translateIssue(issue(undefined), ptBR)).toBe(SERVER_TEXT);
    expect(translateIssue(issue('too-short', { minimum: 'three' }), ptBR)).toBe(SERVER_TEXT);
    expect(translateIssue(issue('toString'), ptBR)).toBe(SERVER_TEXT);
  });
});
