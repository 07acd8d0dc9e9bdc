import type { RequestHandler } from 'express';

import type { Logger } from '../../lib/logger.js';

// Probes hit these every few seconds; logging them would drown everything else.
const QUIET = /^\/(health|ready)$/;

/** One line per API request: method, path without query, status, duration, client IP. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (QUIET.test(req.path) || !req.originalUrl.startsWith('/api')) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          ip: req.ip,
          userId: res.locals.session?.user.id,
        },
        'request',
      );
    });
    next();
  };
}
