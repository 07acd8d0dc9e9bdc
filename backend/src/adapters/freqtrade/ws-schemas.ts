import { z } from 'zod';

import type { BotMessage } from './message-types.js';

// Message WebSocket frames (freqtrade/rpc/api_server/ws_schemas.py, rpc_types.py; contract §4.3),
// each parsed straight into its domain shape. Bot events are flat objects whose `type` is the
// topic; only whitelist, new_candle and analyzed_df carry `data`. Extra fields pass.

const int = z.number().int();
const float = z.number().nullable();

// orjson ISO-8601: "+00:00" (not Z), fractions only when non-zero; *_cancel may send a naive
// value, which is UTC. JavaScript would read a naive value as local time, so a Z is added.
const WS_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;
const wsDate = z
  .string()
  .regex(WS_DATE, 'expected an ISO date')
  .transform((s) => {
    const [, day, time, zone] = WS_DATE.exec(s) ?? [];
    return new Date(`${day}T${time}${zone ?? 'Z'}`);
  });

const direction = z
  .enum(['Long', 'Short'])
  .transform((d): 'long' | 'short' => (d === 'Long' ? 'long' : 'short'));

const textSchema = (type: 'status' | 'warning' | 'startup' | 'exception') =>
  z
    // Events carry `status`; the `exception` reply to a failed request carries `data`.
    .object({ status: z.string().optional(), data: z.string().optional() })
    .refine((m) => m.status !== undefined || m.data !== undefined, {
      message: 'expected status text',
      path: ['status'],
    })
    .transform((m) => ({ type, text: m.status ?? m.data ?? '' }));

const entrySchema = (type: 'entry' | 'entry_fill' | 'entry_cancel') =>
  z
    .object({
      trade_id: int,
      pair: z.string(),
      enter_tag: z.string().nullable(),
      direction,
      order_type: z.string().nullable(),
      amount: float,
      open_rate: float,
      stake_amount: float,
      stake_currency: z.string(),
      current_rate: float,
      open_date: wsDate,
      reason: z.string().nullable().optional(),
      sub_trade: z.boolean().optional(),
    })
    .transform((m) => ({
      type,
      tradeId: m.trade_id,
      pair: m.pair,
      enterTag: m.enter_tag,
      direction: m.direction,
      orderType: m.order_type,
      amount: m.amount,
      openRate: m.open_rate,
      stakeAmount: m.stake_amount,
      stakeCurrency: m.stake_currency,
      currentRate: m.current_rate,
      openDate: m.open_date,
      reason: m.reason ?? null,
      subTrade: m.sub_trade ?? false,
    }));

const exitSchema = (type: 'exit' | 'exit_fill' | 'exit_cancel') =>
  z
    .object({
      trade_id: int,
      pair: z.string(),
      enter_tag: z.string().nullable(),
      direction,
      gain: z.enum(['profit', 'loss']),
      order_type: z.string().nullable(),
      amount: float,
      open_rate: float,
      close_rate: float.optional(),
      current_rate: float,
      profit_amount: float,
      profit_ratio: float,
      exit_reason: z.string().nullable(),
      open_date: wsDate,
      close_date: wsDate.nullable(),
      reason: z.string().nullable().optional(),
      is_final_exit: z.boolean().optional(),
      sub_trade: z.boolean().optional(),
    })
    .transform((m) => ({
      type,
      tradeId: m.trade_id,
      pair: m.pair,
      enterTag: m.enter_tag,
      direction: m.direction,
      gain: m.gain,
      orderType: m.order_type,
      amount: m.amount,
      openRate: m.open_rate,
      closeRate: m.close_rate ?? null,
      currentRate: m.current_rate,
      profitAmount: m.profit_amount,
      profitRatio: m.profit_ratio,
      exitReason: m.exit_reason,
      openDate: m.open_date,
      closeDate: m.close_date,
      reason: m.reason ?? null,
      isFinalExit: m.is_final_exit ?? null,
      subTrade: m.sub_trade ?? false,
    }));

const protectionSchema = (type: 'protection_trigger' | 'protection_trigger_global') =>
  z
    .object({
      id: int,
      pair: z.string(),
      side: z.string(),
      reason: z.string().nullable(),
      active: z.boolean(),
      lock_timestamp: int,
      lock_end_timestamp: int,
    })
    .transform((m) => ({
      type,
      lock: {
        id: m.id,
        pair: m.pair,
        side: m.side,
        reason: m.reason,
        active: m.active,
        lockedAt: new Date(m.lock_timestamp),
        lockedUntil: new Date(m.lock_end_timestamp),
      },
    }));

const pairKey = z.tuple([z.string(), z.string(), z.string()]);

const SCHEMAS = {
  status: textSchema('status'),
  warning: textSchema('warning'),
  startup: textSchema('startup'),
  exception: textSchema('exception'),
  strategy_msg: z.object({ msg: z.string() }).transform((m) => ({
    type: 'strategy_msg' as const,
    text: m.msg,
  })),
  entry: entrySchema('entry'),
  entry_fill: entrySchema('entry_fill'),
  entry_cancel: entrySchema('entry_cancel'),
  exit: exitSchema('exit'),
  exit_fill: exitSchema('exit_fill'),
  exit_cancel: exitSchema('exit_cancel'),
  protection_trigger: protectionSchema('protection_trigger'),
  protection_trigger_global: protectionSchema('protection_trigger_global'),
  whitelist: z.object({ data: z.array(z.string()) }).transform((m) => ({
    type: 'whitelist' as const,
    pairs: m.data,
  })),
  new_candle: z.object({ data: pairKey }).transform(({ data: [pair, timeframe, candleType] }) => ({
    type: 'new_candle' as const,
    pair,
    timeframe,
    candleType,
    analyzedAt: null,
  })),
  analyzed_df: z
    .object({ data: z.object({ key: pairKey, la: wsDate.nullable().optional() }) })
    .transform(({ data: { key, la } }) => ({
      type: 'analyzed_df' as const,
      pair: key[0],
      timeframe: key[1],
      candleType: key[2],
      analyzedAt: la ?? null,
    })),
} satisfies Record<string, z.ZodType<BotMessage>>;

const envelopeSchema = z.object({ type: z.string() });
type KnownType = keyof typeof SCHEMAS;
const isKnownType = (type: string): type is KnownType => Object.hasOwn(SCHEMAS, type);

/**
 * The schema for one frame, chosen by its `type`: a frame with an unknown type becomes an
 * `unknown` message instead of an error (a newer Freqtrade may add topics).
 */
export function frameSchema(json: unknown): z.ZodType<BotMessage> {
  const envelope = envelopeSchema.safeParse(json);
  // Without a string `type` the envelope itself fails, naming `type`.
  if (!envelope.success) return envelopeSchema.pipe(z.never());
  const type = envelope.data.type;
  if (isKnownType(type)) return SCHEMAS[type];
  return z.unknown().transform((): BotMessage => ({ type: 'unknown', receivedType: type }));
}
