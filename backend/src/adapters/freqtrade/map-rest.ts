import type { z } from 'zod';

import type {
  Balance,
  Blacklist,
  DeletedTrade,
  LogRecord,
  PairPerformance,
  StrategyCode,
  TradeStats,
  Whitelist,
  BotConfig,
  BotHealth,
  DailyReport,
  Limit,
  OpenTrade,
  Order,
  PairLock,
  ProfitSummary,
  Trade,
  TradeCount,
} from './types.js';
import type {
  FtOpenTrade,
  FtOrder,
  FtProfit,
  FtShowConfig,
  FtTrade,
  balanceSchema,
  blacklistSchema,
  dailySchema,
  deleteTradeSchema,
  healthSchema,
  locksSchema,
  logsSchema,
  performanceSchema,
  statsSchema,
  strategySchema,
  whitelistSchema,
} from './schemas.js';

// Vendor shape → domain type, one function per shape. Instants come from the epoch-ms
// `*_timestamp` fields (the "YYYY-MM-DD HH:MM:SS" strings beside them are the same instant in UTC
// without a zone, to the second); /health and last_analyzed_ts are seconds.

/** 0 and null both mean "never" (e.g. /profit on an empty database). */
export const fromMs = (ms: number | null | undefined): Date | null => (ms ? new Date(ms) : null);
export const fromSeconds = (s: number | null | undefined): Date | null =>
  s ? new Date(s * 1000) : null;

/** `max_open_trades` / `/count` max: -1 means unlimited. */
const toLimit = (n: number): Limit => (n === -1 ? 'unlimited' : n);

export function toBotConfig(c: FtShowConfig): BotConfig {
  return {
    version: c.version,
    apiVersion: c.api_version,
    state: c.state,
    runmode: c.runmode,
    dryRun: c.dry_run,
    botName: c.bot_name,
    strategy: c.strategy,
    strategyVersion: c.strategy_version === null ? null : String(c.strategy_version),
    timeframe: c.timeframe,
    exchange: c.exchange,
    tradingMode: c.trading_mode,
    stakeCurrency: c.stake_currency,
    // show_config sends str(stake_amount); the schema checked it is "unlimited" or numeric.
    stakeAmount: c.stake_amount === 'unlimited' ? 'unlimited' : Number(c.stake_amount),
    maxOpenTrades: toLimit(c.max_open_trades),
    availableCapital: c.available_capital,
    minimalRoi: c.minimal_roi,
    stoploss: c.stoploss,
    stoplossOnExchange: c.stoploss_on_exchange,
    forceEntryEnable: c.force_entry_enable,
  };
}

function toOrder(o: FtOrder): Order {
  return {
    orderId: o.order_id,
    pair: o.pair,
    status: o.status,
    side: o.ft_order_side,
    orderType: o.order_type,
    isOpen: o.is_open,
    amount: o.amount,
    filled: o.filled ?? null,
    remaining: o.remaining ?? null,
    price: o.safe_price,
    cost: o.cost,
    placedAt: fromMs(o.order_timestamp),
    filledAt: fromMs(o.order_filled_timestamp),
    tag: o.ft_order_tag ?? null,
  };
}

export function toTrade(t: FtTrade): Trade {
  return {
    tradeId: t.trade_id,
    pair: t.pair,
    baseCurrency: t.base_currency,
    quoteCurrency: t.quote_currency,
    isOpen: t.is_open,
    isShort: t.is_short,
    exchange: t.exchange,
    strategy: t.strategy,
    enterTag: t.enter_tag,
    timeframeMinutes: t.timeframe,
    amount: t.amount,
    amountRequested: t.amount_requested,
    stakeAmount: t.stake_amount,
    openRate: t.open_rate,
    openDate: new Date(t.open_timestamp),
    openFillDate: fromMs(t.open_fill_timestamp),
    closeRate: t.close_rate,
    closeDate: fromMs(t.close_timestamp),
    closeProfitRatio: t.close_profit,
    closeProfitAbs: t.close_profit_abs,
    profitRatio: t.profit_ratio,
    profitAbs: t.profit_abs,
    realizedProfit: t.realized_profit,
    exitReason: t.exit_reason,
    exitOrderStatus: t.exit_order_status,
    stopLossAbs: t.stop_loss_abs,
    stopLossRatio: t.stop_loss_ratio,
    initialStopLossAbs: t.initial_stop_loss_abs,
    feeOpen: t.fee_open,
    feeClose: t.fee_close,
    hasOpenOrders: t.has_open_orders,
    orders: t.orders.map(toOrder),
  };
}

export function toOpenTrade(t: FtOpenTrade): OpenTrade {
  return {
    ...toTrade(t),
    currentRate: t.current_rate,
    totalProfitAbs: t.total_profit_abs,
    totalProfitRatio: t.total_profit_ratio,
    stoplossCurrentDistRatio: t.stoploss_current_dist_ratio,
    stoplossEntryDistRatio: t.stoploss_entry_dist_ratio,
  };
}

export function toTradeCount(c: { current: number; max: number; total_stake: number }): TradeCount {
  return { current: c.current, max: toLimit(c.max), totalStake: c.total_stake };
}

export function toBalance(b: z.infer<typeof balanceSchema>): Balance {
  return {
    currencies: b.currencies.map((c) => ({
      currency: c.currency,
      free: c.free,
      used: c.used,
      balance: c.balance,
      estStake: c.est_stake,
      stake: c.stake,
      isBotManaged: c.is_bot_managed,
    })),
    total: b.total,
    totalBot: b.total_bot,
    stake: b.stake,
    note: b.note,
    startingCapital: b.starting_capital,
    startingCapitalRatio: b.starting_capital_ratio,
  };
}

export function toProfit(p: FtProfit): ProfitSummary {
  return {
    closedProfitAbs: p.profit_closed_coin,
    closedProfitRatio: p.profit_closed_ratio,
    allProfitAbs: p.profit_all_coin,
    allProfitRatio: p.profit_all_ratio,
    tradeCount: p.trade_count,
    closedTradeCount: p.closed_trade_count,
    winningTrades: p.winning_trades,
    losingTrades: p.losing_trades,
    profitFactor: p.profit_factor,
    winrate: p.winrate,
    expectancy: p.expectancy,
    expectancyRatio: p.expectancy_ratio,
    maxDrawdownRatio: p.max_drawdown,
    maxDrawdownAbs: p.max_drawdown_abs,
    bestPair: p.best_pair,
    bestPairProfitRatio: p.best_pair_profit_ratio,
    avgDuration: p.avg_duration,
    tradingVolume: p.trading_volume,
    firstTradeDate: fromMs(p.first_trade_timestamp),
    latestTradeDate: fromMs(p.latest_trade_timestamp),
    botStartDate: fromMs(p.bot_start_timestamp),
  };
}

export function toDaily(d: z.infer<typeof dailySchema>): DailyReport {
  return {
    days: d.data.map((row) => ({
      day: row.date,
      absProfit: row.abs_profit,
      relProfit: row.rel_profit,
      startingBalance: row.starting_balance,
      tradeCount: row.trade_count,
    })),
    stakeCurrency: d.stake_currency,
    fiatDisplayCurrency: d.fiat_display_currency,
  };
}

export function toHealth(h: z.infer<typeof healthSchema>): BotHealth {
  return {
    lastProcess: fromSeconds(h.last_process_ts),
    botStart: fromSeconds(h.bot_start_ts),
    botStartup: fromSeconds(h.bot_startup_ts),
  };
}

export function toLocks(l: z.infer<typeof locksSchema>): PairLock[] {
  return l.locks.map((lock) => ({
    id: lock.id,
    pair: lock.pair,
    side: lock.side,
    reason: lock.reason,
    active: lock.active,
    lockedAt: new Date(lock.lock_timestamp),
    lockedUntil: new Date(lock.lock_end_timestamp),
  }));
}

export function toDeletedTrade(d: z.infer<typeof deleteTradeSchema>): DeletedTrade {
  return { tradeId: d.trade_id, cancelledOrders: d.cancel_order_count, message: d.result_msg };
}

export function toPerformance(rows: z.infer<typeof performanceSchema>): PairPerformance[] {
  return rows.map((p) => ({
    pair: p.pair,
    profitRatio: p.profit_ratio,
    profitAbs: p.profit_abs,
    count: p.count,
  }));
}

export function toStats(st: z.infer<typeof statsSchema>): TradeStats {
  return { exitReasons: st.exit_reasons, durationsSeconds: st.durations };
}

export function toLogs(l: z.infer<typeof logsSchema>): LogRecord[] {
  // The date string (first) is server-local time; the epoch ms beside it is exact.
  return l.logs.map(([, ms, logger, level, message]) => ({
    at: new Date(ms),
    logger,
    level,
    message,
  }));
}

export function toWhitelist(w: z.infer<typeof whitelistSchema>): Whitelist {
  return { pairs: w.whitelist, method: w.method };
}

export function toBlacklist(b: z.infer<typeof blacklistSchema>): Blacklist {
  const errors = Object.fromEntries(
    Object.entries(b.errors).map(([pair, e]) => [pair, e.error_msg]),
  );
  return { pairs: b.blacklist, expanded: b.blacklist_expanded, errors, method: b.method };
}

export function toStrategy(st: z.infer<typeof strategySchema>): StrategyCode {
  return { name: st.strategy, code: st.code, timeframe: st.timeframe };
}
