// The market API's queries, bodies and answers (routes/market.ts), in a module of their own: zod and
// the domain only, so the panel and its test fake parse with the very same schemas.
import { z } from 'zod';

import { PAIR_PATTERN, TIMEFRAMES } from '../../domain/bot.js';

const pair = z.string().trim().regex(PAIR_PATTERN, 'must look like BASE/QUOTE, e.g. BTC/USDT');
const timeframe = z.enum(TIMEFRAMES);
const num = z.number().finite();
const maybe = num.nullable();

/** `:pair` in a URL: `BTC-USDT`, `BTC_USDT` or the encoded `BTC%2FUSDT` (Express decodes it). */
export const pairParam = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[-_]/, '/'))
  .pipe(pair);

export const WATCHLIST_MAX = 50;

export const marketSchemas = {
  pairParams: z.object({ pair: pairParam }),
  snapshotQuery: z
    .object({
      timeframe: timeframe.default('1h'),
      /** Candles (with indicator series) to include for a chart; 0 = none. */
      candles: z.coerce.number().int().min(0).max(1000).default(0),
    })
    .strict(),
  watchlistAddBody: z.object({ pair }).strict(),
  watchlistPutBody: z
    .object({
      pairs: z.array(pair).max(WATCHLIST_MAX).optional(),
      timeframe: timeframe.optional(),
    })
    .strict()
    .refine((b) => b.pairs !== undefined || b.timeframe !== undefined, {
      message: 'give pairs, timeframe or both',
      path: ['pairs'],
    }),
};

export const REGIME_LABELS = ['trend-up', 'trend-down', 'range', 'volatile', 'unknown'] as const;
export type RegimeLabel = (typeof REGIME_LABELS)[number];

/** Where a pair's figures came from: the exchange's stream, or REST while the stream is down. */
export const FEED_SOURCES = ['stream', 'rest'] as const;

export const tickerSchema = z.object({
  last: num,
  bid: maybe,
  ask: maybe,
  /** Over the last 24 h, in %. */
  change24hPct: maybe,
  /** Quote volume over the last 24 h. */
  volume24hQuote: maybe,
  high24h: maybe,
  low24h: maybe,
  at: z.number().int(),
});
export type Ticker = z.infer<typeof tickerSchema>;

/** The last value of each indicator on the snapshot's timeframe; null before its warm-up. */
export const indicatorsSchema = z.object({
  close: maybe,
  rsi14: maybe,
  ema9: maybe,
  ema21: maybe,
  ema50: maybe,
  ema200: maybe,
  macd: maybe,
  macdSignal: maybe,
  macdHistogram: maybe,
  atr14: maybe,
  bollingerUpper: maybe,
  bollingerMiddle: maybe,
  bollingerLower: maybe,
  volume: maybe,
  volumeAverage20: maybe,
  /** volume ÷ volumeAverage20. */
  volumeRatio: maybe,
});
export type Indicators = z.infer<typeof indicatorsSchema>;

export const regimeSchema = z.object({
  label: z.enum(REGIME_LABELS),
  /** The rule that decided it (documented in domain/market/README.md), e.g. `ema-stack-up`. */
  rule: z.string(),
  /** The numbers the rule compared, by name (`atrPct`, `ema50Slope`, …). */
  numbers: z.record(z.string(), num),
});
export type Regime = z.infer<typeof regimeSchema>;

export const marketIssueSchema = z.object({
  /** An error code (domain/error-codes.ts): `pair-unknown`, `pair-delisted`, `exchange-*`. */
  code: z.string(),
  message: z.string(),
});

export const candleSchema = z.object({
  time: z.number().int(),
  open: num,
  high: num,
  low: num,
  close: num,
  volume: num,
});

/** Aligned with `candles`: one value per candle, null before the indicator's warm-up. */
export const seriesSchema = z.object({
  ema9: z.array(maybe),
  ema21: z.array(maybe),
  ema50: z.array(maybe),
  ema200: z.array(maybe),
  bollingerUpper: z.array(maybe),
  bollingerMiddle: z.array(maybe),
  bollingerLower: z.array(maybe),
  rsi14: z.array(maybe),
  macd: z.array(maybe),
  macdSignal: z.array(maybe),
  macdHistogram: z.array(maybe),
});
export type IndicatorSeries = z.infer<typeof seriesSchema>;

export const snapshotSchema = z.object({
  pair,
  timeframe,
  source: z.enum(FEED_SOURCES),
  /** When the last candle or ticker arrived (epoch ms). */
  updatedAt: z.number().int(),
  /** No fresh data for longer than two refresh periods: figures are the last known ones. */
  stale: z.boolean(),
  ticker: tickerSchema.nullable(),
  indicators: indicatorsSchema,
  regime: regimeSchema,
  /** Present when `candles` was asked for: the newest candles, oldest first, the last still open. */
  candles: z.array(candleSchema).optional(),
  series: seriesSchema.optional(),
  /** Why the figures are stale or missing (exchange down, rate-limited, …). */
  issue: marketIssueSchema.nullable(),
});
export type MarketSnapshot = z.infer<typeof snapshotSchema>;

export const watchRowSchema = z.object({
  pair,
  /** On the watchlist setting, there because a running bot trades it, or both. */
  origin: z.enum(['watchlist', 'bot', 'both']),
  /** Names of the running bots that trade this pair. */
  bots: z.array(z.string()),
  ticker: tickerSchema.nullable(),
  rsi14: maybe,
  /** EMA9 against EMA21: `up` above, `down` below, `flat` within 0.05 %. */
  trend: z.enum(['up', 'down', 'flat']).nullable(),
  regime: z.enum(REGIME_LABELS),
  /** The last 48 closes of the watchlist timeframe, oldest first. */
  sparkline: z.array(num),
  source: z.enum(FEED_SOURCES),
  stale: z.boolean(),
  updatedAt: z.number().int().nullable(),
  issue: marketIssueSchema.nullable(),
});
export type WatchRow = z.infer<typeof watchRowSchema>;

export const watchlistSchema = z.object({
  timeframe,
  /** The pairs of the setting, in the user's order (bot pairs are added to `rows`). */
  pairs: z.array(pair),
  rows: z.array(watchRowSchema),
  /** The exchange's state for the whole feed: null when it is reachable. */
  issue: marketIssueSchema.nullable(),
});
export type Watchlist = z.infer<typeof watchlistSchema>;

/** `market` channel events of the panel WebSocket. */
export const marketEventSchema = z.discriminatedUnion('kind', [
  /** A watchlist row changed (new ticker or candle). */
  z.object({ kind: z.literal('market-row'), row: watchRowSchema }),
  /** A candle of (pair, timeframe) changed; `indicators` are recomputed with it. */
  z.object({
    kind: z.literal('market-candle'),
    pair,
    timeframe,
    candle: candleSchema,
    indicators: indicatorsSchema,
    regime: regimeSchema,
  }),
  /** The watchlist setting changed (pairs or timeframe): reload it. */
  z.object({ kind: z.literal('watchlist-changed') }),
  /** A bot's pair_candles refreshed (issue 5). */
  z.object({ kind: z.literal('bot-candles'), botId: z.number().int(), pair }),
]);
export type MarketEvent = z.infer<typeof marketEventSchema>;
