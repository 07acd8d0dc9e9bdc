import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';

import type { Db } from '../open-db.js';
import { auditLog } from '../schema.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number | null; username: string };
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

export interface NewAuditRow {
  at: number;
  actorId: number | null;
  actorName: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

export interface AuditQuery {
  from?: number;
  to?: number;
  actor?: string;
  action?: string;
  target?: string;
  beforeId?: number;
  limit: number;
}

function toEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: { id: row.actorId, username: row.actorName },
    action: row.action,
    target: row.target,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    reason: row.reason,
    ip: row.ip,
  };
}

export function createAuditRepo(db: Db) {
  return {
    insert(row: NewAuditRow): number {
      const result = db
        .insert(auditLog)
        .values({
          ...row,
          before: row.before === undefined ? null : JSON.stringify(row.before),
          after: row.after === undefined ? null : JSON.stringify(row.after),
        })
        .run();
      return Number(result.lastInsertRowid);
    },
    /** Newest first; one row more than `limit` is read so the caller knows whether more exist. */
    list(query: AuditQuery): AuditEntry[] {
      const where: SQL[] = [];
      if (query.from !== undefined) where.push(gte(auditLog.at, query.from));
      if (query.to !== undefined) where.push(lte(auditLog.at, query.to));
      if (query.actor !== undefined) where.push(eq(auditLog.actorName, query.actor));
      if (query.action !== undefined) where.push(eq(auditLog.action, query.action));
      if (query.target !== undefined) where.push(eq(auditLog.target, query.target));
      if (query.beforeId !== undefined) where.push(lt(auditLog.id, query.beforeId));
      const rows = db
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(query.limit + 1)
        .all();
      return rows.map(toEntry);
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
