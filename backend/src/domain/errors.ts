// Errors are grouped by how the caller should react (after freqtrade/exceptions.py); the HTTP
// error middleware maps each to its status and `{ error: { code, message, details? } }`.

import type { ErrorCode, IssueParams, IssueRule } from './error-codes.js';

export interface ErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, httpStatus: number, options: ErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.httpStatus = httpStatus;
    this.details = options.details;
  }
}

export interface ValidationIssue {
  /** The field as forms name it (`username`, `limit`); the request part (`body`) for a bad whole. */
  path: string;
  /** Why it failed, for clients to put in their own words; `invalid` when a check names none. */
  rule?: IssueRule;
  /** The numbers and names the rule's sentence needs (`{ minimum: 3 }`); `{}` when none. */
  params?: IssueParams;
  /** English, for API users and logs. */
  message: string;
}

/** An issue as it is answered: every field present, in this key order. */
export type AnsweredIssue = Required<ValidationIssue>;

export class ValidationError extends AppError {
  constructor(issues: ValidationIssue[], code: ErrorCode = 'validation-failed', message?: string) {
    const answered = issues.map(
      ({ path, rule = 'invalid', params = {}, message: text }): AnsweredIssue => ({
        path,
        rule,
        params,
        message: text,
      }),
    );
    super(code, message ?? describeIssues(answered), 400, { details: { issues: answered } });
  }
}

function describeIssues(issues: AnsweredIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${first.path || 'input'}: ${first.message}${more}`;
}

export class AuthError extends AppError {
  constructor(
    code: ErrorCode = 'unauthenticated',
    message = 'sign in first',
    options?: ErrorOptions,
  ) {
    super(code, message, 401, options);
  }
}

export class ForbiddenError extends AppError {
  constructor(
    code: ErrorCode = 'forbidden',
    message = 'your role may not do this',
    options?: ErrorOptions,
  ) {
    super(code, message, 403, options);
  }
}

export class NotFoundError extends AppError {
  constructor(code: ErrorCode = 'not-found', message = 'not found', options?: ErrorOptions) {
    super(code, message, 404, options);
  }
}

export class ConflictError extends AppError {
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, 409, options);
  }
}

export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(code: ErrorCode, message: string, retryAfterSeconds: number) {
    super(code, message, 429, { details: { retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** An upstream (supervisord, a bot API, the exchange) is unreachable or timed out: retry later. */
export class UpstreamUnavailableError extends AppError {
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, 503, options);
  }
}

/** An upstream answered, but with an error or a body we cannot accept. */
export class UpstreamRejectedError extends AppError {
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, 502, options);
  }
}

/** Fatal at start-up: main prints the message on one line and exits 1. */
export class ConfigError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('config-error', message, 500, options);
  }
}
