import { ValidationError } from '../domain/errors.js';
import type { AuditEntry, AuditRepo } from '../db/repos/audit-repo.js';
import { redactSecrets } from '../lib/redact.js';

/** Who did it: a signed-in user, or Spotdesk itself (start-up seeding, watchdogs). */
export type Actor = { id: number; username: string } | 'system';

export interface AuditRecord {
  actor: Actor;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  ip?: string | null;
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  target?: string;
  limit: number;
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export function createAuditService(deps: { repo: AuditRepo; now: () => number }) {
  const { repo, now } = deps;
  return {
    record(entry: AuditRecord): void {
      repo.insert({
        at: now(),
        actorId: entry.actor === 'system' ? null : entry.actor.id,
        actorName: entry.actor === 'system' ? 'system' : entry.actor.username,
        action: entry.action,
        target: entry.target ?? null,
        before: entry.before === undefined ? undefined : redactSecrets(entry.before),
        after: entry.after === undefined ? undefined : redactSecrets(entry.after),
        reason: entry.reason ?? null,
        ip: entry.ip ?? null,
      });
    },
    list(filter: AuditFilter): AuditPage {
      const rows = repo.list({
        from: filter.from?.getTime(),
        to: filter.to?.getTime(),
        actor: filter.actor,
        action: filter.action,
        target: filter.target,
        beforeId: filter.cursor === undefined ? undefined : decodeCursor(filter.cursor),
        limit: filter.limit,
      });
      const items = rows.slice(0, filter.limit);
      const last = items[items.length - 1];
      const nextCursor = rows.length > filter.limit && last ? encodeCursor(last.id) : null;
      return { items, nextCursor };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

// The cursor is opaque to clients so the paging scheme can change without breaking them.
function encodeCursor(id: number): string {
  return Buffer.from(`a:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^a:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1])
    throw new ValidationError([
      { path: 'cursor', rule: 'invalid-cursor', message: 'is not a cursor from this API' },
    ]);
  return Number(match[1]);
}
