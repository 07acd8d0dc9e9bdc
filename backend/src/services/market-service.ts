// Live market data for the panel and every feature (PRODUCT.md C5, the panel side of C16): one
// feed per (pair, timeframe) and one ticker per pair, shared by every viewer. A feed loads its
// history over REST once, then follows the exchange's kline stream; while the stream is down it
// polls REST, and retries the stream with backoff. Nothing a viewer does reaches the exchange
// except the first look at a (pair, timeframe) nobody watches yet, so the exchange load does not
// grow with the number of panels. Readers only ever get cached figures.
import { z } from 'zod';

import type {
  ExchangeAdapter,
  ExchangeCandle,
  ExchangeTicker,
} from '../adapters/exchange/client.js';
import type { SettingsRepo } from '../db/repos/settings-repo.js';
import { PAIR_PATTERN, TIMEFRAMES, TIMEFRAME_MS } from '../domain/bot.js';
import { AppError, ValidationError } from '../domain/errors.js';
import { computeIndicators, sliceSeries } from '../domain/market/indicators.js';
import { classifyRegime } from '../domain/market/regime.js';
import type {
  Indicators,
  IndicatorSeries,
  MarketEvent,
  MarketSnapshot,
  Regime,
  Ticker,
  WatchRow,
  Watchlist,
} from '../http/routes/market-schemas.js';
import { WATCHLIST_MAX } from '../http/routes/market-schemas.js';
import type { Logger } from '../lib/logger.js';

import type { Actor, AuditService } from './audit-service.js';

export type Timeframe = (typeof TIMEFRAMES)[number];

const WATCHLIST_KEY = 'market.watchlist';
const watchlistSettingSchema = z.object({
  pairs: z.array(z.string().regex(PAIR_PATTERN)).max(WATCHLIST_MAX),
  timeframe: z.enum(TIMEFRAMES),
});
type WatchlistSetting = z.infer<typeof watchlistSettingSchema>;
/** A fresh install watches the four largest USDT pairs on the hour. */
export const DEFAULT_WATCHLIST: WatchlistSetting = {
  pairs: ['BTC/USDT', 'ETH/USDT', 'BNB/USDT', 'SOL/USDT'],
  timeframe: '1h',
};

const SPARKLINE_POINTS = 48;
const HISTORY_CANDLES = 1000;
/** EMA9 within this fraction of EMA21 reads as flat. */
const FLAT_TREND = 0.0005;

export interface MarketServiceOptions {
  /** A (pair, timeframe) nobody keeps warm stops this long after its last read. */
  leaseMs?: number;
  /** REST polling period while a stream is down. */
  restPollMs?: number;
  /** First stream retry after a failure; doubles up to `streamRetryMaxMs`. */
  streamRetryMs?: number;
  streamRetryMaxMs?: number;
  /** A stream silent this long counts as down. */
  streamSilenceMs?: number;
  /** A cold snapshot waits this long for the feed's history. */
  firstDataWaitMs?: number;
  /** Fewest ms between two events of one feed on the panel WebSocket. */
  publishEveryMs?: number;
  /** Feeds beyond the warm ones (pair pages, the assistant); the least recently read one goes. */
  maxLeasedFeeds?: number;
}

export interface MarketServiceDeps {
  exchange: ExchangeAdapter;
  settings: SettingsRepo;
  audit: AuditService;
  /** Bots whose process runs, with their pairs: their pairs are always watched. */
  runningBots: () => Array<{ name: string; pairs: string[] }>;
  publish: (event: MarketEvent) => void;
  logger: Logger;
  now?: () => number;
  options?: MarketServiceOptions;
}

interface Issue {
  code: string;
  message: string;
}

interface Feed {
  key: string;
  pair: string;
  timeframe: Timeframe;
  candles: ExchangeCandle[];
  indicators: Indicators;
  series: IndicatorSeries | null;
  regime: Regime;
  source: 'stream' | 'rest';
  updatedAt: number | null;
  issue: Issue | null;
  historyLoaded: boolean;
  readAt: number;
  stopped: boolean;
  lastPublishAt: number;
  publishTimer: NodeJS.Timeout | null;
  /** Settles once the history loaded or failed the first time. */
  firstData: Promise<void>;
  settled: boolean;
  settleFirst: () => void;
}

interface TickerFeed {
  pair: string;
  ticker: Ticker | null;
  source: 'stream' | 'rest';
  issue: Issue | null;
  stopped: boolean;
}

const EMPTY_INDICATORS: Indicators = {
  close: null,
  rsi14: null,
  ema9: null,
  ema21: null,
  ema50: null,
  ema200: null,
  macd: null,
  macdSignal: null,
  macdHistogram: null,
  atr14: null,
  bollingerUpper: null,
  bollingerMiddle: null,
  bollingerLower: null,
  volume: null,
  volumeAverage20: null,
  volumeRatio: null,
};
const NO_REGIME: Regime = { label: 'unknown', rule: 'no-candles', numbers: {} };

const keyOf = (pair: string, timeframe: string) => `${pair}|${timeframe}`;
const sleep = (ms: number, signal: { stopped: boolean }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    if (signal.stopped) resolve();
  });

function issueOf(error: unknown): Issue {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'exchange-unavailable', message: 'the exchange could not be reached' };
}

function toTicker(t: ExchangeTicker): Ticker {
  return {
    last: t.last,
    bid: t.bid,
    ask: t.ask,
    change24hPct: t.percentage,
    volume24hQuote: t.quoteVolume,
    high24h: t.high,
    low24h: t.low,
    at: Math.trunc(t.timestamp),
  };
}

/** Upserts rows (oldest first) into candles by open time; false when they leave a gap. */
function mergeCandles(candles: ExchangeCandle[], rows: ExchangeCandle[], frameMs: number): boolean {
  for (const row of rows) {
    const last = candles.at(-1);
    if (!last || row.time > last.time) {
      if (last && row.time - last.time > frameMs) return false;
      candles.push(row);
    } else {
      // Walk back from the end: updates almost always hit the last candle or the one before.
      for (let i = candles.length - 1; i >= 0 && candles[i]!.time >= row.time; i -= 1) {
        if (candles[i]!.time === row.time) {
          candles[i] = row;
          break;
        }
      }
    }
  }
  if (candles.length > HISTORY_CANDLES) candles.splice(0, candles.length - HISTORY_CANDLES);
  return true;
}

export function createMarketService(deps: MarketServiceDeps) {
  const { exchange, settings, audit, publish } = deps;
  const now = deps.now ?? Date.now;
  const logger = deps.logger.child({ component: 'market' });
  const o = {
    leaseMs: 180_000,
    restPollMs: 10_000,
    streamRetryMs: 5_000,
    streamRetryMaxMs: 60_000,
    streamSilenceMs: 30_000,
    firstDataWaitMs: 8_000,
    publishEveryMs: 1_000,
    maxLeasedFeeds: 40,
    ...deps.options,
  };
  const feeds = new Map<string, Feed>();
  const tickers = new Map<string, TickerFeed>();
  let warmKeys = new Set<string>();
  /** The watchlist with the bots' pairs as of the last sync (events read it; requests do not). */
  let watched: ReturnType<typeof watchedPairs> = [];
  let closed = false;
  let restTickerTimer: NodeJS.Timeout | null = null;
  let botTimer: NodeJS.Timeout | null = null;
  let feedIssue: Issue | null = null;

  // Read on every event; only saveSetting changes it, so it is kept in memory.
  let current: WatchlistSetting | null = null;
  const setting = (): WatchlistSetting =>
    (current ??= settings.get(WATCHLIST_KEY, watchlistSettingSchema, DEFAULT_WATCHLIST));

  /** Watchlist pairs with their origin, setting order first, then the bots' pairs. */
  function watchedPairs(): Array<{ pair: string; origin: WatchRow['origin']; bots: string[] }> {
    const { pairs } = setting();
    const byPair = new Map<string, string[]>();
    for (const bot of deps.runningBots()) {
      for (const pair of bot.pairs) byPair.set(pair, [...(byPair.get(pair) ?? []), bot.name]);
    }
    const rows = pairs.map((pair): { pair: string; origin: WatchRow['origin']; bots: string[] } => {
      const bots = byPair.get(pair) ?? [];
      return { pair, origin: bots.length > 0 ? 'both' : 'watchlist', bots };
    });
    for (const [pair, bots] of byPair) {
      if (!pairs.includes(pair)) rows.push({ pair, origin: 'bot', bots });
    }
    return rows;
  }

  // --- feeds -------------------------------------------------------------------------------

  function recompute(feed: Feed): void {
    if (feed.candles.length === 0) return;
    const computed = computeIndicators(feed.candles);
    feed.indicators = computed.last;
    feed.series = computed.series;
    feed.regime = classifyRegime(feed.candles, computed);
  }

  function schedulePublish(feed: Feed): void {
    if (feed.publishTimer || closed) return;
    const wait = Math.max(0, feed.lastPublishAt + o.publishEveryMs - now());
    feed.publishTimer = setTimeout(() => {
      feed.publishTimer = null;
      if (feed.stopped || closed) return;
      feed.lastPublishAt = now();
      const candle = feed.candles.at(-1);
      if (candle) {
        publish({
          kind: 'market-candle',
          pair: feed.pair,
          timeframe: feed.timeframe,
          candle,
          indicators: feed.indicators,
          regime: feed.regime,
        });
      }
      if (feed.timeframe === setting().timeframe) {
        const row = rowFor(feed.pair);
        if (row) publish({ kind: 'market-row', row });
      }
    }, wait);
    feed.publishTimer.unref();
  }

  function changed(feed: Feed, rows: ExchangeCandle[], source: Feed['source']): void {
    if (!mergeCandles(feed.candles, rows, TIMEFRAME_MS[feed.timeframe])) {
      // The stream came back after a gap: load the history again.
      feed.historyLoaded = false;
      return;
    }
    feed.source = source;
    feed.updatedAt = now();
    feed.issue = null;
    recompute(feed);
    schedulePublish(feed);
  }

  function failed(feed: Feed, issue: Issue): void {
    const before = feed.issue?.code;
    feed.issue = issue;
    if (before !== issue.code) {
      logger.warn({ pair: feed.pair, timeframe: feed.timeframe, code: issue.code }, issue.message);
      schedulePublish(feed);
    }
  }

  async function loadHistory(feed: Feed): Promise<boolean> {
    try {
      // A watched pair can be delisted later: its row says so instead of showing old figures.
      await requireMarket(feed.pair);
      const rows = await exchange.candles(feed.pair, feed.timeframe, HISTORY_CANDLES);
      if (feed.stopped) return false;
      feed.candles = rows;
      feed.historyLoaded = true;
      feed.source = 'rest';
      feed.updatedAt = now();
      feed.issue = null;
      recompute(feed);
      schedulePublish(feed);
      return true;
    } catch (error) {
      failed(feed, issueOf(error));
      return false;
    } finally {
      feed.settleFirst();
    }
  }

  /** Streams until the feed stops; REST in between while the stream is down. */
  async function follow(feed: Feed): Promise<void> {
    let retryMs = o.streamRetryMs;
    while (!feed.stopped && !closed) {
      if (!feed.historyLoaded && !(await loadHistory(feed))) {
        await sleep(o.restPollMs, feed);
        continue;
      }
      try {
        let silence: NodeJS.Timeout | undefined;
        const rows = await Promise.race([
          exchange.watchCandles(feed.pair, feed.timeframe),
          new Promise<never>((_, reject) => {
            silence = setTimeout(
              () => reject(new AppError('exchange-timeout', 'the candle stream went silent', 504)),
              o.streamSilenceMs,
            );
          }),
        ]).finally(() => clearTimeout(silence));
        if (feed.stopped) break;
        changed(feed, rows, 'stream');
        retryMs = o.streamRetryMs;
      } catch (error) {
        if (feed.stopped || closed) break;
        logger.info(
          { pair: feed.pair, timeframe: feed.timeframe, err: issueOf(error).message },
          'candle stream down; polling REST until it returns',
        );
        feed.source = 'rest';
        const retryAt = now() + retryMs;
        retryMs = Math.min(retryMs * 2, o.streamRetryMaxMs);
        while (!feed.stopped && !closed && now() < retryAt && feed.historyLoaded) {
          try {
            changed(feed, await exchange.candles(feed.pair, feed.timeframe, 3), 'rest');
          } catch (restError) {
            failed(feed, issueOf(restError));
          }
          await sleep(Math.min(o.restPollMs, Math.max(0, retryAt - now())), feed);
        }
      }
    }
  }

  function startFeed(pair: string, timeframe: Timeframe): Feed {
    const key = keyOf(pair, timeframe);
    const existing = feeds.get(key);
    if (existing) return existing;
    let resolveFirst = () => {};
    const firstData = new Promise<void>((resolve) => (resolveFirst = resolve));
    const feed: Feed = {
      key,
      pair,
      timeframe,
      candles: [],
      indicators: EMPTY_INDICATORS,
      series: null,
      regime: NO_REGIME,
      source: 'rest',
      updatedAt: null,
      issue: null,
      historyLoaded: false,
      readAt: now(),
      stopped: false,
      lastPublishAt: 0,
      publishTimer: null,
      firstData,
      settled: false,
      settleFirst: () => {
        feed.settled = true;
        resolveFirst();
      },
    };
    feeds.set(key, feed);
    startTicker(pair);
    void follow(feed);
    return feed;
  }

  function stopFeed(feed: Feed): void {
    feed.stopped = true;
    feeds.delete(feed.key);
    if (feed.publishTimer) clearTimeout(feed.publishTimer);
    feed.settleFirst();
    void exchange.unwatchCandles(feed.pair, feed.timeframe);
    if (![...feeds.values()].some((f) => f.pair === feed.pair)) stopTicker(feed.pair);
  }

  // --- tickers -----------------------------------------------------------------------------

  async function followTicker(t: TickerFeed): Promise<void> {
    let retryMs = o.streamRetryMs;
    while (!t.stopped && !closed) {
      try {
        const ticker = await exchange.watchTicker(t.pair);
        if (t.stopped) break;
        t.ticker = toTicker(ticker);
        t.source = 'stream';
        t.issue = null;
        retryMs = o.streamRetryMs;
        publishTickerRow(t.pair);
      } catch (error) {
        if (t.stopped || closed) break;
        // The REST poller covers it until the retry.
        t.source = 'rest';
        t.issue = issueOf(error);
        ensureRestTickers();
        await sleep(retryMs, t);
        retryMs = Math.min(retryMs * 2, o.streamRetryMaxMs);
      }
    }
  }

  function startTicker(pair: string): void {
    if (tickers.has(pair)) return;
    const t: TickerFeed = { pair, ticker: null, source: 'rest', issue: null, stopped: false };
    tickers.set(pair, t);
    void followTicker(t);
  }

  function stopTicker(pair: string): void {
    const t = tickers.get(pair);
    if (!t) return;
    t.stopped = true;
    tickers.delete(pair);
    void exchange.unwatchTicker(pair);
  }

  /** Ticker rows throttle through their feed on the watchlist timeframe. */
  function publishTickerRow(pair: string): void {
    const feed = feeds.get(keyOf(pair, setting().timeframe));
    if (feed) schedulePublish(feed);
  }

  /** One REST call for every pair whose ticker stream is down, each period until none is. */
  function ensureRestTickers(): void {
    if (restTickerTimer || closed) return;
    restTickerTimer = setTimeout(async () => {
      restTickerTimer = null;
      const down = [...tickers.values()].filter((t) => t.source === 'rest' && !t.stopped);
      if (down.length === 0) return;
      try {
        const got = await exchange.tickers(down.map((t) => t.pair));
        for (const t of down) {
          const ticker = got.get(t.pair);
          if (ticker && t.source === 'rest') {
            t.ticker = toTicker(ticker);
            t.issue = null;
            publishTickerRow(t.pair);
          }
        }
        feedIssue = null;
      } catch (error) {
        feedIssue = issueOf(error);
        for (const t of down) t.issue = feedIssue;
      }
      ensureRestTickers();
    }, o.restPollMs);
    restTickerTimer.unref();
  }

  // --- warm set ------------------------------------------------------------------------------

  /** Starts the feeds of the watchlist and the bots' pairs; stops those no longer needed. */
  function syncWarm(): void {
    if (closed) return;
    const { timeframe } = setting();
    watched = watchedPairs();
    const next = new Set(watched.map(({ pair }) => keyOf(pair, timeframe)));
    const previous = warmKeys;
    warmKeys = next;
    for (const key of next) {
      if (!feeds.has(key)) {
        const [pair] = key.split('|') as [string];
        startFeed(pair, timeframe);
      }
    }
    for (const key of previous) {
      const feed = feeds.get(key);
      // A pair dropped from the watchlist keeps a lease, like one a pair page read.
      if (feed && !next.has(key)) feed.readAt = now();
    }
    expireLeases();
  }

  function expireLeases(): void {
    const leased = [...feeds.values()].filter((f) => !warmKeys.has(f.key));
    for (const feed of leased) if (now() - feed.readAt > o.leaseMs) stopFeed(feed);
    const alive = leased.filter((f) => !f.stopped).sort((a, b) => a.readAt - b.readAt);
    while (alive.length > o.maxLeasedFeeds) stopFeed(alive.shift()!);
  }

  // --- reads ---------------------------------------------------------------------------------

  function isStale(feed: Feed): boolean {
    if (feed.updatedAt === null) return true;
    const period = feed.source === 'stream' ? o.streamSilenceMs : o.restPollMs * 2;
    return now() - feed.updatedAt > Math.max(period, 2 * o.restPollMs);
  }

  function rowFor(pair: string): WatchRow | null {
    const { timeframe } = setting();
    const entry = watched.find((p) => p.pair === pair);
    if (!entry) return null;
    return buildRow(entry, timeframe);
  }

  function buildRow(
    entry: { pair: string; origin: WatchRow['origin']; bots: string[] },
    timeframe: Timeframe,
  ): WatchRow {
    const feed = feeds.get(keyOf(entry.pair, timeframe));
    const t = tickers.get(entry.pair);
    const ema9 = feed?.indicators.ema9 ?? null;
    const ema21 = feed?.indicators.ema21 ?? null;
    let trend: WatchRow['trend'] = null;
    if (ema9 !== null && ema21 !== null && ema21 !== 0) {
      const gap = (ema9 - ema21) / ema21;
      trend = Math.abs(gap) <= FLAT_TREND ? 'flat' : gap > 0 ? 'up' : 'down';
    }
    const closes = feed ? feed.candles.slice(-SPARKLINE_POINTS).map((c) => c.close) : [];
    return {
      pair: entry.pair,
      origin: entry.origin,
      bots: entry.bots,
      ticker: t?.ticker ?? null,
      rsi14: feed?.indicators.rsi14 ?? null,
      trend,
      regime: feed?.regime.label ?? 'unknown',
      sparkline: closes,
      source: feed?.source === 'stream' && t?.source !== 'rest' ? 'stream' : 'rest',
      stale: feed ? isStale(feed) : true,
      updatedAt: feed?.updatedAt ?? null,
      issue: feed?.issue ?? t?.issue ?? null,
    };
  }

  /** 404 `pair-unknown` / 410 `pair-delisted`; the exchange's own errors when it cannot tell. */
  async function requireMarket(pair: string): Promise<void> {
    const market = await exchange.market(pair);
    if (!market) {
      throw new AppError('pair-unknown', `Binance Spot lists no pair ${pair}`, 404);
    }
    if (!market.active) {
      throw new AppError('pair-delisted', `${pair} is not trading on Binance Spot`, 410);
    }
  }

  function snapshotOf(feed: Feed, candles: number): MarketSnapshot {
    const t = tickers.get(feed.pair);
    const snapshot: MarketSnapshot = {
      pair: feed.pair,
      timeframe: feed.timeframe,
      source: feed.source,
      updatedAt: feed.updatedAt ?? now(),
      stale: isStale(feed),
      ticker: t?.ticker ?? null,
      indicators: feed.indicators,
      regime: feed.regime,
      issue: feed.issue,
    };
    if (candles > 0) {
      const from = Math.max(0, feed.candles.length - candles);
      snapshot.candles = feed.candles.slice(from);
      if (feed.series) snapshot.series = sliceSeries(feed.series, from);
    }
    return snapshot;
  }

  function saveSetting(next: WatchlistSetting, actor: Actor, ip: string): Watchlist {
    const before = setting();
    settings.set(WATCHLIST_KEY, next, now());
    current = next;
    audit.record({
      actor,
      action: 'watchlist-change',
      target: 'settings:market',
      before,
      after: next,
      ip,
    });
    syncWarm();
    publish({ kind: 'watchlist-changed' });
    return service.watchlist();
  }

  async function checkPair(pair: string): Promise<void> {
    try {
      await requireMarket(pair);
    } catch (error) {
      if (error instanceof AppError && error.code === 'pair-unknown') {
        throw new ValidationError([
          { path: 'pair', rule: 'pair-unknown', message: `Binance Spot lists no pair ${pair}` },
        ]);
      }
      if (error instanceof AppError && error.code === 'pair-delisted') {
        throw new ValidationError([
          {
            path: 'pair',
            rule: 'pair-inactive',
            message: `${pair} is not trading on Binance Spot`,
          },
        ]);
      }
      throw error;
    }
  }

  const service = {
    start(): void {
      syncWarm();
      botTimer = setInterval(syncWarm, 5_000);
      botTimer.unref();
    },

    async close(): Promise<void> {
      closed = true;
      if (botTimer) clearInterval(botTimer);
      if (restTickerTimer) clearTimeout(restTickerTimer);
      for (const feed of [...feeds.values()]) {
        feed.stopped = true;
        if (feed.publishTimer) clearTimeout(feed.publishTimer);
        feed.settleFirst();
      }
      for (const t of tickers.values()) t.stopped = true;
      feeds.clear();
      tickers.clear();
      await exchange.closeStreams();
    },

    watchlist(): Watchlist {
      const { pairs, timeframe } = setting();
      const rows = watchedPairs().map((entry) => buildRow(entry, timeframe));
      const issue =
        feedIssue ??
        (rows.length > 0 && rows.every((r) => r.issue !== null) ? rows[0]!.issue : null);
      return { timeframe, pairs, rows, issue };
    },

    async addPair(pair: string, actor: Actor, ip: string): Promise<Watchlist> {
      const current = setting();
      if (current.pairs.includes(pair)) return service.watchlist();
      if (current.pairs.length >= WATCHLIST_MAX) {
        throw new AppError(
          'watchlist-full',
          `the watchlist holds at most ${WATCHLIST_MAX} pairs: remove one first`,
          409,
        );
      }
      await checkPair(pair);
      return saveSetting({ ...current, pairs: [...current.pairs, pair] }, actor, ip);
    },

    removePair(pair: string, actor: Actor, ip: string): Watchlist {
      const current = setting();
      if (!current.pairs.includes(pair)) {
        throw new AppError('not-found', `${pair} is not on the watchlist`, 404);
      }
      return saveSetting({ ...current, pairs: current.pairs.filter((p) => p !== pair) }, actor, ip);
    },

    async replace(
      change: { pairs?: string[]; timeframe?: Timeframe },
      actor: Actor,
      ip: string,
    ): Promise<Watchlist> {
      const current = setting();
      const pairs = change.pairs ? [...new Set(change.pairs)] : current.pairs;
      for (const [index, pair] of pairs.entries()) {
        if (current.pairs.includes(pair)) continue;
        try {
          await checkPair(pair);
        } catch (error) {
          if (error instanceof ValidationError) {
            const issues = (error.details?.['issues'] ?? []) as Array<{
              rule: 'pair-unknown' | 'pair-inactive';
              message: string;
            }>;
            throw new ValidationError(
              issues.map((i) => ({ path: `pairs.${index}`, rule: i.rule, message: i.message })),
            );
          }
          throw error;
        }
      }
      return saveSetting({ pairs, timeframe: change.timeframe ?? current.timeframe }, actor, ip);
    },

    /**
     * The figures of (pair, timeframe) from the cache. A first look starts the feed and waits
     * (up to `firstDataWaitMs`) for its history; later reads never wait.
     * @throws 404 `pair-unknown`, 410 `pair-delisted`, or the exchange's error when nothing is known.
     */
    async snapshot(pair: string, timeframe: Timeframe, candles = 0): Promise<MarketSnapshot> {
      let feed = feeds.get(keyOf(pair, timeframe));
      if (!feed) {
        await requireMarket(pair);
        feed = startFeed(pair, timeframe);
        expireLeases();
      }
      if (!feed.settled) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          feed.firstData,
          new Promise<void>((resolve) => (timer = setTimeout(resolve, o.firstDataWaitMs))),
        ]).finally(() => clearTimeout(timer));
      }
      feed.readAt = now();
      if (feed.candles.length === 0) {
        const issue = feed.issue ?? {
          code: 'exchange-timeout',
          message: 'the exchange has not answered yet',
        };
        throw new AppError(
          issue.code === 'exchange-banned' || issue.code === 'exchange-rate-limited'
            ? issue.code
            : issue.code === 'exchange-timeout'
              ? 'exchange-timeout'
              : 'exchange-unavailable',
          `no candles of ${pair} ${timeframe} yet: ${issue.message}`,
          503,
        );
      }
      return snapshotOf(feed, candles);
    },

    /** Figures for a benchmark or a health view. */
    stats: () => ({ feeds: feeds.size, tickers: tickers.size, warm: warmKeys.size }),
  };
  return service;
}

export type MarketService = ReturnType<typeof createMarketService>;
