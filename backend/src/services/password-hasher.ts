import argon2 from 'argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes): slow enough to hurt guessing, fast enough for 2 cores.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
  verifyDummy(password: string): Promise<false>;
}

export function createPasswordHasher(): PasswordHasher {
  let dummyHash: Promise<string> | null = null;
  return {
    hash: (password) => argon2.hash(password, OPTIONS),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
    async verifyDummy(password) {
      dummyHash ??= argon2.hash('spotdesk-dummy-password-for-timing', OPTIONS);
      await argon2.verify(await dummyHash, password).catch(() => false);
      return false;
    },
  };
}
