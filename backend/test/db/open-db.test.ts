import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { MIGRATIONS_FOLDER, openDb } from '../../src/db/open-db.js';
import { ConfigError } from '../../src/domain/errors.js';
import { createTempDb, type TempDb } from '../helpers/temp-db.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

let db: TempDb | undefined;
let dir: TempDir | undefined;
afterEach(() => {
  db?.cleanup();
  dir?.remove();
  db = undefined;
  dir = undefined;
});

function migrationCount(file: string): number {
  const sqlite = new Database(file, { readonly: true });
  const row = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
    n: number;
  };
  sqlite.close();
  return row.n;
}

function knownMigrations(): number {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  return journal.entries.length;
}

describe('openDb', () => {
  it('when opened, then WAL, synchronous FULL, foreign keys and busy timeout are set and tables exist', () => {
    db = createTempDb();

    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'sessions', 'secrets', 'audit_log', 'health_probe']),
    );
    expect(db.backupPath).toBeNull();
  });

  it('when a DB has pending migrations, then it is copied aside to backups/ before migrating', () => {
    dir = makeTempDir();
    const partial = path.join(dir.path, 'partial-migrations');
    cpSync(MIGRATIONS_FOLDER, partial, { recursive: true });
    const journalFile = path.join(partial, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    writeFileSync(
      journalFile,
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }),
    );
    const file = path.join(dir.path, 'spotdesk.sqlite');
    openDb({ file, backupsDir: dir.path, migrationsFolder: partial }).close();
    expect(migrationCount(file)).toBe(1);

    const reopened = openDb({
      file,
      backupsDir: dir.path,
      now: () => Date.parse('2026-01-05T10:00:00Z'),
    });

    expect(reopened.backupPath).toBe(
      path.join(dir.path, 'pre-migrate-2026-01-05T10-00-00-000Z.sqlite'),
    );
    expect(existsSync(reopened.backupPath ?? '')).toBe(true);
    reopened.close();
    expect(migrationCount(reopened.backupPath ?? '')).toBe(1);
    expect(migrationCount(file)).toBe(journal.entries.length);
    expect(journal.entries.length).toBeGreaterThan(1);
  });

  it('when the DB is already current, then no copy is made', () => {
    dir = makeTempDir();
    const file = path.join(dir.path, 'spotdesk.sqlite');
    openDb({ file, backupsDir: dir.path }).close();

    const again = openDb({ file, backupsDir: dir.path });

    expect(again.backupPath).toBeNull();
    expect(readdirSync(dir.path).filter((f) => f.startsWith('pre-migrate'))).toEqual([]);
    again.close();
  });

  it('when a newer Spotdesk applied a migration this build does not know, then it is refused', () => {
    dir = makeTempDir();
    const file = path.join(dir.path, 'spotdesk.sqlite');
    openDb({ file, backupsDir: dir.path }).close();
    const sqlite = new Database(file);
    sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('f'.repeat(64), Date.parse('2099-01-01'));
    sqlite.close();

    const act = () => openDb({ file, backupsDir: dir!.path });

    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/written by a newer Spotdesk/);
    expect(migrationCount(file)).toBe(knownMigrations() + 1);
  });
});
