import { eq } from 'drizzle-orm';
import type { z } from 'zod';

import type { Db } from '../open-db.js';
import { settings } from '../schema.js';

/** Key/value settings; each value is JSON, parsed with the schema its reader gives. */
export function createSettingsRepo(db: Db) {
  return {
    get<S extends z.ZodType>(key: string, schema: S, fallback: z.infer<S>): z.infer<S> {
      const row = db.select().from(settings).where(eq(settings.key, key)).get();
      if (!row) return fallback;
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    },
    set(key: string, value: unknown, now: number): void {
      const text = JSON.stringify(value);
      db.insert(settings)
        .values({ key, value: text, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: now } })
        .run();
    },
    remove(key: string): void {
      db.delete(settings).where(eq(settings.key, key)).run();
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
