import { UpstreamRejectedError } from '../../domain/errors.js';
import type { Logger } from '../../lib/logger.js';

import { ccxtMarketSchema } from './schemas.js';
import type { ExchangeMarket } from './types.js';

export interface MarketCache {
  /** The cached markets while fresh; otherwise loads them (one load for concurrent callers). */
  get(): Promise<ReadonlyMap<string, ExchangeMarket>>;
  /** Loads now, whatever the age; throws when the load fails. */
  refresh(): Promise<ReadonlyMap<string, ExchangeMarket>>;
  loadedAt(): number | null;
}

/**
 * ccxt unified markets → ours. A market missing a field we rely on is left out (and logged); a
 * list with none we can use is a bad response.
 * @throws UpstreamRejectedError `exchange-bad-response`
 */
export function toExchangeMarkets(raw: unknown, logger: Logger): ExchangeMarket[] {
  const items = Array.isArray(raw) ? raw : [];
  const markets: ExchangeMarket[] = [];
  const skipped: string[] = [];
  for (const item of items) {
    const parsed = ccxtMarketSchema.safeParse(item);
    if (!parsed.success) {
      const symbol = (item as { symbol?: unknown } | null)?.symbol;
      skipped.push(typeof symbol === 'string' ? symbol : '?');
      continue;
    }
    const m = parsed.data;
    if (m.type !== 'spot') continue;
    markets.push({
      symbol: m.symbol,
      base: m.base,
      quote: m.quote,
      active: m.active,
      minNotional: m.limits.cost?.min ?? 0,
      minAmount: m.limits.amount?.min ?? 0,
      amountStep: m.precision.amount,
      priceTick: m.precision.price,
    });
  }
  if (skipped.length > 0) {
    logger.warn(
      { skipped: skipped.length, examples: skipped.slice(0, 5) },
      'Binance markets without the fields Spotdesk needs were left out',
    );
  }
  if (markets.length === 0) {
    throw new UpstreamRejectedError(
      'exchange-bad-response',
      'Binance listed no spot market Spotdesk can use',
    );
  }
  return markets;
}

/**
 * Markets loaded once and kept for `ttlMs` (Binance changes them rarely: listings, filters). When
 * a refresh fails the old list is served and the next attempt waits `retryMs`, so a Binance outage
 * neither blanks bot validation nor turns every request into another exchangeInfo (weight 20).
 */
export function createMarketCache(options: {
  load: () => Promise<ExchangeMarket[]>;
  now: () => number;
  ttlMs: number;
  retryMs: number;
  logger: Logger;
}): MarketCache {
  const { now, ttlMs, retryMs, logger } = options;
  let markets: Map<string, ExchangeMarket> | null = null;
  let loadedAt: number | null = null;
  let retryAt = 0;
  let loading: Promise<Map<string, ExchangeMarket>> | null = null;

  function load(): Promise<Map<string, ExchangeMarket>> {
    loading ??= (async () => {
      try {
        const started = now();
        const list = await options.load();
        markets = new Map(list.map((m) => [m.symbol, m]));
        loadedAt = now();
        logger.info({ count: markets.size, ms: loadedAt - started }, 'Binance markets loaded');
        return markets;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  return {
    async get() {
      const at = now();
      if (markets && loadedAt !== null && at - loadedAt < ttlMs) return markets;
      if (markets && at < retryAt) return markets;
      try {
        return await load();
      } catch (error) {
        if (!markets) throw error;
        retryAt = at + retryMs;
        logger.warn(
          { code: (error as { code?: unknown }).code, loadedAt },
          'Binance markets could not be refreshed; the cached ones are served',
        );
        return markets;
      }
    },
    refresh: load,
    loadedAt: () => loadedAt,
  };
}
