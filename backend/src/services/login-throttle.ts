import { TooManyRequestsError } from '../domain/errors.js';

const FREE_FAILURES = 5;
const MAX_DELAY_MS = 60_000;
// A quiet quarter hour forgets the failures: throttling slows guessing, it never locks anyone out.
const FORGET_AFTER_MS = 15 * 60_000;

interface Failures {
  count: number;
  lastAt: number;
}

export interface LoginThrottle {
  /** @throws TooManyRequestsError while any key is inside its back-off window. */
  check(keys: string[]): void;
  fail(keys: string[]): void;
  succeed(keys: string[]): void;
}

/**
 * What a sign-in attempt counts against: its IP and the username, or, from a browser that signed
 * in as that user before (`knownDeviceId`), that device alone — so failures elsewhere never keep
 * the real user out of their own browser.
 */
export function throttleKeys(ip: string, username: string, knownDeviceId?: string): string[] {
  if (knownDeviceId) return [`device:${knownDeviceId}:${username.toLowerCase()}`];
  return [`ip:${ip}`, `user:${username.toLowerCase()}`];
}

export function createLoginThrottle(now: () => number): LoginThrottle {
  const failures = new Map<string, Failures>();

  function current(key: string, at: number): Failures | undefined {
    const entry = failures.get(key);
    if (entry && at - entry.lastAt > FORGET_AFTER_MS) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    check(keys) {
      const at = now();
      let waitMs = 0;
      for (const key of keys) {
        const entry = current(key, at);
        if (!entry || entry.count < FREE_FAILURES) continue;
        // 1s after the 5th failure, then 2s, 4s, … up to a minute.
        const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (entry.count - FREE_FAILURES));
        waitMs = Math.max(waitMs, entry.lastAt + delay - at);
      }
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new TooManyRequestsError(
          'too-many-attempts',
          `too many failed sign-ins; try again in ${seconds} s`,
          seconds,
        );
      }
    },
    fail(keys) {
      const at = now();
      if (failures.size > 10_000) {
        for (const [key, entry] of failures)
          if (at - entry.lastAt > FORGET_AFTER_MS) failures.delete(key);
      }
      for (const key of keys) {
        const entry = current(key, at);
        failures.set(key, { count: (entry?.count ?? 0) + 1, lastAt: at });
      }
    },
    succeed(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
