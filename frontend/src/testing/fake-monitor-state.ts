import type { Bot } from '../../../backend/src/domain/bot';

// What the orchestrator's monitor knows (backend services/bot-monitor.ts snapshots, the mirror's
// orders and equity samples, the exchange adapter's figures); tests arrange it with the builders
// below. Trades, open and closed, are the bot page's (fake-api-bot-page.ts `addFakeTrade`): one
// source for the positions, the summary's counts and close-all.

/** An order of the mirror (backend db/schema.ts mirror_orders). */
export type FakeOrder = {
  botId: number;
  tradeId: number;
  pair: string;
  side: 'buy' | 'sell';
  orderType: string | null;
  status: string | null;
  price: number | null;
  amount: number | null;
  filled: number | null;
  placedAt: number;
  filledAt: number | null;
};

/** One bot's snapshot as the monitor holds it; absent = the bot never answered. */
export type FakeBotSnapshot = {
  lastLoopAt: number | null;
  degraded: string | null;
  streaming: boolean;
  equityAtDayStart: number | null;
  equityNow: number;
};

export type FakeCloseOutcome = { result: 'pending' | 'failed'; error?: string };

export type FakeMonitorState = {
  timeZone: string;
  exchange: {
    usedWeight1m: number | null;
    usedWeightAt: number | null;
    weightLimit1m: number | null;
    sapiUsedWeight1m: number | null;
    rateLimitedUntil: number | null;
    bannedUntil: number | null;
    clockOffsetMs: number | null;
    marketsLoadedAt: number | null;
  };
  /** null: no Binance key (no Live account to read). */
  account: {
    at: number;
    balances: { asset: string; free: number; locked: number }[] | null;
    error: string | null;
  } | null;
  snapshots: Map<number, FakeBotSnapshot>;
  orders: FakeOrder[];
  equity: { at: number; paper: number | null; live: number | null }[];
  /** How close-all ends for a bot; absent = its trades close. */
  closeOutcomes: Map<number, FakeCloseOutcome>;
};

export function createFakeMonitorState(now: number): FakeMonitorState {
  return {
    timeZone: 'UTC',
    exchange: {
      usedWeight1m: 87,
      usedWeightAt: now - 2_000,
      weightLimit1m: 6000,
      sapiUsedWeight1m: null,
      rateLimitedUntil: null,
      bannedUntil: null,
      clockOffsetMs: -42,
      marketsLoadedAt: now - 600_000,
    },
    account: null,
    snapshots: new Map(),
    orders: [],
    equity: [],
    closeOutcomes: new Map(),
  };
}

/** The bot answered its API: a snapshot with its equity (capital + profit so far). */
export function addFakeSnapshot(
  state: FakeMonitorState,
  bot: Bot,
  overrides: Partial<FakeBotSnapshot> = {},
): FakeBotSnapshot {
  const snapshot: FakeBotSnapshot = {
    lastLoopAt: Date.now() - 4_000,
    degraded: null,
    streaming: true,
    equityAtDayStart: bot.maxExposure,
    equityNow: bot.maxExposure,
    ...overrides,
  };
  state.snapshots.set(bot.id, snapshot);
  return snapshot;
}

export function addFakeOrder(
  state: FakeMonitorState,
  bot: Bot,
  overrides: Partial<Omit<FakeOrder, 'botId'>> = {},
): FakeOrder {
  const order: FakeOrder = {
    botId: bot.id,
    tradeId: 1,
    pair: bot.pairs[0] ?? 'BTC/USDT',
    side: 'buy',
    orderType: 'limit',
    status: 'closed',
    price: 66_500,
    amount: 0.0003,
    filled: 0.0003,
    placedAt: Date.UTC(2026, 2, 2, 10, 15),
    filledAt: Date.UTC(2026, 2, 2, 10, 15, 2),
    ...overrides,
  };
  state.orders.push(order);
  return order;
}
