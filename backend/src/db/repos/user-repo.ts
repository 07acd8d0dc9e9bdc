import { count, eq, sql } from 'drizzle-orm';

import type { Role, User } from '../../domain/user.js';
import type { Db } from '../open-db.js';
import { users } from '../schema.js';

export interface UserWithHash extends User {
  passwordHash: string;
}

function toUser(row: typeof users.$inferSelect): UserWithHash {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    createdAt: new Date(row.createdAt).toISOString(),
    passwordHash: row.passwordHash,
  };
}

export function createUserRepo(db: Db) {
  return {
    count(): number {
      return db.select({ n: count() }).from(users).get()?.n ?? 0;
    },
    countByRole(role: Role): number {
      return db.select({ n: count() }).from(users).where(eq(users.role, role)).get()?.n ?? 0;
    },
    findById(id: number): UserWithHash | null {
      const row = db.select().from(users).where(eq(users.id, id)).get();
      return row ? toUser(row) : null;
    },
    findByUsername(username: string): UserWithHash | null {
      const row = db
        .select()
        .from(users)
        .where(sql`lower(${users.username}) = lower(${username})`)
        .get();
      return row ? toUser(row) : null;
    },
    list(): User[] {
      return db
        .select()
        .from(users)
        .orderBy(users.id)
        .all()
        .map((row) => {
          const { passwordHash: _hash, ...user } = toUser(row);
          return user;
        });
    },
    insert(input: { username: string; role: Role; passwordHash: string; now: number }): User {
      const row = db
        .insert(users)
        .values({
          username: input.username,
          role: input.role,
          passwordHash: input.passwordHash,
          createdAt: input.now,
          passwordChangedAt: input.now,
        })
        .returning()
        .get();
      const { passwordHash: _hash, ...user } = toUser(row);
      return user;
    },
    updatePassword(id: number, passwordHash: string, now: number): void {
      db.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, id)).run();
    },
    remove(id: number): boolean {
      return db.delete(users).where(eq(users.id, id)).run().changes > 0;
    },
  };
}

export type UserRepo = ReturnType<typeof createUserRepo>;
