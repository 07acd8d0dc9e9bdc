import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ISSUE_RULES } from '../../domain/error-codes.js';

import { issuesFromZod, withRule } from './zod-issues.js';

function issuesOf(schema: z.ZodType, input: unknown, part = 'body') {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return issuesFromZod(result.error.issues, part, input);
}

function reasonOf(schema: z.ZodType, value: unknown) {
  const [issue] = issuesOf(z.object({ field: schema }), { field: value });
  return { rule: issue?.rule, params: issue?.params };
}

describe('issuesFromZod', () => {
  it.each([
    ['a missing field', z.string(), undefined, 'required', {}],
    ['a mistyped field', z.string(), 5, 'invalid-type', { expected: 'string' }],
    ['a fraction for an int', z.number().int(), 1.5, 'invalid-type', { expected: 'int' }],
    ['a short string', z.string().min(3), 'ab', 'too-short', { minimum: 3 }],
    ['a long string', z.string().max(5), 'abcdef', 'too-long', { maximum: 5 }],
    ['a string of the wrong length', z.string().length(4), 'abc', 'wrong-length', { length: 4 }],
    ['too few items', z.array(z.string()).min(2), ['a'], 'too-few', { minimum: 2 }],
    ['too many items', z.array(z.string()).max(1), ['a', 'b'], 'too-many', { maximum: 1 }],
    ['the wrong item count', z.array(z.string()).length(2), [], 'wrong-count', { count: 2 }],
    ['a number below the minimum', z.number().min(1), 0, 'too-small', { minimum: 1 }],
    ['a number not above zero', z.number().positive(), 0, 'too-small-exclusive', { minimum: 0 }],
    ['a number above the maximum', z.number().max(500), 501, 'too-big', { maximum: 500 }],
    ['a number not below a bound', z.number().lt(10), 10, 'too-big-exclusive', { maximum: 10 }],
    ['a bigint below the minimum', z.bigint().min(2n), 1n, 'too-small', { minimum: 2 }],
    [
      'an early date',
      z.date().min(new Date('2026-01-01T00:00:00Z')),
      new Date('2025-12-31T00:00:00Z'),
      'too-early',
      { earliest: '2026-01-01T00:00:00.000Z' },
    ],
    [
      'a late date',
      z.date().max(new Date('2026-01-01T00:00:00Z')),
      new Date('2026-01-02T00:00:00Z'),
      'too-late',
      { latest: '2026-01-01T00:00:00.000Z' },
    ],
    ['a bad date-time', z.iso.datetime(), 'now', 'invalid-format', { format: 'datetime' }],
    ['a bad email', z.email(), 'x', 'invalid-format', { format: 'email' }],
    ['a pattern miss', z.string().regex(/^a+$/), 'b', 'invalid-format', { format: 'regex' }],
    [
      'a missing prefix',
      z.string().startsWith('sd_'),
      'x',
      'invalid-format',
      { format: 'starts_with', prefix: 'sd_' },
    ],
    ['a non-multiple', z.number().multipleOf(5), 3, 'not-multiple-of', { divisor: 5 }],
    [
      'an unknown option',
      z.enum(['viewer', 'admin']),
      'owner',
      'invalid-choice',
      {
        options: ['viewer', 'admin'],
      },
    ],
    ['a wrong literal', z.literal(3), 4, 'invalid-choice', { options: ['3'] }],
    ['no union member', z.union([z.string(), z.number()]), true, 'invalid', {}],
    ['a bad record key', z.record(z.string().min(2), z.number()), { a: 1 }, 'invalid', {}],
    ['a refine without a rule', z.string().refine(() => false), 'x', 'invalid', {}],
  ])(
    'when zod refuses %s, then the rule and params say so',
    (_what, schema, value, rule, params) => {
      expect(reasonOf(schema, value)).toEqual({ rule, params });
      expect(ISSUE_RULES).toHaveProperty(rule);
    },
  );

  it('when a refine names one of our rules, then that rule and its plain params are kept', () => {
    const schema = z.string().refine(() => false, {
      message: 'may contain only letters',
      ...withRule('username-characters', { sample: 'a-z', count: 2 }),
    });

    expect(issuesOf(z.object({ name: schema }), { name: 'é' })).toEqual([
      {
        path: 'name',
        rule: 'username-characters',
        params: { sample: 'a-z', count: 2 },
        message: 'may contain only letters',
      },
    ]);
  });

  it('when a refine names a rule we do not have, then it is the generic invalid', () => {
    const schema = z.string().refine(() => false, { params: { rule: 'made-up' } });

    expect(reasonOf(schema, 'x')).toEqual({ rule: 'invalid', params: {} });
  });

  it('when a strict object gets extra keys, then unknown-keys lists them on the part', () => {
    const issues = issuesOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }, 'query');

    expect(issues).toEqual([
      {
        path: 'query',
        rule: 'unknown-keys',
        params: { keys: ['b', 'c'] },
        message: expect.any(String),
      },
    ]);
  });

  it('when a nested field is refused, then its path is dotted and its message is zod’s English', () => {
    const issues = issuesOf(z.object({ bot: z.object({ pairs: z.array(z.string()) }) }), {
      bot: { pairs: ['BTC/USDT', 7] },
    });

    expect(issues).toEqual([
      {
        path: 'bot.pairs.1',
        rule: 'invalid-type',
        params: { expected: 'string' },
        message: 'Invalid input: expected string, received number',
      },
    ]);
  });
});
