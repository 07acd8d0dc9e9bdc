import type { Response } from 'express';

import { AuthError } from '../domain/errors.js';
import type { User } from '../domain/user.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- express types res.locals through this global namespace
  namespace Express {
    interface Locals {
      session?: { token: string; user: User };
      presession?: string;
    }
  }
}

/** The signed-in caller; routes behind `guard.user`/`guard.admin` always have one. */
export function currentUser(res: Response): User {
  const user = res.locals.session?.user;
  if (!user) throw new AuthError();
  return user;
}

export function currentSessionToken(res: Response): string {
  const token = res.locals.session?.token;
  if (!token) throw new AuthError();
  return token;
}
