import { z } from 'zod';

import { AppError, ValidationError } from '../../domain/errors.js';
import type { Logger } from '../../lib/logger.js';

import { translateExchangeError } from './errors.js';
import {
  accountAllowsTrading,
  assertKeyAcceptable,
  keyRefusedIssue,
  keyWarnings,
  nonZeroBalances,
  type KeyRights,
} from './key-check.js';
import { createMarketCache, toExchangeMarkets } from './market-cache.js';
import { createRateGuard } from './rate-guard.js';
import {
  accountSchema,
  apiRestrictionsSchema,
  ccxtOrderSchema,
  ccxtTickerSchema,
  timeDifferenceSchema,
} from './schemas.js';
import { createSpotBinance, type ExchangeHooks, type SpotBinance } from './spot-binance.js';
import { createSpotStreams } from './spot-streams.js';
import type {
  AssetBalance,
  ExchangeCandle,
  ExchangeCredentials,
  ExchangeFigures,
  ExchangeMarket,
  ExchangeOrder,
  ExchangeTicker,
  KeyCheck,
  OrderRequest,
} from './types.js';

export type * from './types.js';

export interface ExchangeAdapter {
  /** The spot market `BASE/QUOTE`, or undefined when Binance lists none by that name. */
  market(symbol: string): Promise<ExchangeMarket | undefined>;
  markets(filter?: { quote?: string }): Promise<ExchangeMarket[]>;
  /** Reloads the market list now (and re-measures the clock); throws when that fails. */
  refreshMarkets(): Promise<void>;
  figures(): ExchangeFigures;
  /** Measures the clock offset (GET /api/v3/time, weight 1) unless it is fresh; throws when down. */
  measureClock(): Promise<void>;
  /** The installation's one Binance account (Settings); null forgets it. */
  setCredentials(credentials: ExchangeCredentials | null): void;
  hasCredentials(): boolean;
  /**
   * Checks a key for Settings without storing it: its rights, then the account.
   * @throws ValidationError `exchange-key-can-withdraw` / `-cannot-trade` / `-cannot-read` /
   *   `-invalid`, each with an `apiKey` (or `secret`) issue naming what to change on Binance.
   */
  checkKey(credentials: ExchangeCredentials): Promise<KeyCheck>;
  /**
   * Closed and current candles of a spot pair (`GET /api/v3/klines`), oldest first, the last one
   * still open; `limit` at most 1000 (Binance's cap).
   */
  candles(symbol: string, timeframe: string, limit?: number): Promise<ExchangeCandle[]>;
  /** 24 h tickers of these pairs in one call (`GET /api/v3/ticker/24hr?symbols=[…]`). */
  tickers(symbols: string[]): Promise<Map<string, ExchangeTicker>>;
  /**
   * The newest candles of the pair's kline stream (ccxt.pro `watchOHLCV`, the last 3), oldest first:
   * resolves on the stream's next push. The first call subscribes; calls for the same
   * (pair, timeframe) share that one subscription. Rejects (translated) when the stream fails.
   */
  watchCandles(symbol: string, timeframe: string): Promise<ExchangeCandle[]>;
  /** The pair's next `@ticker` push (with bid/ask), sharing one subscription per pair. */
  watchTicker(symbol: string): Promise<ExchangeTicker>;
  unwatchCandles(symbol: string, timeframe: string): Promise<void>;
  unwatchTicker(symbol: string): Promise<void>;
  /** Closes every stream connection (shutdown). */
  closeStreams(): Promise<void>;
  /** Non-zero balances of the account set with `setCredentials`. */
  fetchBalance(): Promise<AssetBalance[]>;
  /**
   * Places an order once. It is never retried: after `exchange-unavailable`, `-timeout` or
   * `-bad-response` it may exist anyway, so look it up by `clientOrderId` before sending another.
   */
  createOrder(order: OrderRequest): Promise<ExchangeOrder>;
}

export interface ExchangeAdapterOptions {
  /** `https://api.binance.com` or the simulator's `http://127.0.0.1:PORT`; chosen by the caller. */
  restUrl: string;
  /** Spot stream base (`wss://stream.binance.com:9443/ws`, the sim's `ws://…/stream/ws`). */
  wsUrl?: string;
  logger: Logger;
  now?: () => number;
  marketsTtlMs?: number;
  /** Per request (ccxt `timeout`). */
  timeoutMs?: number;
  /** A call waits this long at most for a 429's Retry-After; longer, it fails at once. */
  maxRateLimitWaitMs?: number;
}

const MARKETS_RETRY_MS = 60_000;

// ccxt's OHLCV rows: [time ms, open, high, low, close, volume].
const candlesSchema = z.array(
  z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]),
);
const tickersSchema = z.record(z.string(), ccxtTickerSchema);

const toCandles = (rows: z.infer<typeof candlesSchema>): ExchangeCandle[] =>
  rows.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));

/** Binance Spot through ccxt, spot-only, with Binance's rate-limit rules kept for every call. */
export function createExchangeAdapter(options: ExchangeAdapterOptions): ExchangeAdapter {
  const {
    restUrl,
    wsUrl,
    now = Date.now,
    marketsTtlMs = 3_600_000,
    timeoutMs = 10_000,
    maxRateLimitWaitMs = 10_000,
  } = options;
  const logger = options.logger.child({ component: 'exchange' });
  let clockMeasuredAt: number | null = null;
  let clockStale = false;
  let credentials: ExchangeCredentials | null = null;

  const clockOffsetMs = (): number | null => {
    if (clockMeasuredAt === null) return null;
    const parsed = timeDifferenceSchema.safeParse(main.options['timeDifference']);
    return parsed.success ? 0 - parsed.data : null;
  };
  const guard = createRateGuard({ now, logger, maxWaitMs: maxRateLimitWaitMs, clockOffsetMs });
  const hooks: ExchangeHooks = { guard, contexts: new WeakMap() };
  const build = (keys: ExchangeCredentials | null) =>
    createSpotBinance({ restUrl, wsUrl, timeoutMs, credentials: keys, hooks });
  const main: SpotBinance = build(null);
  const streams = createSpotStreams({ restUrl, wsUrl, timeoutMs, logger });

  /** Runs one exchange operation under the rules: a read that met a 429 is sent once more. */
  async function run<T>(operation: string, call: () => Promise<T>, idempotent: boolean) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        const context =
          typeof error === 'object' && error !== null ? hooks.contexts.get(error) : undefined;
        // The retry passes the guard first, so it waits out Retry-After (or fails if too long).
        if (context?.status === 429 && idempotent && attempt === 0) continue;
        const translated = translateExchangeError(error, operation, context, guard);
        if (translated instanceof AppError && translated.details?.['reason'] === 'clock-skew') {
          clockStale = true;
        }
        throw translated;
      }
    }
  }

  function parsed<S extends z.ZodType>(
    schema: S,
    operation: string,
    call: () => Promise<unknown>,
    idempotent: boolean,
  ): Promise<z.infer<S>> {
    return run(operation, async () => schema.parse(await call()), idempotent);
  }

  const marketCache = createMarketCache({
    now,
    ttlMs: marketsTtlMs,
    retryMs: MARKETS_RETRY_MS,
    logger,
    load: () =>
      run(
        'the market list',
        async () => {
          // fetchMarkets, not loadMarkets: ccxt keeps a failed loadMarkets as a rejected promise
          // that every later call would get back. With adjustForTimeDifference it also asks /time.
          const list: unknown = await main.fetchMarkets();
          const mapped = toExchangeMarkets(list, logger);
          main.setMarkets(list);
          streams.setMarkets(list);
          clockMeasuredAt = now();
          clockStale = false;
          return mapped;
        },
        true,
      ),
  });

  /** Signed calls carry a timestamp Binance checks against its own clock (recvWindow 10 s). */
  async function ensureClock(): Promise<void> {
    const fresh = clockMeasuredAt !== null && !clockStale && now() - clockMeasuredAt < marketsTtlMs;
    if (fresh) return;
    await run('the server time', () => main.loadTimeDifference(), true);
    clockMeasuredAt = now();
    clockStale = false;
  }

  function requireCredentials(): void {
    if (!credentials) {
      throw new AppError(
        'exchange-key-invalid',
        'no Binance API key is saved: add one in Settings',
        400,
      );
    }
  }

  return {
    async market(symbol) {
      return (await marketCache.get()).get(symbol);
    },

    async markets(filter = {}) {
      const all = [...(await marketCache.get()).values()];
      return filter.quote === undefined ? all : all.filter((m) => m.quote === filter.quote);
    },

    async refreshMarkets() {
      await marketCache.refresh();
    },

    figures() {
      return {
        ...guard.snapshot(),
        clockOffsetMs: clockOffsetMs(),
        marketsLoadedAt: marketCache.loadedAt(),
      };
    },

    measureClock: ensureClock,

    setCredentials(next) {
      credentials = next;
      main.apiKey = next?.apiKey ?? '';
      main.secret = next?.secret ?? '';
      // ccxt reads a later -2015 as a temporary ban once a private call has worked (errors.ts).
      main.options['hasAlreadyAuthenticatedSuccessfully'] = false;
    },

    hasCredentials: () => credentials !== null,

    async checkKey(keys) {
      await ensureClock();
      const probe = build(keys);
      probe.options['timeDifference'] = main.options['timeDifference'];
      try {
        const restrictions = await parsed(
          apiRestrictionsSchema,
          'the key check',
          () => probe.sapiGetAccountApiRestrictions(),
          true,
        );
        const rights: KeyRights = {
          canRead: restrictions.enableReading,
          canTrade: restrictions.enableSpotAndMarginTrading,
          canWithdraw: restrictions.enableWithdrawals,
          ipRestricted: restrictions.ipRestrict,
        };
        assertKeyAcceptable(rights);
        const account = await parsed(
          accountSchema,
          'the account',
          () => probe.privateGetAccount({ omitZeroBalances: true }),
          true,
        );
        if (!accountAllowsTrading(account)) assertKeyAcceptable({ ...rights, canTrade: false });
        const warnings = keyWarnings(rights);
        logger.info({ ...rights, warnings }, 'Binance API key checked');
        return { ...rights, balances: nonZeroBalances(account), warnings };
      } catch (error) {
        if (error instanceof AppError) logger.warn({ code: error.code }, 'Binance API key refused');
        if (error instanceof AppError && error.code === 'exchange-key-invalid') {
          throw new ValidationError(
            [keyRefusedIssue(error.details?.['code'])],
            'exchange-key-invalid',
            error.message,
          );
        }
        throw error;
      }
    },

    async candles(symbol, timeframe, limit = 500) {
      await marketCache.get();
      const rows = await parsed(
        candlesSchema,
        `the ${timeframe} candles of ${symbol}`,
        () => main.fetchOHLCV(symbol, timeframe, undefined, Math.min(1000, Math.max(1, limit))),
        true,
      );
      return toCandles(rows);
    },

    async tickers(symbols) {
      await marketCache.get();
      if (symbols.length === 0) return new Map();
      const all = await parsed(
        tickersSchema,
        `the tickers of ${symbols.join(', ')}`,
        () => main.fetchTickers(symbols),
        true,
      );
      return new Map(
        Object.values(all).flatMap((t) => {
          const ticker = toTicker(t, now());
          return ticker ? [[ticker.symbol, ticker] as const] : [];
        }),
      );
    },

    async watchCandles(symbol, timeframe) {
      await marketCache.get();
      const rows = await run(
        `the ${timeframe} candle stream of ${symbol}`,
        async () => candlesSchema.parse(await streams.watchOHLCV(symbol, timeframe)),
        true,
      );
      return toCandles(rows);
    },

    async watchTicker(symbol) {
      await marketCache.get();
      return run(
        `the ticker stream of ${symbol}`,
        async () => {
          const ticker = toTicker(ccxtTickerSchema.parse(await streams.watchTicker(symbol)), now());
          if (!ticker) throw new AppError('exchange-bad-response', `no price for ${symbol}`, 502);
          return ticker;
        },
        true,
      );
    },

    unwatchCandles: (symbol, timeframe) => streams.unwatchOHLCV(symbol, timeframe),
    unwatchTicker: (symbol) => streams.unwatchTicker(symbol),
    closeStreams: () => streams.close(),

    async fetchBalance() {
      requireCredentials();
      await ensureClock();
      const account = await parsed(
        accountSchema,
        'the account balance',
        () => main.privateGetAccount({ omitZeroBalances: true }),
        true,
      );
      return nonZeroBalances(account);
    },

    async createOrder(order) {
      requireCredentials();
      // ccxt needs the market for precision; the cache hands it the list it loaded.
      await marketCache.get();
      await ensureClock();
      const params = order.clientOrderId ? { clientOrderId: order.clientOrderId } : {};
      const placed = await parsed(
        ccxtOrderSchema,
        `the ${order.side} order for ${order.symbol}`,
        () =>
          main.createOrder(order.symbol, order.type, order.side, order.amount, order.price, params),
        false,
      );
      return {
        ...placed,
        clientOrderId: placed.clientOrderId ?? null,
        price: placed.price ?? null,
        average: placed.average ?? null,
      };
    },
  };
}

function toTicker(t: z.infer<typeof ccxtTickerSchema>, at: number): ExchangeTicker | null {
  if (t.last === null || t.last === undefined) return null;
  return {
    symbol: t.symbol,
    last: t.last,
    bid: t.bid ?? null,
    ask: t.ask ?? null,
    high: t.high ?? null,
    low: t.low ?? null,
    percentage: t.percentage ?? null,
    quoteVolume: t.quoteVolume ?? null,
    timestamp: t.timestamp ?? at,
  };
}
