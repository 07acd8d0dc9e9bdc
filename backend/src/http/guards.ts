import type { RequestHandler } from 'express';

import type { CsrfService } from '../services/csrf-service.js';

import { csrfProtection } from './middleware/csrf.js';
import { requireAdmin, requireUser } from './middleware/session.js';

export interface Guards {
  /** Anyone; unsafe methods still need the CSRF token (setup, login). */
  public: RequestHandler[];
  /** A signed-in user of any role. */
  user: RequestHandler[];
  /** A signed-in admin. Sign-in is checked first, so an anonymous caller gets 401, not 403. */
  admin: RequestHandler[];
}

export function createGuards(csrf: CsrfService, publicUrl: URL | undefined): Guards {
  const csrfCheck = csrfProtection(csrf, publicUrl);
  return {
    public: [csrfCheck],
    user: [requireUser, csrfCheck],
    admin: [requireUser, csrfCheck, requireAdmin],
  };
}
