import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    role: text('role', { enum: ['admin', 'viewer'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    passwordChangedAt: integer('password_changed_at').notNull(),
  },
  // Usernames are unique regardless of case, so "Admin" cannot shadow "admin".
  (t) => [uniqueIndex('users_username_lower_unique').on(sql`lower(${t.username})`)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a leaked DB does not hand out live sessions.
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_id').on(t.userId)],
);

export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  iv: text('iv').notNull(),
  ciphertext: text('ciphertext').notNull(),
  tag: text('tag').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    before: text('before'),
    after: text('after'),
    reason: text('reason'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_action').on(t.action),
    index('audit_log_actor').on(t.actorName),
  ],
);

// One row rewritten by /ready: proves the DB accepts writes, not just that the file opens.
export const healthProbe = sqliteTable('health_probe', {
  id: integer('id').primaryKey(),
  checkedAt: integer('checked_at').notNull(),
});
