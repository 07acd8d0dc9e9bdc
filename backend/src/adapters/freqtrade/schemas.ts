import { z } from 'zod';

// Freqtrade REST shapes (freqtrade/rpc/api_server/api_schemas.py, contract §2.8) with the exact
// field names. Only fields Spotdesk reads are listed, and those strictly; z.object drops the rest,
// so fields Freqtrade adds across versions pass. Computed floats are `number | null` because
// NaN and ±Infinity arrive as null (contract §9.4). `*_timestamp` are epoch ms, `*_ts` seconds.

const int = z.number().int();
/** A computed float: NaN/Infinity are serialised as null. */
const float = z.number().nullable();
const msTimestamp = int.nonnegative();
const secondsTimestamp = int.nonnegative().nullable();

export const pingSchema = z.object({ status: z.literal('pong') });
export const versionSchema = z.object({ version: z.string() });
export const statusMessageSchema = z.object({ status: z.string() });
export const loginSchema = z.object({ access_token: z.string(), refresh_token: z.string() });
export const refreshSchema = z.object({ access_token: z.string() });

export const showConfigSchema = z.object({
  version: z.string(),
  strategy_version: z.union([z.string(), z.number()]).nullable(),
  api_version: z.number(),
  dry_run: z.boolean(),
  trading_mode: z.string(),
  stake_currency: z.string(),
  // str() of the config value: "unlimited", "100", "100.0".
  stake_amount: z
    .string()
    .refine((s) => s === 'unlimited' || (s.trim() !== '' && Number.isFinite(Number(s))), {
      message: 'expected "unlimited" or a number as text',
    }),
  available_capital: z.number().nullable(),
  // -1 = unlimited; 0 after /stopentry.
  max_open_trades: z.number().min(-1),
  minimal_roi: z.record(z.string(), z.number()),
  stoploss: z.number(),
  stoploss_on_exchange: z.boolean(),
  timeframe: z.string().nullable(),
  exchange: z.string(),
  strategy: z.string().nullable(),
  force_entry_enable: z.boolean(),
  bot_name: z.string(),
  state: z.enum(['running', 'stopped', 'paused', 'reload_config']),
  runmode: z.enum(['dry_run', 'live', 'webserver']),
});

export const orderSchema = z.object({
  pair: z.string(),
  order_id: z.string(),
  status: z.string().nullable(),
  ft_order_side: z.string(),
  order_type: z.string().nullable(),
  is_open: z.boolean(),
  amount: float,
  filled: float.optional(),
  remaining: float.optional(),
  safe_price: float,
  cost: float,
  order_timestamp: msTimestamp.nullable().optional(),
  order_filled_timestamp: msTimestamp.nullable().optional(),
  ft_order_tag: z.string().nullable().optional(),
});

export const tradeSchema = z.object({
  trade_id: int,
  pair: z.string(),
  base_currency: z.string(),
  quote_currency: z.string(),
  is_open: z.boolean(),
  is_short: z.boolean(),
  exchange: z.string(),
  strategy: z.string(),
  enter_tag: z.string().nullable(),
  timeframe: int,
  amount: z.number(),
  amount_requested: z.number(),
  stake_amount: z.number(),
  open_rate: z.number(),
  open_timestamp: msTimestamp,
  open_fill_timestamp: msTimestamp.nullable(),
  close_rate: float,
  close_timestamp: msTimestamp.nullable(),
  close_profit: float,
  close_profit_abs: float,
  profit_ratio: float,
  profit_abs: float,
  realized_profit: z.number(),
  exit_reason: z.string().nullable(),
  exit_order_status: z.string().nullable(),
  stop_loss_abs: float,
  stop_loss_ratio: float,
  initial_stop_loss_abs: float,
  fee_open: float,
  fee_close: float,
  has_open_orders: z.boolean(),
  orders: z.array(orderSchema),
});

export const openTradeSchema = tradeSchema.extend({
  current_rate: float,
  total_profit_abs: float,
  total_profit_ratio: float,
  stoploss_current_dist_ratio: float,
  stoploss_entry_dist_ratio: float,
});

export const tradesPageSchema = z.object({
  trades: z.array(tradeSchema),
  trades_count: int.nonnegative(),
  offset: int,
  total_trades: int.nonnegative(),
});

export const deleteTradeSchema = z.object({
  trade_id: int,
  cancel_order_count: int.nonnegative(),
  result: z.string(),
  result_msg: z.string(),
});

export const forceExitSchema = z.object({ result: z.string() });

export const countSchema = z.object({
  current: int.nonnegative(),
  max: z.number().min(-1),
  total_stake: z.number(),
});

export const balanceSchema = z.object({
  currencies: z.array(
    z.object({
      currency: z.string(),
      free: z.number(),
      used: z.number(),
      balance: z.number(),
      est_stake: float,
      stake: z.string(),
      is_bot_managed: z.boolean(),
    }),
  ),
  total: float,
  total_bot: float,
  stake: z.string(),
  note: z.string(),
  starting_capital: z.number(),
  starting_capital_ratio: float,
});

export const profitSchema = z.object({
  profit_closed_coin: z.number(),
  profit_closed_ratio: float,
  profit_all_coin: z.number(),
  profit_all_ratio: float,
  trade_count: int.nonnegative(),
  closed_trade_count: int.nonnegative(),
  winning_trades: int.nonnegative(),
  losing_trades: int.nonnegative(),
  profit_factor: float,
  winrate: float,
  expectancy: float,
  expectancy_ratio: float,
  max_drawdown: float,
  max_drawdown_abs: float,
  best_pair: z.string(),
  best_pair_profit_ratio: float,
  avg_duration: z.string(),
  trading_volume: float,
  // 0 when there is no trade yet (the matching *_date strings are then "").
  first_trade_timestamp: msTimestamp,
  latest_trade_timestamp: msTimestamp,
  bot_start_timestamp: msTimestamp,
});

export const performanceSchema = z.array(
  z.object({ pair: z.string(), profit_ratio: float, profit_abs: float, count: int.nonnegative() }),
);

export const dailySchema = z.object({
  data: z.array(
    z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
      abs_profit: float,
      rel_profit: float,
      starting_balance: float,
      trade_count: int.nonnegative(),
    }),
  ),
  fiat_display_currency: z.string(),
  stake_currency: z.string(),
});

const winLossDraw = z.object({
  wins: int.nonnegative(),
  losses: int.nonnegative(),
  draws: int.nonnegative(),
});
export const statsSchema = z.object({
  exit_reasons: z.record(z.string(), winLossDraw),
  durations: z.object({ wins: float, draws: float, losses: float }),
});

export const healthSchema = z.object({
  last_process_ts: secondsTimestamp,
  bot_start_ts: secondsTimestamp,
  bot_startup_ts: secondsTimestamp,
});

export const logsSchema = z.object({
  log_count: int.nonnegative(),
  // [date string in server-local time, epoch ms (float), logger, level, message]
  logs: z.array(z.tuple([z.string(), z.number(), z.string(), z.string(), z.string()])),
});

export const whitelistSchema = z.object({
  whitelist: z.array(z.string()),
  method: z.array(z.string()),
});

export const blacklistSchema = z.object({
  blacklist: z.array(z.string()),
  blacklist_expanded: z.array(z.string()),
  errors: z.record(z.string(), z.object({ error_msg: z.string() })),
  method: z.array(z.string()),
});

export const locksSchema = z.object({
  lock_count: int.nonnegative(),
  locks: z.array(
    z.object({
      id: int,
      active: z.boolean(),
      pair: z.string(),
      side: z.string(),
      reason: z.string().nullable(),
      lock_timestamp: msTimestamp,
      lock_end_timestamp: msTimestamp,
    }),
  ),
});

export const pairCandlesSchema = z.object({
  strategy: z.string(),
  pair: z.string(),
  timeframe: z.string(),
  columns: z.array(z.string()),
  data: z.array(z.array(z.unknown())),
  length: int.nonnegative(),
  enter_long_signals: int.nonnegative(),
  exit_long_signals: int.nonnegative(),
  last_analyzed_ts: secondsTimestamp,
});

export const strategiesSchema = z.object({ strategies: z.array(z.string()) });
export const strategySchema = z.object({
  strategy: z.string(),
  code: z.string(),
  timeframe: z.string().nullable(),
});

export type FtShowConfig = z.infer<typeof showConfigSchema>;
export type FtOrder = z.infer<typeof orderSchema>;
export type FtTrade = z.infer<typeof tradeSchema>;
export type FtOpenTrade = z.infer<typeof openTradeSchema>;
export type FtProfit = z.infer<typeof profitSchema>;
export type FtPairCandles = z.infer<typeof pairCandlesSchema>;
