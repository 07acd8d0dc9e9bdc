import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAuditRepo } from '../../src/db/repos/audit-repo.js';
import { createAuditService, type AuditService } from '../../src/services/audit-service.js';
import { ValidationError } from '../../src/domain/errors.js';
import { createTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
let audit: AuditService;
let clock = 0;

beforeEach(() => {
  db = createTempDb();
  clock = Date.parse('2026-01-05T10:00:00Z');
  audit = createAuditService({ repo: createAuditRepo(db.db), now: () => clock });
});
afterEach(() => db.cleanup());

function seed(): void {
  const ana = { id: 1, username: 'ana' };
  audit.record({ actor: 'system', action: 'setup', target: 'user:1' });
  clock += 60_000;
  audit.record({ actor: ana, action: 'login', target: 'user:1', ip: '127.0.0.1' });
  clock += 60_000;
  audit.record({
    actor: ana,
    action: 'user-add',
    target: 'user:2',
    after: { username: 'vera', password: 'p4ss', nested: { apiSecret: 's' } },
  });
  clock += 60_000;
  audit.record({
    actor: ana,
    action: 'user-remove',
    target: 'user:2',
    before: { username: 'vera' },
    reason: 'left the team',
  });
}

describe('audit log', () => {
  it('when a row is updated or deleted with plain SQL, then SQLite aborts and the row is unchanged', () => {
    seed();

    const update = () => db.sqlite.prepare(`UPDATE audit_log SET action = 'tampered'`).run();
    const remove = () => db.sqlite.prepare('DELETE FROM audit_log').run();

    expect(update).toThrow(/append-only/);
    expect(remove).toThrow(/append-only/);
    expect(audit.list({ limit: 10 }).items.map((i) => i.action)).toEqual([
      'user-remove',
      'user-add',
      'login',
      'setup',
    ]);
  });

  it('when before/after hold secrets, then they are redacted by key name', () => {
    seed();

    const [entry] = audit.list({ action: 'user-add', limit: 10 }).items;

    expect(entry?.after).toEqual({
      username: 'vera',
      password: '[redacted]',
      nested: { apiSecret: '[redacted]' },
    });
  });

  it('when filtered by actor, action, target and time, then only matching rows come back newest first', () => {
    seed();
    const start = Date.parse('2026-01-05T10:00:00Z');

    const byActor = audit.list({ actor: 'ana', limit: 10 }).items;
    const byTarget = audit.list({ target: 'user:2', limit: 10 }).items;
    const byTime = audit.list({
      from: new Date(start + 60_000),
      to: new Date(start + 120_000),
      limit: 10,
    }).items;

    expect(byActor.map((i) => i.action)).toEqual(['user-remove', 'user-add', 'login']);
    expect(byTarget.map((i) => i.action)).toEqual(['user-remove', 'user-add']);
    expect(byTime.map((i) => i.action)).toEqual(['user-add', 'login']);
    expect(byActor[0]).toMatchObject({
      at: '2026-01-05T10:03:00.000Z',
      reason: 'left the team',
      actor: { id: 1, username: 'ana' },
    });
  });

  it('when paged with a limit, then nextCursor walks every row exactly once and ends with null', () => {
    seed();

    const first = audit.list({ limit: 3 });
    const second = audit.list({ limit: 3, cursor: first.nextCursor ?? '' });

    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.items.map((i) => i.action)).toEqual(['setup']);
    expect(second.nextCursor).toBeNull();
  });

  it('when the cursor is garbage, then a ValidationError names cursor', () => {
    expect(() => audit.list({ limit: 3, cursor: 'bogus' })).toThrow(ValidationError);
  });
});
