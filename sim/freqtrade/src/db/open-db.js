import path from 'node:path';
import Database from 'better-sqlite3';
import { OperationalError } from '../errors.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS trades (
  id INTEGER PRIMARY KEY AUTOINCREMENT, exchange TEXT NOT NULL, pair TEXT NOT NULL,
  base_currency TEXT, stake_currency TEXT, is_open INTEGER NOT NULL, fee_open REAL, fee_open_cost REAL,
  fee_close REAL, fee_close_cost REAL, open_rate REAL, open_rate_requested REAL,
  open_trade_value REAL, close_rate REAL, close_rate_requested REAL, realized_profit REAL DEFAULT 0,
  close_profit REAL, close_profit_abs REAL, stake_amount REAL NOT NULL, max_stake_amount REAL,
  amount REAL NOT NULL, amount_requested REAL, open_date INTEGER NOT NULL, open_fill_date INTEGER,
  close_date INTEGER, stop_loss REAL, stop_loss_pct REAL, initial_stop_loss REAL,
  initial_stop_loss_pct REAL, is_stop_loss_trailing INTEGER DEFAULT 0, stoploss_last_update INTEGER,
  max_rate REAL, min_rate REAL, exit_reason TEXT, exit_order_status TEXT, strategy TEXT,
  enter_tag TEXT, timeframe INTEGER
);
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ft_trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE CASCADE,
  ft_order_side TEXT NOT NULL, ft_pair TEXT NOT NULL, ft_is_open INTEGER NOT NULL,
  ft_amount REAL, ft_price REAL, ft_order_tag TEXT, order_id TEXT NOT NULL, status TEXT,
  symbol TEXT, order_type TEXT, side TEXT, price REAL, average REAL, amount REAL, filled REAL,
  remaining REAL, cost REAL, stop_price REAL, order_date INTEGER, order_filled_date INTEGER,
  order_update_date INTEGER, ft_fee_base REAL, UNIQUE (ft_pair, order_id)
);
CREATE TABLE IF NOT EXISTS pairlocks (
  id INTEGER PRIMARY KEY AUTOINCREMENT, pair TEXT NOT NULL, side TEXT NOT NULL, reason TEXT,
  lock_time INTEGER NOT NULL, lock_end_time INTEGER NOT NULL, active INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS key_value_store (
  key TEXT PRIMARY KEY, value TEXT
);
`;

export const DEFAULT_DB_PROD_URL = 'sqlite:///tradesv3.sqlite';
export const DEFAULT_DB_DRYRUN_URL = 'sqlite:///tradesv3.dryrun.sqlite';

/** SQLAlchemy-style sqlite URL → file path (three slashes relative to cwd, four absolute). */
export function dbPathFromUrl(url, cwd) {
  if (url === 'sqlite://' || url === 'sqlite:///:memory:') return ':memory:';
  const m = /^sqlite:\/\/\/(.+)$/.exec(url);
  if (!m) {
    throw new OperationalError(
      `Given value for db_url: '${url}' is no valid database URL! (This simulator supports sqlite only)`,
    );
  }
  return path.resolve(cwd, m[1]);
}

export function resolveDbUrl(config) {
  if (!config.db_url) return config.dry_run ? DEFAULT_DB_DRYRUN_URL : DEFAULT_DB_PROD_URL;
  if (config.dry_run && config.db_url === DEFAULT_DB_PROD_URL) return DEFAULT_DB_DRYRUN_URL;
  return config.db_url;
}

/**
 * Opens the bot database. WAL + synchronous=FULL: every committed transaction is on disk before
 * the call returns, so a SIGKILL at any moment leaves a consistent file.
 */
export function openDb(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}
