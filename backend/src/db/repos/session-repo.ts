import { eq } from 'drizzle-orm';

import type { Db } from '../open-db.js';
import { sessions } from '../schema.js';

export interface SessionRow {
  idHash: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
}

export function createSessionRepo(db: Db) {
  return {
    insert(row: SessionRow): void {
      db.insert(sessions).values(row).run();
    },
    find(idHash: string): SessionRow | null {
      return db.select().from(sessions).where(eq(sessions.idHash, idHash)).get() ?? null;
    },
    touch(idHash: string, now: number): void {
      db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash)).run();
    },
    remove(idHash: string): void {
      db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
    },
    removeForUser(userId: number): void {
      db.delete(sessions).where(eq(sessions.userId, userId)).run();
    },
  };
}

export type SessionRepo = ReturnType<typeof createSessionRepo>;
