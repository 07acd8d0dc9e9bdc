// Run by entrypoint.sh before supervisord starts: every start-up problem a user must fix (a bad
// environment, an unwritable data directory, a database from a newer Spotdesk, a lost secret key,
// a taken port) ends here with one clear line and exit 1, instead of a supervisord restart loop.
// It only reads: migrations and key generation stay with the orchestrator's own start.
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { loadEnv } from './config/env.js';
import { inspectDb } from './db/open-db.js';
import { createSecretRepo } from './db/repos/secret-repo.js';
import { ensureDataDir } from './lib/data-dir.js';
import {
  createSecretStore,
  keyOpensStore,
  lostKeyError,
  readSecretKey,
} from './services/secret-store.js';

function fail(message: string): never {
  process.stderr.write(`spotdesk: ${message}\n`);
  process.exit(1);
}

function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        fail(`port ${port} is already in use on ${host}; stop what uses it or set SPOTDESK_PORT`);
      }
      fail(
        `cannot listen on ${host}:${port} (${error.code ?? error.message}); check SPOTDESK_HOST`,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Whether `command` runs: an absolute or relative path that is executable, or a name on PATH. */
function findCommand(command: string, searchPath = process.env.PATH ?? ''): string | null {
  const candidates = command.includes('/')
    ? [path.resolve(command)]
    : searchPath
        .split(':')
        .filter(Boolean)
        .map((dir) => path.join(dir, command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return null;
}

function checkStoredState(): { host: string; port: number } {
  const env = loadEnv();
  const freqtrade = env.freqtradeCommand[0]!;
  if (!findCommand(freqtrade)) {
    throw new Error(
      `the Freqtrade command '${freqtrade}' was not found; install Freqtrade, point SPOTDESK_FREQTRADE_CMD at it, or set SPOTDESK_SIMULATION=1 for the offline demo`,
    );
  }
  const paths = ensureDataDir(env.dataDir);
  const db = inspectDb(paths.dbFile);
  if (db) {
    try {
      const repo = createSecretRepo(db.db);
      const key = readSecretKey(env.secretKey, paths.secretKeyFile);
      if (!key && repo.count() > 0) throw lostKeyError(paths.secretKeyFile);
      if (key) keyOpensStore(createSecretStore({ repo, key, now: Date.now }));
    } finally {
      db.close();
    }
  }
  return env;
}

let env: { host: string; port: number };
try {
  env = checkStoredState();
} catch (error) {
  fail((error as Error).message);
}
await checkPortFree(env.host, env.port);
