import { count, eq } from 'drizzle-orm';

import type { Db } from '../open-db.js';
import { secrets } from '../schema.js';

export interface SealedSecret {
  name: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function createSecretRepo(db: Db) {
  return {
    find(name: string): SealedSecret | null {
      const row = db.select().from(secrets).where(eq(secrets.name, name)).get();
      if (!row) return null;
      return {
        name: row.name,
        iv: Buffer.from(row.iv, 'base64'),
        ciphertext: Buffer.from(row.ciphertext, 'base64'),
        tag: Buffer.from(row.tag, 'base64'),
      };
    },
    save(sealed: SealedSecret, now: number): void {
      const values = {
        iv: sealed.iv.toString('base64'),
        ciphertext: sealed.ciphertext.toString('base64'),
        tag: sealed.tag.toString('base64'),
        updatedAt: now,
      };
      db.insert(secrets)
        .values({ name: sealed.name, ...values })
        .onConflictDoUpdate({ target: secrets.name, set: values })
        .run();
    },
    count(): number {
      return db.select({ n: count() }).from(secrets).get()?.n ?? 0;
    },
    remove(name: string): boolean {
      return db.delete(secrets).where(eq(secrets.name, name)).run().changes > 0;
    },
  };
}

export type SecretRepo = ReturnType<typeof createSecretRepo>;
