import type { Request, RequestHandler, Response } from 'express';

import { ForbiddenError } from '../../domain/errors.js';
import type { CsrfService } from '../../services/csrf-service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the CSRF token is bound to: the session once signed in, else the pre-session cookie. */
export function csrfBinding(res: Response): string | null {
  if (res.locals.session) return `session:${res.locals.session.token}`;
  if (res.locals.presession) return `anon:${res.locals.presession}`;
  return null;
}

function isOwnOrigin(req: Request, origin: string, publicUrl: URL | undefined): boolean {
  if (publicUrl && origin === publicUrl.origin) return true;
  const host = req.headers.host;
  return host !== undefined && origin === `${req.protocol}://${host}`;
}

/**
 * Unsafe methods must come from our own origin (when the browser says) and carry X-CSRF-Token
 * matching the HMAC of what identifies this browser.
 */
export function csrfProtection(csrf: CsrfService, publicUrl: URL | undefined): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(req, origin, publicUrl)) {
      throw new ForbiddenError('csrf-failed', 'cross-origin request refused');
    }
    const binding = csrfBinding(res);
    const token = req.get('x-csrf-token');
    if (!binding || !token || !csrf.verify(binding, token)) {
      throw new ForbiddenError(
        'csrf-failed',
        'missing or stale X-CSRF-Token; reload GET /api/session and retry',
      );
    }
    next();
  };
}
