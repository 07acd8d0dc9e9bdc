import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ConfigError } from '../domain/errors.js';

export interface DataPaths {
  root: string;
  db: string;
  dbFile: string;
  bots: string;
  strategies: string;
  backups: string;
  run: string;
  logs: string;
  secretKeyFile: string;
  setupTokenFile: string;
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    db: path.join(root, 'db'),
    dbFile: path.join(root, 'db', 'spotdesk.sqlite'),
    bots: path.join(root, 'bots'),
    strategies: path.join(root, 'strategies'),
    backups: path.join(root, 'backups'),
    run: path.join(root, 'run'),
    logs: path.join(root, 'logs'),
    secretKeyFile: path.join(root, 'secret.key'),
    setupTokenFile: path.join(root, 'run', 'setup-token'),
  };
}

/**
 * Creates the data layout (dirs mode 0700) and proves it is writable by writing a probe file.
 * @throws ConfigError naming the path and what to do.
 */
export function ensureDataDir(root: string): DataPaths {
  const paths = dataPaths(root);
  const dirs = [
    paths.root,
    paths.db,
    paths.bots,
    paths.strategies,
    paths.backups,
    paths.run,
    paths.logs,
  ];
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw unwritable(dir, error);
    }
  }
  const probe = path.join(paths.run, `.write-probe-${process.pid}`);
  try {
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (error) {
    throw unwritable(paths.run, error);
  }
  return paths;
}

function unwritable(dir: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new ConfigError(
    `data directory ${dir} is not writable (${code}); mount a writable volume there or set SPOTDESK_DATA_DIR to a directory this user owns`,
    { cause: error },
  );
}
