import type { ErrorRequestHandler, RequestHandler } from 'express';

import type { ErrorCode } from '../../domain/error-codes.js';
import { AppError, NotFoundError, TooManyRequestsError } from '../../domain/errors.js';
import type { Logger } from '../../lib/logger.js';

// body-parser marks its errors with `type`; these map to our codes instead of its HTML page.
const BODY_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  'entity.parse.failed': {
    status: 400,
    code: 'invalid-json',
    message: 'the request body is not valid JSON',
  },
  'entity.too.large': {
    status: 413,
    code: 'payload-too-large',
    message: 'the request body is larger than 100 kB',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported-encoding',
    message: 'unsupported content encoding',
  },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported-charset',
    message: 'unsupported charset',
  },
  'request.aborted': { status: 400, code: 'request-aborted', message: 'the request was aborted' },
};

export const notFound: RequestHandler = (req) => {
  throw new NotFoundError(
    'not-found',
    `no route for ${req.method} ${req.originalUrl.split('?')[0]}`,
  );
};

/** The last middleware: one error shape, never a stack trace or an HTML page. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof AppError) {
      if (error instanceof TooManyRequestsError)
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      if (error.httpStatus >= 500) logger.warn({ code: error.code, path: req.path }, error.message);
      const body = {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
      res.status(error.httpStatus).json({ error: body });
      return;
    }
    const bodyError = BODY_ERRORS[(error as { type?: string }).type ?? ''];
    if (bodyError) {
      res
        .status(bodyError.status)
        .json({ error: { code: bodyError.code, message: bodyError.message } });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    const code: ErrorCode = 'internal-error';
    res.status(500).json({ error: { code, message: 'something went wrong; see the server log' } });
  };
}
