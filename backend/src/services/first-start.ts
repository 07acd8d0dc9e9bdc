import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';

import { ConfigError, ValidationError } from '../domain/errors.js';
import type { UserRepo } from '../db/repos/user-repo.js';
import type { Logger } from '../lib/logger.js';

import type { AuditService } from './audit-service.js';
import type { PasswordHasher } from './password-hasher.js';
import { assertStrongPassword } from './password-policy.js';

export interface SetupTokenHolder {
  get(): string | null;
  clear(): void;
}

/**
 * With no user yet: seeds admin `admin` from SPOTDESK_ADMIN_PASSWORD, or else issues a one-time
 * setup token (logged, and written to `<data>/run/setup-token` with mode 0600).
 * @throws ConfigError when SPOTDESK_ADMIN_PASSWORD breaks the password rules.
 */
export async function prepareFirstStart(deps: {
  users: UserRepo;
  hasher: PasswordHasher;
  audit: AuditService;
  adminPassword: string | undefined;
  setupTokenFile: string;
  logger: Logger;
  now: () => number;
}): Promise<SetupTokenHolder> {
  const { users, setupTokenFile, logger } = deps;
  let token: string | null = null;
  const holder: SetupTokenHolder = {
    get: () => token,
    clear() {
      token = null;
      rmSync(setupTokenFile, { force: true });
    },
  };
  if (users.count() > 0) {
    holder.clear();
    return holder;
  }
  if (deps.adminPassword !== undefined) {
    try {
      assertStrongPassword(deps.adminPassword, 'admin');
    } catch (error) {
      if (error instanceof ValidationError)
        throw new ConfigError(`SPOTDESK_ADMIN_PASSWORD: ${error.message}`);
      throw error;
    }
    const user = users.insert({
      username: 'admin',
      role: 'admin',
      passwordHash: await deps.hasher.hash(deps.adminPassword),
      now: deps.now(),
    });
    deps.audit.record({
      actor: 'system',
      action: 'setup',
      target: `user:${user.id}`,
      after: user,
      reason: 'seeded from SPOTDESK_ADMIN_PASSWORD',
    });
    logger.info(
      { username: user.username },
      'First start: admin "admin" created from SPOTDESK_ADMIN_PASSWORD',
    );
    holder.clear();
    return holder;
  }
  token = randomBytes(24).toString('base64url');
  writeFileSync(setupTokenFile, `${token}\n`, { mode: 0o600 });
  logger.warn(
    `First start: open the panel and enter setup token ${token} (also in ${setupTokenFile})`,
  );
  return holder;
}
