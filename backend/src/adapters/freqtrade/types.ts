// What the Freqtrade client returns: camelCase, Dates for instants, `null` where Freqtrade sends
// NaN/Infinity or nothing. Vendor shapes (snake_case) stay in schemas.ts / ws-schemas.ts.

/** `show_config.state`; `paused` exists only on the newer API (contract §3.4). */
export type BotState = 'running' | 'stopped' | 'paused' | 'reload_config';

/** `stake_amount` and `max_open_trades` as numbers, or `'unlimited'` ("unlimited" / -1). */
export type Limit = number | 'unlimited';

export interface BotConfig {
  version: string;
  /** 2.4 for Freqtrade 2024.10; newer builds advertise more (compare numerically). */
  apiVersion: number;
  state: BotState;
  runmode: 'dry_run' | 'live' | 'webserver';
  dryRun: boolean;
  botName: string;
  strategy: string | null;
  strategyVersion: string | null;
  timeframe: string | null;
  exchange: string;
  tradingMode: string;
  stakeCurrency: string;
  stakeAmount: Limit;
  /** 0 after `/stopentry` on API 2.40. */
  maxOpenTrades: Limit;
  availableCapital: number | null;
  minimalRoi: Record<string, number>;
  stoploss: number;
  stoplossOnExchange: boolean;
  forceEntryEnable: boolean;
}

export interface Order {
  orderId: string;
  pair: string;
  /** ccxt status: `open`, `closed`, `canceled`… */
  status: string | null;
  side: string;
  orderType: string | null;
  isOpen: boolean;
  amount: number | null;
  filled: number | null;
  remaining: number | null;
  price: number | null;
  cost: number | null;
  placedAt: Date | null;
  filledAt: Date | null;
  tag: string | null;
}

/** TradeSchema: closed trades (`/trades`) and the `/forceenter` result. */
export interface Trade {
  tradeId: number;
  pair: string;
  baseCurrency: string;
  quoteCurrency: string;
  isOpen: boolean;
  isShort: boolean;
  exchange: string;
  strategy: string;
  enterTag: string | null;
  /** Candle length in minutes (TradeSchema.timeframe is an int). */
  timeframeMinutes: number;
  amount: number;
  amountRequested: number;
  stakeAmount: number;
  openRate: number;
  openDate: Date;
  openFillDate: Date | null;
  closeRate: number | null;
  closeDate: Date | null;
  /** Ratios (0.05 = 5 %), not percentages. */
  closeProfitRatio: number | null;
  closeProfitAbs: number | null;
  profitRatio: number | null;
  profitAbs: number | null;
  realizedProfit: number;
  exitReason: string | null;
  exitOrderStatus: string | null;
  stopLossAbs: number | null;
  stopLossRatio: number | null;
  initialStopLossAbs: number | null;
  feeOpen: number | null;
  feeClose: number | null;
  hasOpenOrders: boolean;
  orders: Order[];
}

/** OpenTradeSchema (`/status`, `/trade/{id}`, cancel, reload): the trade at the current rate. */
export interface OpenTrade extends Trade {
  /** null when Freqtrade could not fetch a rate (NaN). */
  currentRate: number | null;
  totalProfitAbs: number | null;
  totalProfitRatio: number | null;
  stoplossCurrentDistRatio: number | null;
  stoplossEntryDistRatio: number | null;
}

export interface ClosedTradesPage {
  trades: Trade[];
  tradesCount: number;
  offset: number;
  totalTrades: number;
}

export interface DeletedTrade {
  tradeId: number;
  cancelledOrders: number;
  message: string;
}

export interface TradeCount {
  current: number;
  max: Limit;
  totalStake: number;
}

export interface CurrencyBalance {
  currency: string;
  free: number;
  used: number;
  balance: number;
  estStake: number | null;
  stake: string;
  isBotManaged: boolean;
}

export interface Balance {
  currencies: CurrencyBalance[];
  total: number | null;
  totalBot: number | null;
  stake: string;
  note: string;
  startingCapital: number;
  startingCapitalRatio: number | null;
}

export interface ProfitSummary {
  closedProfitAbs: number;
  closedProfitRatio: number | null;
  allProfitAbs: number;
  allProfitRatio: number | null;
  tradeCount: number;
  closedTradeCount: number;
  winningTrades: number;
  losingTrades: number;
  /** null with no losing trade (Infinity in Freqtrade). */
  profitFactor: number | null;
  winrate: number | null;
  expectancy: number | null;
  expectancyRatio: number | null;
  maxDrawdownRatio: number | null;
  maxDrawdownAbs: number | null;
  bestPair: string;
  bestPairProfitRatio: number | null;
  /** Python timedelta text, e.g. "1:23:45" or "1 day, 2:00:00". */
  avgDuration: string;
  tradingVolume: number | null;
  firstTradeDate: Date | null;
  latestTradeDate: Date | null;
  botStartDate: Date | null;
}

export interface PairPerformance {
  pair: string;
  profitRatio: number | null;
  profitAbs: number | null;
  count: number;
}

export interface DailyProfit {
  /** Calendar day `YYYY-MM-DD` (UTC), newest first. */
  day: string;
  absProfit: number | null;
  relProfit: number | null;
  startingBalance: number | null;
  tradeCount: number;
}

export interface DailyReport {
  days: DailyProfit[];
  stakeCurrency: string;
  fiatDisplayCurrency: string;
}

export interface WinLossDraw {
  wins: number;
  losses: number;
  draws: number;
}

export interface TradeStats {
  exitReasons: Record<string, WinLossDraw>;
  /** Average durations in seconds; null when there is no such trade. */
  durationsSeconds: { wins: number | null; draws: number | null; losses: number | null };
}

export interface BotHealth {
  /** End of the last RUNNING loop; null until the bot has run once. */
  lastProcess: Date | null;
  botStart: Date | null;
  botStartup: Date | null;
}

export interface LogRecord {
  at: Date;
  logger: string;
  level: string;
  message: string;
}

export interface Whitelist {
  pairs: string[];
  method: string[];
}

export interface Blacklist {
  pairs: string[];
  expanded: string[];
  /** pair → Freqtrade's message, for the pairs an add/delete refused. */
  errors: Record<string, string>;
  method: string[];
}

export interface PairLock {
  id: number;
  pair: string;
  side: string;
  reason: string | null;
  active: boolean;
  lockedAt: Date;
  lockedUntil: Date;
}

export interface ForceEnterInput {
  pair: string;
  stakeAmount?: number;
  price?: number;
  orderType?: 'limit' | 'market';
  entryTag?: string;
}

export interface ForceExitInput {
  tradeId: number | 'all';
  orderType?: 'limit' | 'market';
  amount?: number;
}

export interface Candle {
  time: Date;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  enterLong: boolean;
  exitLong: boolean;
  enterTag: string | null;
}

export interface PairCandles {
  pair: string;
  timeframe: string;
  strategy: string;
  candles: Candle[];
  /** Every column as Freqtrade sent it (indicators included); rows follow `columns`. */
  columns: string[];
  rows: unknown[][];
  enterLongSignals: number;
  exitLongSignals: number;
  lastAnalyzed: Date | null;
}

export interface StrategyCode {
  name: string;
  code: string;
  timeframe: string | null;
}

/** How `pause()` reached the bot: `/pause` (newer API, state `paused`) or `/stopentry` (2.40). */
export interface PauseResult {
  via: 'pause' | 'stopentry';
  message: string;
}
