import type { z } from 'zod';

import { isIssueRule } from '../../domain/error-codes.js';
import type { IssueParams, IssueRule } from '../../domain/error-codes.js';
import type { ValidationIssue } from '../../domain/errors.js';

type ZodIssue = z.core.$ZodIssue;
type Reason = { rule: IssueRule; params: IssueParams };

/**
 * zod's issues as ours: field paths as forms know them (`username`, `limit`; `part` for a bad
 * whole), the rule and params derived from zod's code and numbers, and zod's (or the schema's)
 * English message. `input` is what was parsed; it tells a missing field from a mistyped one.
 */
export function issuesFromZod(
  issues: readonly ZodIssue[],
  part: string,
  input: unknown,
): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : part,
    ...reasonOf(issue, input),
    message: issue.message,
  }));
}

/** Mark a `.refine()` with one of our rules: `.refine(check, { message, ...withRule('x') })`. */
export function withRule(rule: IssueRule, params: IssueParams = {}) {
  return { params: { ...params, rule } };
}

function reasonOf(issue: ZodIssue, input: unknown): Reason {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? reason('required')
        : reason('invalid-type', { expected: issue.expected });
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return reason('not-multiple-of', { divisor: Number(issue.divisor) });
    case 'invalid_value':
      return reason('invalid-choice', { options: issue.values.map(String) });
    case 'unrecognized_keys':
      return reason('unknown-keys', { keys: issue.keys });
    case 'custom':
      return custom(issue.params);
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return reason('invalid');
    default:
      return unreachable(issue);
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): Reason {
  const limit = Number(issue.minimum);
  // zod counts lengths inclusively; `inclusive: false` only comes from numbers (`.gt`, `.positive`).
  const count = issue.inclusive === false ? limit + 1 : limit;
  switch (issue.origin) {
    case 'string':
      return issue.exact
        ? reason('wrong-length', { length: count })
        : reason('too-short', { minimum: count });
    case 'array':
    case 'set':
      return issue.exact ? reason('wrong-count', { count }) : reason('too-few', { minimum: count });
    case 'date':
      return reason('too-early', { earliest: new Date(limit).toISOString() });
    default:
      return issue.inclusive === false
        ? reason('too-small-exclusive', { minimum: limit })
        : reason('too-small', { minimum: limit });
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig): Reason {
  const limit = Number(issue.maximum);
  const count = issue.inclusive === false ? limit - 1 : limit;
  switch (issue.origin) {
    case 'string':
      return issue.exact
        ? reason('wrong-length', { length: count })
        : reason('too-long', { maximum: count });
    case 'array':
    case 'set':
      return issue.exact
        ? reason('wrong-count', { count })
        : reason('too-many', { maximum: count });
    case 'date':
      return reason('too-late', { latest: new Date(limit).toISOString() });
    default:
      return issue.inclusive === false
        ? reason('too-big-exclusive', { maximum: limit })
        : reason('too-big', { maximum: limit });
  }
}

// The regex pattern itself stays out: it means nothing to a reader; a schema that wants its own
// words uses `.refine(…, withRule(…))` instead.
function invalidFormat(issue: z.core.$ZodIssueInvalidStringFormat): Reason {
  const params: IssueParams = { format: issue.format };
  const extra = issue as unknown as Record<string, unknown>;
  for (const key of ['prefix', 'suffix', 'includes'] as const) {
    const value = extra[key];
    if (typeof value === 'string') params[key] = value;
  }
  return reason('invalid-format', params);
}

function custom(params: Record<string, unknown> | undefined): Reason {
  const { rule, ...rest } = params ?? {};
  if (!isIssueRule(rule)) return reason('invalid');
  const kept: IssueParams = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string' || typeof value === 'number') kept[key] = value;
  }
  return reason(rule, kept);
}

function reason(rule: IssueRule, params: IssueParams = {}): Reason {
  return { rule, params };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function unreachable(issue: never): Reason {
  void issue;
  return reason('invalid');
}
