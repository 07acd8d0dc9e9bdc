import { z } from 'zod';

// Shapes of what ccxt 4.5.84 hands back for Binance Spot (binance-spot.md §A.5) and of Binance's
// own JSON where ccxt passes it through untouched. Only the fields Spotdesk relies on are checked.

const limitMin = z.object({ min: z.number().nullish() }).partial();

/** A ccxt unified market (`fetchMarkets()` item) with precisionMode TICK_SIZE. */
export const ccxtMarketSchema = z.object({
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/),
  base: z.string().min(1),
  quote: z.string().min(1),
  type: z.string(),
  active: z.boolean(),
  precision: z.object({ amount: z.number().positive(), price: z.number().positive() }),
  limits: z.object({ amount: limitMin.optional(), cost: limitMin.optional() }),
});

export type CcxtMarket = z.infer<typeof ccxtMarketSchema>;

/** exchangeInfo's `rateLimits` (the only part of the raw answer the adapter reads itself). */
export const exchangeInfoLimitsSchema = z.object({
  rateLimits: z.array(
    z.object({
      rateLimitType: z.string(),
      interval: z.string(),
      intervalNum: z.number(),
      limit: z.number(),
    }),
  ),
});

/** Binance's error body `{"code":-2015,"msg":"…"}`. */
export const binanceErrorSchema = z.object({ code: z.number().int(), msg: z.string() });

/** `GET /sapi/v1/account/apiRestrictions`, returned by ccxt as-is. */
export const apiRestrictionsSchema = z.object({
  ipRestrict: z.boolean(),
  enableReading: z.boolean(),
  enableSpotAndMarginTrading: z.boolean(),
  enableWithdrawals: z.boolean(),
});

const decimal = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number);

/** `GET /api/v3/account`, returned by ccxt's `privateGetAccount` as-is (numbers are strings). */
export const accountSchema = z.object({
  canTrade: z.boolean(),
  canWithdraw: z.boolean(),
  balances: z.array(z.object({ asset: z.string().min(1), free: decimal, locked: decimal })),
});

export type BinanceAccount = z.infer<typeof accountSchema>;

/** ccxt's unified order, as `createOrder` returns it for Binance Spot (`newOrderRespType=FULL`). */
export const ccxtOrderSchema = z.object({
  id: z.string().min(1),
  clientOrderId: z.string().nullish(),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  type: z.string(),
  status: z.enum(['open', 'closed', 'canceled', 'expired', 'rejected']),
  amount: z.number(),
  filled: z.number(),
  price: z.number().nullish(),
  average: z.number().nullish(),
  cost: z.number(),
  timestamp: z.number().int(),
});

export const timeDifferenceSchema = z.number().finite();

/** ccxt's unified ticker (`fetchTickers` over REST, `watchTicker(s, {name:'ticker'})` on streams). */
export const ccxtTickerSchema = z.object({
  symbol: z.string(),
  timestamp: z.number().nullish(),
  last: z.number().nullish(),
  bid: z.number().nullish(),
  ask: z.number().nullish(),
  high: z.number().nullish(),
  low: z.number().nullish(),
  percentage: z.number().nullish(),
  quoteVolume: z.number().nullish(),
});
