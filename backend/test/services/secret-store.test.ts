import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSecretRepo } from '../../src/db/repos/secret-repo.js';
import { ConfigError } from '../../src/domain/errors.js';
import { createLogger } from '../../src/lib/logger.js';
import {
  createSecretStore,
  resolveSecretKey,
  verifySecretKey,
} from '../../src/services/secret-store.js';
import { createTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
beforeEach(() => {
  db = createTempDb();
});
afterEach(() => db.cleanup());

const storeWith = (key: Buffer) =>
  createSecretStore({ repo: createSecretRepo(db.db), key, now: () => 0 });

describe('secret store', () => {
  it('when a value is put, then get returns it, the row holds no plaintext, and hint shows the last four', () => {
    const store = storeWith(randomBytes(32));

    store.put('binance.apiSecret', 'sk-live-1234567890abcd');

    expect(store.get('binance.apiSecret')).toBe('sk-live-1234567890abcd');
    expect(store.hint('binance.apiSecret')).toBe('abcd');
    const raw = JSON.stringify(db.sqlite.prepare('SELECT * FROM secrets').all());
    expect(raw).not.toContain('1234567890');
    expect(store.get('missing')).toBeNull();
    expect(store.remove('binance.apiSecret')).toBe(true);
    expect(store.get('binance.apiSecret')).toBeNull();
  });

  it('when the same value is written twice, then each write uses a fresh IV', () => {
    const store = storeWith(randomBytes(32));
    store.put('a', 'same value');
    const first = db.sqlite.prepare('SELECT iv, ciphertext FROM secrets').get();

    store.put('a', 'same value');

    expect(db.sqlite.prepare('SELECT iv, ciphertext FROM secrets').get()).not.toEqual(first);
  });

  it('when ciphertext is copied from one row into another, then opening it fails (row id is bound)', () => {
    const store = storeWith(randomBytes(32));
    store.put('a', 'value-of-a');
    store.put('b', 'value-of-b');

    db.sqlite
      .prepare(
        `UPDATE secrets SET (iv, ciphertext, tag) = (SELECT iv, ciphertext, tag FROM secrets WHERE name = 'a') WHERE name = 'b'`,
      )
      .run();

    expect(() => store.get('b')).toThrow();
    expect(store.get('a')).toBe('value-of-a');
  });

  it('when the key changed since the first start, then verifySecretKey stops start-up with a clear ConfigError', () => {
    verifySecretKey(storeWith(randomBytes(32)));

    const act = () => verifySecretKey(storeWith(randomBytes(32)));

    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/cannot decrypt the stored secrets/);
  });

  it('when no key is configured, then one is generated once into secret.key with mode 0600 and a warning', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (c: Buffer, _e, done) => void (lines.push(String(c)), done()) }),
    );
    const keyFile = path.join(db.dir, 'secret.key');

    const first = resolveSecretKey(undefined, keyFile, logger, false);
    const second = resolveSecretKey(undefined, keyFile, logger, true);

    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('back this file up');
    expect(lines[0]).not.toContain(first.toString('hex'));
  });

  it('when secret.key is gone but secrets are stored, then start-up refuses and writes no new key', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (c: Buffer, _e, done) => void (lines.push(String(c)), done()) }),
    );
    const keyFile = path.join(db.dir, 'secret.key');

    const act = () => resolveSecretKey(undefined, keyFile, logger, true);

    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/secret\.key is missing but the database holds encrypted secrets; restore/);
    expect(existsSync(keyFile)).toBe(false);
    expect(lines).toHaveLength(0);
  });
});
