import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';

import { ConfigError } from '../domain/errors.js';

import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDb {
  db: Db;
  sqlite: Database.Database;
  /** Where the pre-migration copy went, when one was made. */
  backupPath: string | null;
  close(): void;
}

// src/db/open-db.ts and dist/db/open-db.js both sit two levels below backend/.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface OpenDbOptions {
  file: string;
  backupsDir: string;
  migrationsFolder?: string;
  now?: () => number;
}

/**
 * Opens the SQLite file, applies pragmas, refuses a DB written by a newer Spotdesk, copies the DB
 * aside before pending migrations run, then migrates.
 * @throws ConfigError when the DB is newer than this build or cannot be opened.
 */
export function openDb(options: OpenDbOptions): OpenedDb {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  const existed = existsSync(options.file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(options.file);
  } catch (error) {
    throw new ConfigError(`cannot open database ${options.file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    applyPragmas(sqlite);
    const known = readMigrationFiles({ migrationsFolder });
    const applied = readAppliedMigrations(sqlite);
    assertNotNewer(applied, known, options.file);
    const pending = known.filter((m) => !applied.some((a) => a.hash === m.hash));
    let backupPath: string | null = null;
    if (existed && applied.length > 0 && pending.length > 0) {
      backupPath = copyAside(sqlite, options.backupsDir, (options.now ?? Date.now)());
    }
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return { db, sqlite, backupPath, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Opens an existing DB read-only, without pragmas or migrations, after refusing one written by a
 * newer Spotdesk: what the preflight of entrypoint.sh looks at before supervisord starts.
 * @returns null when there is no database yet (first start).
 * @throws ConfigError when the DB is newer than this build or cannot be opened.
 */
export function inspectDb(file: string, migrationsFolder = MIGRATIONS_FOLDER): OpenedDb | null {
  if (!existsSync(file)) return null;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new ConfigError(`cannot open database ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    assertNotNewer(readAppliedMigrations(sqlite), readMigrationFiles({ migrationsFolder }), file);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { db: drizzle(sqlite, { schema }), sqlite, backupPath: null, close: () => sqlite.close() };
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: an order or audit row acknowledged to the user survives a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

interface AppliedMigration {
  hash: string;
  createdAt: number;
}

function readAppliedMigrations(sqlite: Database.Database): AppliedMigration[] {
  const table = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE);
  if (!table) return [];
  const rows = sqlite
    .prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE}`)
    .all() as Array<{ hash: string; createdAt: number }>;
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
}

function assertNotNewer(
  applied: AppliedMigration[],
  known: Array<{ hash: string; folderMillis: number }>,
  file: string,
): void {
  const knownHashes = new Set(known.map((m) => m.hash));
  const lastKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const unknown = applied.filter((a) => !knownHashes.has(a.hash) || a.createdAt > lastKnown);
  if (unknown.length > 0) {
    throw new ConfigError(
      `database ${file} was written by a newer Spotdesk (${unknown.length} migration(s) this build does not know); ` +
        'run the newer version or restore a backup from the backups/ folder',
    );
  }
}

function copyAside(sqlite: Database.Database, backupsDir: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupsDir, `pre-migrate-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent, compact copy even with WAL pages not yet checkpointed.
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
