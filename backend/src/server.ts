import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createSupervisordClient } from './adapters/supervisord/client.js';
import { buildApp } from './app.js';
import { describeEnv, type Env } from './config/env.js';
import { createAuditRepo } from './db/repos/audit-repo.js';
import { createHealthRepo } from './db/repos/health-repo.js';
import { createSecretRepo } from './db/repos/secret-repo.js';
import { createSessionRepo } from './db/repos/session-repo.js';
import { createUserRepo } from './db/repos/user-repo.js';
import { openDb, type OpenedDb } from './db/open-db.js';
import { ConfigError } from './domain/errors.js';
import { ensureDataDir, type DataPaths } from './lib/data-dir.js';
import type { Logger } from './lib/logger.js';
import { createAuditService } from './services/audit-service.js';
import { createAuthService } from './services/auth-service.js';
import { createCsrfService } from './services/csrf-service.js';
import { prepareFirstStart } from './services/first-start.js';
import { createLoginThrottle } from './services/login-throttle.js';
import { createPasswordHasher } from './services/password-hasher.js';
import { createReadinessService } from './services/readiness-service.js';
import {
  createSecretStore,
  resolveSecretKey,
  verifySecretKey,
  type SecretStore,
} from './services/secret-store.js';
import { createSessionService } from './services/session-service.js';
import { createUserService } from './services/user-service.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };
export const VERSION = packageJson.version;

export interface RunningServer {
  server: Server;
  url: string;
  paths: DataPaths;
  secrets: SecretStore;
  db: OpenedDb;
  /** Closes HTTP (dropping idle keep-alive sockets), then the supervisord agent, then the DB. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Injectable clock, so session expiry and throttling are testable without sleeping. */
  now?: () => number;
}

/** Composition: data dir → DB + migrations → secrets → services → app → listen. */
export async function startServer(
  env: Env,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  logger.info({ config: describeEnv(env) }, 'starting Spotdesk');
  const paths = ensureDataDir(env.dataDir);
  const db = openDb({ file: paths.dbFile, backupsDir: paths.backups, now });
  if (db.backupPath)
    logger.info({ backupPath: db.backupPath }, 'database copied aside before migrating');
  try {
    const masterKey = resolveSecretKey(env.secretKey, paths.secretKeyFile, logger);
    const secrets = createSecretStore({ repo: createSecretRepo(db.db), key: masterKey, now });
    verifySecretKey(secrets);
    const userRepo = createUserRepo(db.db);
    const audit = createAuditService({ repo: createAuditRepo(db.db), now });
    const hasher = createPasswordHasher();
    const sessions = createSessionService({
      sessions: createSessionRepo(db.db),
      users: userRepo,
      now,
      idleMs: env.sessionIdleMs,
      absoluteMs: env.sessionAbsoluteMs,
    });
    const setupToken = await prepareFirstStart({
      users: userRepo,
      hasher,
      audit,
      adminPassword: env.adminPassword,
      setupTokenFile: paths.setupTokenFile,
      logger,
      now,
    });
    const supervisor = createSupervisordClient({
      socketPath: env.supervisorSocket,
      timeoutMs: 3000,
    });
    const readiness = createReadinessService({ health: createHealthRepo(db.db), supervisor, now });
    const app = buildApp({
      logger,
      http: {
        isHttps: env.isHttps,
        publicUrl: env.publicUrl,
        trustProxy: env.trustProxy,
        frontendDir: env.frontendDir,
      },
      info: {
        version: VERSION,
        startedAt: new Date(now()).toISOString(),
        dataDir: paths.root,
        simulation: env.simulation,
        liveTradingEnabled: env.liveTradingEnabled,
      },
      services: {
        auth: createAuthService({
          users: userRepo,
          sessions,
          hasher,
          throttle: createLoginThrottle(now),
          audit,
          setupToken,
          now,
        }),
        users: createUserService({ users: userRepo, sessions, hasher, audit, now }),
        sessions,
        audit,
        csrf: createCsrfService(masterKey),
        readiness,
      },
    });
    const server = await listen(app, env.host, env.port);
    const address = server.address() as AddressInfo;
    const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    logger.info({ url }, `Spotdesk listening on ${url}`);
    return {
      server,
      url,
      paths,
      secrets,
      db,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await supervisor.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function listen(app: ReturnType<typeof buildApp>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new ConfigError(
            `port ${port} is already in use; set SPOTDESK_PORT to a free port or stop the other process`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(
          new ConfigError(`cannot listen on ${host}: no such address here; check SPOTDESK_HOST`),
        );
      } else {
        reject(error);
      }
    });
  });
}
