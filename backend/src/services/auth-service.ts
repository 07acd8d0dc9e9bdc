import { timingSafeEqual } from 'node:crypto';

import { AuthError, ConflictError, ForbiddenError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import type { UserRepo } from '../db/repos/user-repo.js';

import type { AuditService } from './audit-service.js';
import type { KnownDevices } from './known-device.js';
import type { LoginThrottle } from './login-throttle.js';
import { throttleKeys } from './login-throttle.js';
import type { PasswordHasher } from './password-hasher.js';
import type { SessionService } from './session-service.js';
import type { SetupTokenHolder } from './first-start.js';
import { assertStrongPassword } from './password-policy.js';

export interface SignedIn {
  user: User;
  sessionToken: string;
  /** A known-device token for this browser and user (see known-device.ts). */
  deviceToken: string;
}

const INVALID_CREDENTIALS = 'wrong username or password';

export function createAuthService(deps: {
  users: UserRepo;
  sessions: SessionService;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  devices: KnownDevices;
  audit: AuditService;
  setupToken: SetupTokenHolder;
  now: () => number;
}) {
  const { users, sessions, hasher, throttle, devices, audit, setupToken, now } = deps;

  return {
    isSetupRequired(): boolean {
      return users.count() === 0;
    },

    async setup(input: {
      setupToken: string;
      username: string;
      password: string;
      ip: string;
    }): Promise<SignedIn> {
      if (users.count() > 0)
        throw new ConflictError('already-set-up', 'Spotdesk is already set up; sign in');
      const expected = setupToken.get();
      if (!expected || !safeEqual(expected, input.setupToken)) {
        throw new ForbiddenError(
          'invalid-setup-token',
          'the setup token is wrong; copy it from the log or <data>/run/setup-token',
        );
      }
      assertStrongPassword(input.password, input.username);
      const passwordHash = await hasher.hash(input.password);
      // Re-checked after the slow hash: two racing setups must not both create an admin.
      if (users.count() > 0)
        throw new ConflictError('already-set-up', 'Spotdesk is already set up; sign in');
      const user = users.insert({
        username: input.username,
        role: 'admin',
        passwordHash,
        now: now(),
      });
      setupToken.clear();
      const actor = { id: user.id, username: user.username };
      audit.record({
        actor,
        action: 'setup',
        target: `user:${user.id}`,
        after: user,
        ip: input.ip,
      });
      return {
        user,
        sessionToken: sessions.create(user.id),
        deviceToken: devices.issue(user.username),
      };
    },

    /** A browser that was signed in gets a new session id; the old one is deleted. */
    async login(input: {
      username: string;
      password: string;
      ip: string;
      previousSessionToken?: string;
      deviceToken?: string;
    }): Promise<SignedIn> {
      const knownDevice = devices.verify(input.deviceToken, input.username);
      const keys = throttleKeys(input.ip, input.username, knownDevice);
      throttle.check(keys);
      const found = users.findByUsername(input.username);
      const ok = found
        ? await hasher.verify(found.passwordHash, input.password)
        : await hasher.verifyDummy(input.password);
      if (!found || !ok) {
        throttle.fail(keys);
        audit.record({
          actor: 'system',
          action: 'login-failed',
          target: `username:${input.username}`,
          after: { username: input.username },
          ip: input.ip,
        });
        throw new AuthError('invalid-credentials', INVALID_CREDENTIALS);
      }
      throttle.succeed(keys);
      if (input.previousSessionToken) sessions.destroy(input.previousSessionToken);
      const { passwordHash: _hash, ...user } = found;
      audit.record({
        actor: { id: user.id, username: user.username },
        action: 'login',
        target: `user:${user.id}`,
        ip: input.ip,
      });
      return {
        user,
        sessionToken: sessions.create(user.id),
        deviceToken:
          knownDevice && input.deviceToken ? input.deviceToken : devices.issue(user.username),
      };
    },

    logout(input: { user: User; sessionToken: string; ip: string }): void {
      sessions.destroy(input.sessionToken);
      audit.record({
        actor: input.user,
        action: 'logout',
        target: `user:${input.user.id}`,
        ip: input.ip,
      });
    },

    /** Ends every session of the user, then opens a fresh one for the caller. */
    async changePassword(input: {
      user: User;
      currentPassword: string;
      newPassword: string;
      ip: string;
    }): Promise<string> {
      const found = users.findById(input.user.id);
      if (!found || !(await hasher.verify(found.passwordHash, input.currentPassword))) {
        throw new AuthError('invalid-credentials', 'the current password is wrong');
      }
      assertStrongPassword(input.newPassword, found.username, 'newPassword');
      users.updatePassword(found.id, await hasher.hash(input.newPassword), now());
      sessions.destroyAllForUser(found.id);
      audit.record({
        actor: input.user,
        action: 'password-change',
        target: `user:${found.id}`,
        ip: input.ip,
      });
      return sessions.create(found.id);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
