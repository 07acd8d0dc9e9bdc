import { randomBytes } from 'node:crypto';

import { Router } from 'express';

import type { AuthService } from '../../services/auth-service.js';
import type { CsrfService } from '../../services/csrf-service.js';
import { PRESESSION_COOKIE, cookieOptions } from '../cookies.js';
import { csrfBinding } from '../middleware/csrf.js';

export interface InstanceInfo {
  version: string;
  simulation: boolean;
  liveTradingEnabled: boolean;
}

export function sessionRoutes(deps: {
  auth: AuthService;
  csrf: CsrfService;
  instance: InstanceInfo;
  secureCookies: boolean;
}): Router {
  const router = Router();
  router.get('/api/session', (_req, res) => {
    if (!csrfBinding(res)) {
      // First visit: an anonymous cookie that the setup/login CSRF token is bound to.
      res.locals.presession = randomBytes(32).toString('base64url');
      res.cookie(PRESESSION_COOKIE, res.locals.presession, cookieOptions(deps.secureCookies));
    }
    const session = res.locals.session;
    res.json({
      setupRequired: deps.auth.isSetupRequired(),
      user: session
        ? { id: session.user.id, username: session.user.username, role: session.user.role }
        : null,
      csrfToken: deps.csrf.tokenFor(csrfBinding(res) ?? ''),
      instance: deps.instance,
    });
  });
  return router;
}
