import { createSupervisordClient, type SupervisordClient } from './adapters/supervisord/client.js';
import type { AppDeps } from './app.js';
import type { Env } from './config/env.js';
import { createAuditRepo } from './db/repos/audit-repo.js';
import { createHealthRepo } from './db/repos/health-repo.js';
import { createSecretRepo } from './db/repos/secret-repo.js';
import { createSessionRepo } from './db/repos/session-repo.js';
import { createUserRepo, type UserRepo } from './db/repos/user-repo.js';
import type { OpenedDb } from './db/open-db.js';
import type { DataPaths } from './lib/data-dir.js';
import type { Logger } from './lib/logger.js';
import { createAuditService, type AuditService } from './services/audit-service.js';
import { createAuthService } from './services/auth-service.js';
import { createCsrfService } from './services/csrf-service.js';
import { prepareFirstStart } from './services/first-start.js';
import { createKnownDevices } from './services/known-device.js';
import { createLoginThrottle } from './services/login-throttle.js';
import { createPasswordHasher, type PasswordHasher } from './services/password-hasher.js';
import { createReadinessService } from './services/readiness-service.js';
import {
  createSecretStore,
  resolveSecretKey,
  verifySecretKey,
  type SecretStore,
} from './services/secret-store.js';
import { createSessionService } from './services/session-service.js';
import { createUserService } from './services/user-service.js';

export interface ComposedServices {
  services: Omit<AppDeps['services'], 'bots'>;
  secrets: SecretStore;
  supervisor: SupervisordClient;
  users: UserRepo;
  hasher: PasswordHasher;
  audit: AuditService;
}

/**
 * Builds every repo, adapter and service once, in dependency order (no container, no singletons).
 * @throws ConfigError when the secret key cannot open stored secrets or the admin seed is weak.
 */
export async function composeServices(deps: {
  env: Env;
  db: OpenedDb;
  paths: DataPaths;
  logger: Logger;
  now: () => number;
}): Promise<ComposedServices> {
  const { env, db, paths, logger, now } = deps;
  const secretRepo = createSecretRepo(db.db);
  const masterKey = resolveSecretKey(
    env.secretKey,
    paths.secretKeyFile,
    logger,
    secretRepo.count() > 0,
  );
  const secrets = createSecretStore({ repo: secretRepo, key: masterKey, now });
  verifySecretKey(secrets);
  const users = createUserRepo(db.db);
  const audit = createAuditService({ repo: createAuditRepo(db.db), now });
  const hasher = createPasswordHasher();
  const sessions = createSessionService({
    sessions: createSessionRepo(db.db),
    users,
    now,
    idleMs: env.sessionIdleMs,
    absoluteMs: env.sessionAbsoluteMs,
  });
  const setupToken = await prepareFirstStart({
    users,
    hasher,
    audit,
    adminPassword: env.adminPassword,
    setupTokenFile: paths.setupTokenFile,
    logger,
    now,
  });
  const supervisor = createSupervisordClient({ socketPath: env.supervisorSocket, timeoutMs: 3000 });
  const throttle = createLoginThrottle(now);
  return {
    secrets,
    supervisor,
    users,
    hasher,
    audit,
    services: {
      auth: createAuthService({
        users,
        sessions,
        hasher,
        throttle,
        devices: createKnownDevices(masterKey),
        audit,
        setupToken,
        now,
      }),
      users: createUserService({ users, sessions, hasher, audit, now }),
      sessions,
      audit,
      csrf: createCsrfService(masterKey),
      readiness: createReadinessService({ health: createHealthRepo(db.db), supervisor, now }),
    },
  };
}
