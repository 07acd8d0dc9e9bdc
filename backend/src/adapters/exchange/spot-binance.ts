import { BadResponse, ExchangeError, binance, type Dict } from './ccxt-binance.js';

import type { ExchangeCredentials } from './types.js';
import type { RateGuard } from './rate-guard.js';
import { binanceErrorSchema } from './schemas.js';

/** Restricts ccxt to Binance Spot (binance-spot.md §A.2): `loadMarkets` asks only exchangeInfo. */
export const SPOT_ONLY_OPTIONS = {
  defaultType: 'spot',
  fetchMarkets: { types: ['spot'] },
  fetchCurrencies: false,
  fetchMargins: false,
} as const;

/** What an answer said, kept for the error thrown while ccxt read it. */
export interface HttpContext {
  status: number;
  binance?: { code: number; msg: string };
}

export interface ExchangeHooks {
  guard: RateGuard;
  /** Errors ccxt threw while reading an answer → that answer's status and Binance's error body. */
  contexts: WeakMap<object, HttpContext>;
}

const pathOf = (url: string) => new URL(url).pathname;

/**
 * ccxt.binance with three seams: every REST request passes the rate guard *before* it is signed
 * (a signed timestamp must not age while it waits), every answer feeds the guard's figures, and
 * every error ccxt throws while reading an answer is tagged with that answer's status and body, so
 * concurrent calls never mix them up (ccxt's `last_response_headers` is shared per instance).
 */
export class SpotBinance extends binance {
  private readonly hooks: ExchangeHooks;

  constructor(config: Dict, hooks: ExchangeHooks) {
    super(config);
    this.hooks = hooks;
  }

  override async fetch2(
    path: unknown,
    api?: unknown,
    method?: string,
    params?: Dict,
    headers?: unknown,
    body?: unknown,
    config?: object,
  ): Promise<unknown> {
    await this.hooks.guard.beforeRequest();
    return super.fetch2(path, api, method, params, headers, body, config);
  }

  override handleErrors(
    status: number,
    statusText: string,
    url: string,
    method: string,
    headers: Dict,
    body: string,
    response: unknown,
    requestHeaders: unknown,
    requestBody: unknown,
  ): undefined {
    const path = pathOf(url);
    this.hooks.guard.onResponse({ status, path, headers, json: response });
    try {
      super.handleErrors(
        status,
        statusText,
        url,
        method,
        headers,
        body,
        response,
        requestHeaders,
        requestBody,
      );
    } catch (error) {
      throw this.tag(error, status, response);
    }
    // ccxt resolves a 2xx it cannot parse with the raw text (a truncated answer "succeeds").
    if (status < 300 && response === undefined) {
      throw this.tag(
        new BadResponse(
          `binance ${method} ${path} answered ${status} with a body that is not JSON`,
        ),
        status,
        undefined,
      );
    }
    return undefined;
  }

  override handleHttpStatusCode(
    code: number,
    reason: string,
    url: string,
    method: string,
    body: string,
  ): void {
    try {
      super.handleHttpStatusCode(code, reason, url, method, body);
    } catch (error) {
      throw this.tag(error, code, undefined);
    }
    // ccxt lets a status it has no class for through as a success; it never is one.
    if (code >= 400) {
      throw this.tag(
        new ExchangeError(`binance ${method} ${pathOf(url)} answered HTTP ${code}`),
        code,
        undefined,
      );
    }
  }

  private tag(error: unknown, status: number, response: unknown): unknown {
    if (typeof error === 'object' && error !== null) {
      const parsed = binanceErrorSchema.safeParse(response);
      this.hooks.contexts.set(error, {
        status,
        ...(parsed.success ? { binance: parsed.data } : {}),
      });
    }
    return error;
  }
}

/**
 * Points every REST base URL ccxt knows for binance (api public/private/v1, sapi v1–v4, fapi*,
 * dapi*, eapi*, papi*) at `restUrl`, keeping each one's path. A stray sapi/fapi call then reaches
 * the sim (and 404s there) or api.binance.com, never another host. `sign()` throws NotSupported
 * for a missing key, so keys are only rewritten, never removed.
 */
export function restUrls(defaults: Record<string, unknown>, restUrl: string): Dict {
  const base = restUrl.replace(/\/+$/, '');
  const urls: Dict = {};
  for (const [key, value] of Object.entries(defaults)) {
    urls[key] = typeof value === 'string' ? `${base}${new URL(value).pathname}` : value;
  }
  return urls;
}

export function createSpotBinance(options: {
  restUrl: string;
  wsUrl: string | undefined;
  timeoutMs: number;
  credentials: ExchangeCredentials | null;
  hooks: ExchangeHooks;
}): SpotBinance {
  const exchange = new SpotBinance(
    {
      // ccxt's throttler assumes this process owns the IP's whole budget, which the bots share;
      // Binance's own weight header and 429/418 govern instead (README, "Rate limits").
      enableRateLimit: false,
      timeout: options.timeoutMs,
      ...(options.credentials ?? {}),
      options: {
        ...SPOT_ONLY_OPTIONS,
        adjustForTimeDifference: true,
        // Never retry blindly: the adapter alone decides (one retry of a read after a 429).
        maxRetriesOnFailure: 0,
        maxRetriesOnFailureDelay: 0,
      },
    },
    options.hooks,
  );
  exchange.urls = {
    ...exchange.urls,
    api: {
      ...restUrls(exchange.urls.api, options.restUrl),
      ...(options.wsUrl ? { ws: { spot: options.wsUrl } } : {}),
    },
  };
  return exchange;
}
