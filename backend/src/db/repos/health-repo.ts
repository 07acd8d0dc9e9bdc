import type { Db } from '../open-db.js';
import { healthProbe } from '../schema.js';

export function createHealthRepo(db: Db) {
  return {
    /** A real write, so a full disk or a read-only file shows up in /ready. */
    probeWrite(now: number): void {
      db.insert(healthProbe)
        .values({ id: 1, checkedAt: now })
        .onConflictDoUpdate({ target: healthProbe.id, set: { checkedAt: now } })
        .run();
    },
  };
}

export type HealthRepo = ReturnType<typeof createHealthRepo>;
