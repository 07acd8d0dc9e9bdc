import { createHash, randomBytes } from 'node:crypto';

import type { User } from '../domain/user.js';
import type { SessionRepo } from '../db/repos/session-repo.js';
import type { UserRepo } from '../db/repos/user-repo.js';

// Writing last_seen_at on every request would fsync on every GET; a minute of slack is harmless.
const TOUCH_INTERVAL_MS = 60_000;

export interface ActiveSession {
  token: string;
  user: User;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSessionService(deps: {
  sessions: SessionRepo;
  users: UserRepo;
  now: () => number;
  idleMs: number;
  absoluteMs: number;
}) {
  const { sessions, users, now, idleMs, absoluteMs } = deps;
  return {
    /** A fresh random id for every login: the cookie value; only its SHA-256 is stored. */
    create(userId: number): string {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      sessions.insert({ idHash: hashToken(token), userId, createdAt: at, lastSeenAt: at });
      return token;
    },
    /** The session's user, or null when unknown or expired (expired rows are deleted). */
    resolve(token: string): ActiveSession | null {
      const idHash = hashToken(token);
      const row = sessions.find(idHash);
      if (!row) return null;
      const at = now();
      if (at - row.lastSeenAt > idleMs || at - row.createdAt > absoluteMs) {
        sessions.remove(idHash);
        return null;
      }
      const found = users.findById(row.userId);
      if (!found) return null;
      if (at - row.lastSeenAt > TOUCH_INTERVAL_MS) sessions.touch(idHash, at);
      const { passwordHash: _hash, ...user } = found;
      return { token, user };
    },
    destroy(token: string): void {
      sessions.remove(hashToken(token));
    },
    destroyAllForUser(userId: number): void {
      sessions.removeForUser(userId);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
