// What the exchange adapter hands to services. Vendor shapes (ccxt's, Binance's) stay in schemas.ts.
// These would live in domain/ once a service needs them there; the adapter owns them until then.

/** One spot pair as Spotdesk validates bots against it. Amounts in base units, notional in quote. */
export interface ExchangeMarket {
  /** ccxt's unified symbol, `BASE/QUOTE` (`BTC/USDT`). */
  symbol: string;
  base: string;
  quote: string;
  /** Binance `status: TRADING` (and no permission that makes ccxt mark it inactive). */
  active: boolean;
  /** Smallest order value in quote units (`NOTIONAL`/`MIN_NOTIONAL`); 0 when Binance sets none. */
  minNotional: number;
  /** `LOT_SIZE.minQty`; 0 when Binance sets none. */
  minAmount: number;
  /** `LOT_SIZE.stepSize`: amounts are truncated to a multiple of it. */
  amountStep: number;
  /** `PRICE_FILTER.tickSize`: prices are rounded to a multiple of it. */
  priceTick: number;
}

/** Times are epoch ms on our own clock (the `now` the adapter was given). */
export interface ExchangeFigures {
  /** Last `X-MBX-USED-WEIGHT-1M` seen: this IP's request weight in the current minute. */
  usedWeight1m: number | null;
  /** When `usedWeight1m` was read: Binance counts per calendar minute, so an old figure is stale. */
  usedWeightAt: number | null;
  /** exchangeInfo's `REQUEST_WEIGHT` limit per 1 MINUTE (6000 on Binance Spot today). */
  weightLimit1m: number | null;
  /** Last `X-SAPI-USED-IP-WEIGHT-1M` (sapi has its own budget). */
  sapiUsedWeight1m: number | null;
  /** The exchange's clock minus ours (ccxt's `timeDifference`, sign flipped); null until measured. */
  clockOffsetMs: number | null;
  /** Until then every REST call waits (429 `Retry-After`); null when not limited. */
  rateLimitedUntil: number | null;
  /** Until then every REST call fails at once without sending (418); null when not banned. */
  bannedUntil: number | null;
  /** When the market list was last loaded. */
  marketsLoadedAt: number | null;
}

export interface ExchangeCredentials {
  apiKey: string;
  secret: string;
}

/** Non-zero balances only. `locked` is held by open orders. */
export interface AssetBalance {
  asset: string;
  free: number;
  locked: number;
}

export type KeyWarning = 'no-ip-restriction';

/** The rights of a key that passed the Settings check, and what the account holds. */
export interface KeyCheck {
  canRead: boolean;
  canTrade: boolean;
  canWithdraw: boolean;
  ipRestricted: boolean;
  balances: AssetBalance[];
  warnings: KeyWarning[];
}

export type OrderSide = 'buy' | 'sell';

export interface OrderRequest {
  symbol: string;
  side: OrderSide;
  type: 'market' | 'limit';
  /** Base units; truncated to the market's `amountStep` by ccxt before sending. */
  amount: number;
  /** Required for limit orders. */
  price?: number;
  /** Lets a caller find the order after an ambiguous failure (5xx, timeout) instead of resending. */
  clientOrderId?: string;
}

export type OrderStatus = 'open' | 'closed' | 'canceled' | 'expired' | 'rejected';

export interface ExchangeOrder {
  id: string;
  clientOrderId: string | null;
  symbol: string;
  side: OrderSide;
  type: string;
  status: OrderStatus;
  amount: number;
  filled: number;
  /** Limit price, or the average fill price of a market order. */
  price: number | null;
  average: number | null;
  /** Quote spent or received so far. */
  cost: number;
  timestamp: number;
}

/** One candle; `time` is its open time in epoch ms. */
export interface ExchangeCandle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A 24 h rolling ticker; fields Binance leaves out are null (a miniTicker has no bid/ask). */
export interface ExchangeTicker {
  symbol: string;
  last: number;
  bid: number | null;
  ask: number | null;
  high: number | null;
  low: number | null;
  /** Change over 24 h in %. */
  percentage: number | null;
  quoteVolume: number | null;
  /** Exchange time of the figures (epoch ms), or when they were read. */
  timestamp: number;
}
