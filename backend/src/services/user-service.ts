import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { Role, User } from '../domain/user.js';
import type { UserRepo } from '../db/repos/user-repo.js';

import type { AuditService } from './audit-service.js';
import type { PasswordHasher } from './password-hasher.js';
import { assertStrongPassword } from './password-policy.js';
import type { SessionService } from './session-service.js';

export function createUserService(deps: {
  users: UserRepo;
  sessions: SessionService;
  hasher: PasswordHasher;
  audit: AuditService;
  now: () => number;
}) {
  const { users, sessions, hasher, audit, now } = deps;
  return {
    list(): User[] {
      return users.list();
    },

    async add(input: {
      actor: User;
      username: string;
      password: string;
      role: Role;
      ip: string;
    }): Promise<User> {
      if (users.findByUsername(input.username)) throw usernameTaken(input.username);
      assertStrongPassword(input.password, input.username);
      const passwordHash = await hasher.hash(input.password);
      if (users.findByUsername(input.username)) throw usernameTaken(input.username);
      const user = users.insert({
        username: input.username,
        role: input.role,
        passwordHash,
        now: now(),
      });
      audit.record({
        actor: input.actor,
        action: 'user-add',
        target: `user:${user.id}`,
        after: user,
        ip: input.ip,
      });
      return user;
    },

    /** @throws ConflictError when removing oneself or the last admin; NotFoundError for unknown ids. */
    remove(input: { actor: User; id: number; ip: string }): void {
      const found = users.findById(input.id);
      if (!found) throw new NotFoundError('user-not-found', `no user with id ${input.id}`);
      if (found.id === input.actor.id) {
        throw new ConflictError('cannot-remove-self', 'you cannot remove your own account');
      }
      if (found.role === 'admin' && users.countByRole('admin') <= 1) {
        throw new ConflictError('last-admin', 'the last admin cannot be removed');
      }
      const { passwordHash: _hash, ...before } = found;
      sessions.destroyAllForUser(found.id);
      users.remove(found.id);
      audit.record({
        actor: input.actor,
        action: 'user-remove',
        target: `user:${found.id}`,
        before,
        ip: input.ip,
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;

function usernameTaken(username: string): ConflictError {
  return new ConflictError('username-taken', `the username ${username} is already taken`);
}
