import { setTimeout as sleep } from 'node:timers/promises';

import { TooManyRequestsError, UpstreamUnavailableError } from '../../domain/errors.js';
import type { Logger } from '../../lib/logger.js';

import { binanceErrorSchema, exchangeInfoLimitsSchema } from './schemas.js';

// Binance counts request weight per IP per calendar minute and reports it on every answer. Past
// the limit it answers 429 with Retry-After; an IP that keeps sending gets 418 and a ban of minutes
// to days. One guard per adapter holds that state for every ccxt instance the adapter builds, so a
// 429 seen by one call makes every other call wait, and a 418 stops them all before they send.

export interface ResponseSeen {
  status: number;
  /** Path only: the query of a signed call carries its signature. */
  path: string;
  headers: Record<string, string>;
  json: unknown;
}

export interface RateGuard {
  /** Resolves when a request may be sent; throws when banned or when the wait is too long. */
  beforeRequest(): Promise<void>;
  onResponse(response: ResponseSeen): void;
  /** The error for a call that got a 429 and is not retried. */
  rateLimitedError(): TooManyRequestsError;
  bannedError(): UpstreamUnavailableError;
  snapshot(): {
    usedWeight1m: number | null;
    usedWeightAt: number | null;
    weightLimit1m: number | null;
    sapiUsedWeight1m: number | null;
    rateLimitedUntil: number | null;
    bannedUntil: number | null;
  };
}

// Used only when Binance leaves Retry-After out: the weight resets at the next minute, and a first
// ban lasts two minutes.
const DEFAULT_BAN_MS = 120_000;
const BANNED_UNTIL = /banned until (\d{10,})/;

function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function intHeader(headers: Record<string, string>, name: string): number | null {
  const raw = header(headers, name);
  return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : null;
}

/** Retry-After as ms: delta-seconds (what Binance sends) or an HTTP date. */
function retryAfterMs(headers: Record<string, string>, now: number): number | null {
  const raw = header(headers, 'retry-after')?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function createRateGuard(options: {
  now: () => number;
  logger: Logger;
  /** A call waits at most this long for a 429 to pass; longer, and it fails at once. */
  maxWaitMs: number;
  /** The exchange's clock minus ours, to read a ban end Binance states in its own time. */
  clockOffsetMs: () => number | null;
}): RateGuard {
  const { now, logger, maxWaitMs } = options;
  let usedWeight1m: number | null = null;
  let usedWeightAt: number | null = null;
  let weightLimit1m: number | null = null;
  let sapiUsedWeight1m: number | null = null;
  let rateLimitedUntil = 0;
  let bannedUntil = 0;

  const bannedError = () => {
    const until = new Date(bannedUntil).toISOString();
    return new UpstreamUnavailableError(
      'exchange-banned',
      `Binance has banned this IP for too many requests until ${until}; nothing is sent until then`,
      { details: { until } },
    );
  };

  const rateLimitedError = () => {
    const seconds = Math.max(1, Math.ceil((rateLimitedUntil - now()) / 1000));
    return new TooManyRequestsError(
      'exchange-rate-limited',
      `Binance's request weight limit for this IP is reached; try again in ${seconds} s`,
      seconds,
    );
  };

  function banEnd(response: ResponseSeen, at: number): number {
    const delay = retryAfterMs(response.headers, at);
    if (delay !== null) return at + delay;
    const body = binanceErrorSchema.safeParse(response.json);
    const match = body.success ? BANNED_UNTIL.exec(body.data.msg) : null;
    if (match?.[1]) return Number(match[1]) - (options.clockOffsetMs() ?? 0);
    return at + DEFAULT_BAN_MS;
  }

  function readWeightLimit(json: unknown): void {
    const parsed = exchangeInfoLimitsSchema.safeParse(json);
    const limit = parsed.success
      ? parsed.data.rateLimits.find(
          (l) =>
            l.rateLimitType === 'REQUEST_WEIGHT' && l.interval === 'MINUTE' && l.intervalNum === 1,
        )
      : undefined;
    if (limit) weightLimit1m = limit.limit;
  }

  return {
    async beforeRequest() {
      let at = now();
      if (bannedUntil > at) throw bannedError();
      // Loops because another call's 429 may push the end further while this one sleeps.
      while (rateLimitedUntil > at) {
        const wait = rateLimitedUntil - at;
        if (wait > maxWaitMs) throw rateLimitedError();
        await sleep(wait);
        at = Math.max(now(), at + wait);
        if (bannedUntil > at) throw bannedError();
      }
    },

    onResponse(response) {
      const at = now();
      const weight = intHeader(response.headers, 'x-mbx-used-weight-1m');
      if (weight !== null) {
        usedWeight1m = weight;
        usedWeightAt = at;
      }
      const sapiWeight = intHeader(response.headers, 'x-sapi-used-ip-weight-1m');
      if (sapiWeight !== null) sapiUsedWeight1m = sapiWeight;
      if (response.status === 200 && response.path.endsWith('/exchangeInfo')) {
        readWeightLimit(response.json);
      }
      if (response.status === 429) {
        const delay = retryAfterMs(response.headers, at) ?? 60_000 - (at % 60_000);
        rateLimitedUntil = Math.max(rateLimitedUntil, at + delay);
        logger.warn(
          { path: response.path, retryAfterMs: delay, usedWeight1m: weight },
          'Binance rate limit reached (429): REST calls wait until Retry-After has passed',
        );
      }
      if (response.status === 418) {
        bannedUntil = Math.max(bannedUntil, banEnd(response, at));
        logger.error(
          { path: response.path, until: new Date(bannedUntil).toISOString() },
          'Binance banned this IP (418): no REST call is sent until the ban ends',
        );
      }
    },

    rateLimitedError,
    bannedError,

    snapshot() {
      const at = now();
      return {
        usedWeight1m,
        usedWeightAt,
        weightLimit1m,
        sapiUsedWeight1m,
        rateLimitedUntil: rateLimitedUntil > at ? rateLimitedUntil : null,
        bannedUntil: bannedUntil > at ? bannedUntil : null,
      };
    },
  };
}
