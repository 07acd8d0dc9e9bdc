import type { RequestHandler } from 'express';

import { AuthError, ForbiddenError } from '../../domain/errors.js';
import type { SessionService } from '../../services/session-service.js';
import { PRESESSION_COOKIE, SESSION_COOKIE, readCookie } from '../cookies.js';

/** Resolves the session cookie (if any) into res.locals.session; never rejects by itself. */
export function attachSession(sessions: SessionService): RequestHandler {
  return (req, res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    const session = token ? sessions.resolve(token) : null;
    if (session) res.locals.session = session;
    const presession = readCookie(req, PRESESSION_COOKIE);
    if (presession) res.locals.presession = presession;
    next();
  };
}

export const requireUser: RequestHandler = (_req, res, next) => {
  if (!res.locals.session) throw new AuthError('unauthenticated', 'sign in first');
  next();
};

export const requireAdmin: RequestHandler = (_req, res, next) => {
  if (res.locals.session?.user.role !== 'admin') {
    throw new ForbiddenError(
      'forbidden',
      'only an admin may do this; your role can read but not change',
    );
  }
  next();
};
