import { z } from 'zod';

import type { Bot } from '../../../backend/src/domain/bot';
import { BOT_MODES, TIMEFRAMES } from '../../../backend/src/domain/bot';
import type { AppError } from '../../../backend/src/domain/errors';
import { ValidationError } from '../../../backend/src/domain/errors';
import { issuesFromZod } from '../../../backend/src/http/middleware/zod-issues';

export type BotRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  user: { id: number; password: string; role: 'admin' | 'viewer' };
  /** Sends a `bots` event to the panel WebSocket, as the converger does on every change. */
  publish: (bot: Bot) => void;
};
export type Answer = { status: number; body?: unknown };

// The request bodies of backend http/routes/bots.ts, field for field (that file imports express).
const money = z.number().finite().positive().max(1e12);
export const settingsSchema = z
  .object({
    name: z.string().trim(),
    description: z.string().trim().max(500).default(''),
    mode: z.enum(BOT_MODES).default('SIMULATED'),
    strategy: z.string().trim().min(1).max(100),
    strategyParams: z
      .record(z.string().max(64), z.union([z.string().max(200), z.number().finite(), z.boolean()]))
      .default({}),
    timeframe: z.enum(TIMEFRAMES),
    pairs: z.array(z.string().trim()).min(1).max(200),
    stakeAmount: money,
    maxOpenTrades: z.number().int().min(1).max(100),
    maxExposure: money,
    stoploss: z.number().finite().min(-1).lt(0).nullable().default(null),
    minimalRoi: z
      .record(z.string().regex(/^\d+$/, 'must be minutes'), z.number().finite().min(-1).max(100))
      .nullable()
      .default(null),
    dailyLossLimit: money.nullable().default(null),
  })
  .strict();
export const updateSchema = settingsSchema.extend({
  apply: z.enum(['restart', 'next-start']).default('restart'),
});
export const confirmSchema = z
  .object({ password: z.string().min(1).max(1024), confirmName: z.string().max(200) })
  .partial()
  .strict();
export const SCHEMAS = {
  stop: z.object({ openTrades: z.enum(['close', 'leave']).optional() }).strict(),
  mode: z
    .object({ mode: z.enum(BOT_MODES) })
    .extend(confirmSchema.shape)
    .strict(),
  rearm: z.object({ reason: z.string().trim().min(3).max(500) }).strict(),
  emergency: z.object({ reason: z.string().trim().max(500).default('') }).strict(),
};

export function failWith(error: AppError): Answer {
  const { code, message, details } = error;
  return {
    status: error.httpStatus,
    body: { error: { code, message, ...(details ? { details } : {}) } },
  };
}

/** The body as the validate middleware parses it, or the 400 it answers. */
export function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const input = body ?? {};
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error.issues, 'body', input));
  return result.data;
}
