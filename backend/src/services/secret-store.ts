import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

import { ConfigError } from '../domain/errors.js';
import type { SecretRepo } from '../db/repos/secret-repo.js';
import type { Logger } from '../lib/logger.js';

const ALGORITHM = 'aes-256-gcm';
// A known value sealed at first start: a lost or changed key is caught before anything else fails.
const CHECK_NAME = '__key-check__';
const CHECK_VALUE = 'spotdesk-key-check-v1';

export interface SecretStore {
  put(name: string, value: string): void;
  get(name: string): string | null;
  /** The last four characters at most; the only part of a secret the API may show. */
  hint(name: string): string | null;
  remove(name: string): boolean;
}

export function createSecretStore(deps: {
  repo: SecretRepo;
  key: Buffer;
  now: () => number;
}): SecretStore {
  const { repo, key, now } = deps;

  function get(name: string): string | null {
    const sealed = repo.find(name);
    if (!sealed) return null;
    // The row name is associated data, so a ciphertext copied into another row fails to open.
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv);
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }

  return {
    put(name, value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      repo.save({ name, iv, ciphertext, tag: cipher.getAuthTag() }, now());
    },
    get,
    hint(name) {
      const value = get(name);
      if (value === null) return null;
      return value.length <= 4 ? '' : value.slice(-4);
    },
    remove(name) {
      return repo.remove(name);
    },
  };
}

const WRONG_KEY =
  'the secret key cannot decrypt the stored secrets (SPOTDESK_SECRET_KEY or <data>/secret.key changed); restore the original key';

/**
 * Proves the key opens the check value sealed at first start (read-only: preflight uses it too).
 * @returns false when nothing was sealed yet.
 * @throws ConfigError when the key cannot decrypt the secrets already stored.
 */
export function keyOpensStore(store: SecretStore): boolean {
  try {
    return store.get(CHECK_NAME) !== null;
  } catch (error) {
    throw new ConfigError(WRONG_KEY, { cause: error });
  }
}

/**
 * Seals the check value at first start, or proves the key opens it.
 * @throws ConfigError when the key cannot decrypt the secrets already stored.
 */
export function verifySecretKey(store: SecretStore): void {
  if (!keyOpensStore(store)) store.put(CHECK_NAME, CHECK_VALUE);
}

/**
 * SPOTDESK_SECRET_KEY when set, else the key in `<data>/secret.key`, else undefined (none yet).
 * @throws ConfigError when the key file is unreadable or does not hold a 32-byte key.
 */
export function readSecretKey(fromEnv: Buffer | undefined, keyFile: string): Buffer | undefined {
  if (fromEnv) return fromEnv;
  if (!existsSync(keyFile)) return undefined;
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  if (key.length !== 32) {
    throw new ConfigError(
      `${keyFile} does not hold a 32-byte hex key; restore it from your backup`,
    );
  }
  return key;
}

/** The message for a data directory whose secrets outlived their key. */
export function lostKeyError(keyFile: string): ConfigError {
  return new ConfigError(
    `${keyFile} is missing but the database holds encrypted secrets; restore that file from your backup (or set SPOTDESK_SECRET_KEY to the original key)`,
  );
}

/**
 * The key from readSecretKey; when there is none and nothing is stored yet, a new one is created
 * once in `<data>/secret.key` with mode 0600.
 * @throws ConfigError when there is no key but secrets are stored (a new key could not open them).
 */
export function resolveSecretKey(
  fromEnv: Buffer | undefined,
  keyFile: string,
  logger: Logger,
  hasStoredSecrets: boolean,
): Buffer {
  const existing = readSecretKey(fromEnv, keyFile);
  if (existing) return existing;
  if (hasStoredSecrets) throw lostKeyError(keyFile);
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  logger.warn(
    { keyFile },
    `generated a new secret key in ${keyFile}: back this file up (without it stored secrets cannot be read), or set SPOTDESK_SECRET_KEY`,
  );
  return key;
}
