// Reads a stopped bot's own trade database (Freqtrade's SQLAlchemy schema: table `trades`,
// column `is_open`), read-only, when its API is not there to ask.
import { existsSync } from 'node:fs';

import Database from 'better-sqlite3';

import { UpstreamRejectedError } from '../../domain/errors.js';

/** Open trades in the Freqtrade database at `file`; 0 when the file does not exist yet. */
export function countOpenTrades(file: string): number {
  if (!existsSync(file)) return 0;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 3000');
    const table = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'trades'`)
      .get();
    if (!table) return 0;
    const row = db.prepare('SELECT COUNT(*) AS n FROM trades WHERE is_open = 1').get() as {
      n: number;
    };
    return row.n;
  } catch (error) {
    throw new UpstreamRejectedError(
      'bot-bad-response',
      `cannot read the bot's trade database: ${(error as Error).message}`,
      { cause: error, details: { upstreamMessage: (error as Error).message } },
    );
  } finally {
    db?.close();
  }
}
