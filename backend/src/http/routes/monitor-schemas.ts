// The live monitor API's queries and bodies (routes/monitor.ts, settings.ts), in a module of their
// own: zod and the domain only, so the panel's test fake parses with the very same schemas.
import { z } from 'zod';

import { PAIR_PATTERN, TIMEFRAMES } from '../../domain/bot.js';

const id = z.coerce.number().int().positive();
const pair = z.string().trim().regex(PAIR_PATTERN, 'must look like BASE/QUOTE, e.g. BTC/USDT');
const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

export const monitorSchemas = {
  idParams: z.object({ id }),
  equityQuery: z.object({ range: z.enum(['today', '7d', '30d']).default('today') }).strict(),
  ordersQuery: z
    .object({ from: instant.optional(), to: instant.optional(), bot: id.optional() })
    .strict()
    .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
      message: 'must be after from',
      path: ['to'],
    }),
  tradesQuery: z
    .object({
      status: z.enum(['open', 'closed']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: instant.optional(),
    })
    .strict(),
  candlesQuery: z
    .object({
      pair,
      timeframe: z.enum(TIMEFRAMES).optional(),
      limit: z.coerce.number().int().min(10).max(1000).default(500),
    })
    .strict(),
  forceEnterBody: z
    .object({
      pair,
      stakeAmount: z.number().finite().positive().max(1e12).optional(),
      orderType: z.enum(['market', 'limit']).optional(),
      price: z.number().finite().positive().optional(),
    })
    .strict()
    .refine((b) => b.orderType !== 'limit' || b.price !== undefined, {
      message: 'a limit order needs a price',
      path: ['price'],
    }),
  forceExitBody: z
    .object({
      tradeId: z.union([z.number().int().positive(), z.literal('all')]),
      orderType: z.enum(['market', 'limit']).default('market'),
    })
    .strict(),
  closeAllBody: z
    .object({
      confirm: z.literal('CLOSE ALL', { message: 'type CLOSE ALL to confirm' }),
      reason: z.string().trim().max(500).default(''),
    })
    .strict(),
  tradingBody: z.object({ timeZone: z.string().trim().min(1).max(64) }).strict(),
};
