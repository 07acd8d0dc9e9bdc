import type { RequestHandler, Response } from 'express';
import type { z } from 'zod';

import { ValidationError } from '../../domain/errors.js';
import type { ValidationIssue } from '../../domain/errors.js';

import { issuesFromZod } from './zod-issues.js';

interface Schemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Parsed<S extends Schemas> = {
  [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never;
};

export type Validator<S extends Schemas> = RequestHandler & {
  /** The parsed input of this request; only valid after the middleware ran. */
  get(res: Response): Parsed<S>;
};

const STORE = Symbol('validated');

/**
 * Parses body, query and params with zod; a failure is a 400 `validation-failed` naming every bad
 * field with its rule, params and English message.
 */
export function validate<S extends Schemas>(schemas: S): Validator<S> {
  const middleware: RequestHandler = (req, res, next) => {
    const parsed: Record<string, unknown> = {};
    const issues: ValidationIssue[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const input: unknown = req[part] ?? {};
      const result = schema.safeParse(input);
      if (result.success) parsed[part] = result.data;
      else issues.push(...issuesFromZod(result.error.issues, part, input));
    }
    if (issues.length > 0) throw new ValidationError(issues);
    (res.locals as Record<symbol, unknown>)[STORE] = parsed;
    next();
  };
  return Object.assign(middleware, {
    get(res: Response) {
      return (res.locals as Record<symbol, unknown>)[STORE] as Parsed<S>;
    },
  });
}
