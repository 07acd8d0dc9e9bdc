// The trade mirror on a real SQLite file with the real migrations: one row per (bot, mode,
// Freqtrade trade id) and per order however often a trade is reported, Paper and Live never mix,
// the closed-trade cursor, equity samples and the realised figures of a window.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { BotId, BotMode, BotSettings } from '../../src/domain/bot.js';
import { openDb } from '../../src/db/open-db.js';
import { createBotRepo } from '../../src/db/repos/bot-repo.js';
import {
  createMirrorRepo,
  type MirrorRepo,
  type MirrorTradeInput,
} from '../../src/db/repos/mirror-repo.js';
import { createTempDb, type TempDb } from '../helpers/temp-db.js';

const T0 = Date.parse('2026-01-05T10:00:00Z');
const MIN = 60_000;
const PAPER: BotMode = 'SIMULATED';
const LIVE: BotMode = 'REAL_MARKET_SPOT';

let db: TempDb;
let mirror: MirrorRepo;
let botA: BotId;
let botB: BotId;

function settings(name: string): BotSettings {
  return {
    name,
    description: '',
    mode: PAPER,
    strategy: 'NeverEnterStrategy',
    strategyParams: {},
    timeframe: '1m',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 1,
    maxExposure: 20,
    stoploss: null,
    minimalRoi: null,
    dailyLossLimit: null,
  };
}

beforeEach(() => {
  db = createTempDb();
  mirror = createMirrorRepo(db.db);
  const bots = createBotRepo(db.db);
  botA = bots.insert(settings('A'), 20_001, T0).id;
  botB = bots.insert(settings('B'), 20_002, T0).id;
});
afterEach(() => db.cleanup());

/** An open trade with its filled entry order, as the client maps /status. */
function openTrade(tradeId: number, over: Partial<MirrorTradeInput> = {}): MirrorTradeInput {
  return {
    tradeId,
    pair: 'BTC/USDT',
    isOpen: true,
    openDate: new Date(T0 + tradeId * MIN),
    closeDate: null,
    openRate: 100,
    closeRate: null,
    amount: 0.2,
    stakeAmount: 20,
    realizedProfit: 0,
    closeProfitAbs: null,
    profitRatio: 0.01,
    closeProfitRatio: null,
    exitReason: null,
    enterTag: 'force_entry',
    stopLossAbs: 90,
    strategy: 'NeverEnterStrategy',
    orders: [
      {
        orderId: `dry-${tradeId}-buy`,
        side: 'buy',
        orderType: 'market',
        status: 'closed',
        price: 100,
        amount: 0.2,
        filled: 0.2,
        placedAt: new Date(T0 + tradeId * MIN),
        filledAt: new Date(T0 + tradeId * MIN + 500),
      },
    ],
    ...over,
  };
}

/** The same trade closed at `closeRate`, with its exit order. */
function closedTrade(tradeId: number, closeAt: number, profit: number): MirrorTradeInput {
  const open = openTrade(tradeId);
  return {
    ...open,
    isOpen: false,
    closeDate: new Date(closeAt),
    closeRate: 100 + profit / 0.2,
    realizedProfit: profit,
    closeProfitAbs: profit,
    profitRatio: profit / 20,
    closeProfitRatio: profit / 20,
    exitReason: 'force_exit',
    orders: [
      ...open.orders,
      {
        orderId: `dry-${tradeId}-sell`,
        side: 'sell',
        orderType: 'market',
        status: 'closed',
        price: 100 + profit / 0.2,
        amount: 0.2,
        filled: 0.2,
        placedAt: new Date(closeAt - 500),
        filledAt: new Date(closeAt),
      },
    ],
  };
}

const tradesOf = (bot: BotId, mode?: BotMode) => mirror.tradesOf(bot, { limit: 500, mode });
const ordersOf = (bot: BotId, mode: BotMode, ids: number[]) =>
  mirror.ordersOfTrades(bot, mode, ids);

describe('upsert', () => {
  it('keeps one row per trade and per order when the same trades come twice, with the latest values', () => {
    // The fill event's sync and the next poll report the same open trades.
    mirror.upsert(botA, PAPER, [openTrade(1), openTrade(2)], T0);
    mirror.upsert(
      botA,
      PAPER,
      [openTrade(1, { profitRatio: 0.05, stopLossAbs: 95 }), openTrade(2)],
      T0 + 5000,
    );
    // Then trade 1 closes and a replay after a restart reports it once more.
    mirror.upsert(botA, PAPER, [closedTrade(1, T0 + 10 * MIN, 1.5)], T0 + 10 * MIN);
    mirror.upsert(botA, PAPER, [closedTrade(1, T0 + 10 * MIN, 1.5)], T0 + 11 * MIN);

    const rows = tradesOf(botA);
    expect(rows.map((r) => r.ftTradeId).sort()).toEqual([1, 2]);
    const one = rows.find((r) => r.ftTradeId === 1)!;
    expect(one).toMatchObject({
      isOpen: false,
      closedAt: T0 + 10 * MIN,
      closeRate: 107.5,
      realisedAbs: 1.5,
      profitRatio: 0.075,
      exitReason: 'force_exit',
      updatedAt: T0 + 11 * MIN,
    });
    const two = rows.find((r) => r.ftTradeId === 2)!;
    expect(two).toMatchObject({ isOpen: true, closedAt: null, updatedAt: T0 + 5000 });

    const orders = ordersOf(botA, PAPER, [1, 2]);
    expect(orders.map((o) => o.orderId).sort()).toEqual(['dry-1-buy', 'dry-1-sell', 'dry-2-buy']);
    expect(orders.find((o) => o.orderId === 'dry-1-sell')).toMatchObject({
      ftTradeId: 1,
      side: 'sell',
      price: 107.5,
      filledAt: T0 + 10 * MIN,
    });
    expect(mirror.openTrades(botA).map((t) => t.ftTradeId)).toEqual([2]);
  });

  it('updates an order in place when its status and fill change', () => {
    const pending = openTrade(3);
    pending.orders[0] = { ...pending.orders[0]!, status: 'open', filled: 0, filledAt: null };
    mirror.upsert(botA, PAPER, [pending], T0);
    mirror.upsert(botA, PAPER, [openTrade(3)], T0 + 1000);
    const orders = ordersOf(botA, PAPER, [3]);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      status: 'closed',
      filled: 0.2,
      filledAt: T0 + 3 * MIN + 500,
    });
  });

  it('never mixes a Paper and a Live trade with the same Freqtrade id: both kept, each updated on its own', () => {
    mirror.upsert(botA, PAPER, [openTrade(1, { pair: 'BTC/USDT', openRate: 100 })], T0);
    mirror.upsert(botA, LIVE, [openTrade(1, { pair: 'ETH/USDT', openRate: 3000 })], T0);
    // Another bot's trade 1 is its own too.
    mirror.upsert(botB, PAPER, [openTrade(1, { pair: 'SOL/USDT' })], T0);

    mirror.upsert(botA, LIVE, [closedTrade(1, T0 + 20 * MIN, -2)], T0 + 20 * MIN);

    const paper = tradesOf(botA, PAPER);
    const live = tradesOf(botA, LIVE);
    expect(paper).toHaveLength(1);
    expect(live).toHaveLength(1);
    expect(paper[0]).toMatchObject({ ftTradeId: 1, pair: 'BTC/USDT', isOpen: true, openRate: 100 });
    expect(live[0]).toMatchObject({ ftTradeId: 1, isOpen: false, realisedAbs: -2 });
    expect(tradesOf(botB)).toEqual([expect.objectContaining({ ftTradeId: 1, pair: 'SOL/USDT' })]);
    expect(tradesOf(botA)).toHaveLength(2);

    // Orders with the same exchange-side id in the two modes stay apart as well.
    expect(ordersOf(botA, PAPER, [1]).map((o) => o.orderId)).toEqual(['dry-1-buy']);
    expect(
      ordersOf(botA, LIVE, [1])
        .map((o) => o.orderId)
        .sort(),
    ).toEqual(['dry-1-buy', 'dry-1-sell']);
    expect(mirror.openTrades(botA, PAPER)).toHaveLength(1);
    expect(mirror.openTrades(botA, LIVE)).toHaveLength(0);
  });

  it('writes nothing of a batch when one trade in it cannot be stored', () => {
    const broken = { ...openTrade(2), openRate: null } as unknown as MirrorTradeInput;
    expect(() => mirror.upsert(botA, PAPER, [openTrade(1), broken], T0)).toThrow();
    expect(tradesOf(botA)).toEqual([]);
    expect(ordersOf(botA, PAPER, [1])).toEqual([]);
  });
});

describe('removeTrade', () => {
  it('drops the trade and its orders in that bot and mode only', () => {
    mirror.upsert(botA, PAPER, [openTrade(1), openTrade(2)], T0);
    mirror.upsert(botA, LIVE, [openTrade(1)], T0);
    mirror.removeTrade(botA, PAPER, 1);
    expect(tradesOf(botA, PAPER).map((t) => t.ftTradeId)).toEqual([2]);
    expect(ordersOf(botA, PAPER, [1, 2]).map((o) => o.orderId)).toEqual(['dry-2-buy']);
    expect(tradesOf(botA, LIVE).map((t) => t.ftTradeId)).toEqual([1]);
    expect(ordersOf(botA, LIVE, [1])).toHaveLength(1);
    // Removing what is not there is harmless.
    mirror.removeTrade(botA, PAPER, 99);
    expect(tradesOf(botA)).toHaveLength(2);
  });
});

describe('closedSeen cursor', () => {
  it('starts at 0, is kept per bot and mode, and moves both ways', () => {
    expect(mirror.closedSeen(botA, PAPER)).toBe(0);
    mirror.setClosedSeen(botA, PAPER, 7, T0);
    mirror.setClosedSeen(botA, LIVE, 2, T0);
    expect(mirror.closedSeen(botA, PAPER)).toBe(7);
    expect(mirror.closedSeen(botA, LIVE)).toBe(2);
    expect(mirror.closedSeen(botB, PAPER)).toBe(0);
    mirror.setClosedSeen(botA, PAPER, 9, T0 + 1);
    expect(mirror.closedSeen(botA, PAPER)).toBe(9);
    // A bot whose history got shorter (a new trade DB) is paged from 0 again.
    mirror.setClosedSeen(botA, PAPER, 0, T0 + 2);
    expect(mirror.closedSeen(botA, PAPER)).toBe(0);
    expect(mirror.closedSeen(botA, LIVE)).toBe(2);
  });

  it('closedCount counts the closed trades of one bot and mode', () => {
    mirror.upsert(botA, PAPER, [closedTrade(1, T0 + MIN, 1), closedTrade(2, T0 + 2 * MIN, 1)], T0);
    mirror.upsert(botA, PAPER, [openTrade(3)], T0);
    mirror.upsert(botA, LIVE, [closedTrade(1, T0 + MIN, 1)], T0);
    mirror.upsert(botB, PAPER, [closedTrade(1, T0 + MIN, 1)], T0);
    expect(mirror.closedCount(botA, PAPER)).toBe(2);
    expect(mirror.closedCount(botA, LIVE)).toBe(1);
    mirror.upsert(botA, PAPER, [closedTrade(3, T0 + 3 * MIN, 1)], T0);
    expect(mirror.closedCount(botA, PAPER)).toBe(3);
    expect(mirror.closedCount(botB, LIVE)).toBe(0);
  });

  it('survives closing and reopening the database file', () => {
    mirror.setClosedSeen(botA, PAPER, 4, T0);
    mirror.upsert(botA, PAPER, [closedTrade(1, T0 + MIN, 1)], T0);
    db.close();
    const reopened = openDb({ file: db.file, backupsDir: db.dir });
    try {
      const again = createMirrorRepo(reopened.db);
      expect(again.closedSeen(botA, PAPER)).toBe(4);
      expect(again.tradesOf(botA, { limit: 10 })).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });
});

describe('equity samples', () => {
  it('equityBefore gives each bot and mode its last sample strictly before the instant', () => {
    mirror.addEquity(botA, PAPER, T0, 1000);
    mirror.addEquity(botA, PAPER, T0 + MIN, 1010);
    mirror.addEquity(botA, PAPER, T0 + 2 * MIN, 1020);
    mirror.addEquity(botA, LIVE, T0, 500);
    mirror.addEquity(botB, PAPER, T0 + 5 * MIN, 40);
    // A second sample of the same minute replaces the first.
    mirror.addEquity(botA, PAPER, T0 + MIN, 1011);

    const sort = (rows: Array<{ botId: number; mode: BotMode; equity: number }>) =>
      [...rows].sort((a, b) => a.botId - b.botId || a.mode.localeCompare(b.mode));
    expect(sort(mirror.equityBefore(T0 + 2 * MIN))).toEqual([
      { botId: botA, mode: LIVE, equity: 500 },
      { botId: botA, mode: PAPER, equity: 1011 },
    ]);
    expect(sort(mirror.equityBefore(T0 + 10 * MIN))).toEqual([
      { botId: botA, mode: LIVE, equity: 500 },
      { botId: botA, mode: PAPER, equity: 1020 },
      { botId: botB, mode: PAPER, equity: 40 },
    ]);
    expect(mirror.equityBefore(T0)).toEqual([]);
  });

  it('equityBetween gives the samples in [from, to), oldest first', () => {
    for (let i = 0; i < 5; i += 1) mirror.addEquity(botA, PAPER, T0 + i * MIN, 1000 + i);
    mirror.addEquity(botB, PAPER, T0 + 2 * MIN, 40);
    const rows = mirror.equityBetween(T0 + MIN, T0 + 3 * MIN);
    expect(rows.map((r) => r.at)).toEqual([T0 + MIN, T0 + 2 * MIN, T0 + 2 * MIN]);
    expect(rows.filter((r) => r.botId === botA).map((r) => r.equity)).toEqual([1001, 1002]);
    expect(rows.filter((r) => r.botId === botB)).toEqual([
      { botId: botB, mode: PAPER, at: T0 + 2 * MIN, equity: 40 },
    ]);
    expect(mirror.equityBetween(T0 + 5 * MIN, T0 + 9 * MIN)).toEqual([]);
  });
});

describe('realisedByBot', () => {
  it('counts only trades closed in [from, to), per bot and mode, and no open trade', () => {
    const dayStart = T0 + 60 * MIN;
    const dayEnd = dayStart + 24 * 60 * MIN;
    mirror.upsert(
      botA,
      PAPER,
      [
        closedTrade(1, dayStart - 1, 100), // the day before
        closedTrade(2, dayStart, 2), // first instant of the day
        closedTrade(3, dayStart + 30 * MIN, -0.5),
        closedTrade(4, dayEnd, 50), // the next day
        openTrade(5, { realizedProfit: 7 }), // open: a partial exit is not a close
      ],
      T0,
    );
    mirror.upsert(botA, LIVE, [closedTrade(1, dayStart + MIN, 3)], T0);
    mirror.upsert(botB, PAPER, [closedTrade(1, dayStart + 2 * MIN, -1)], T0);

    const rows = mirror
      .realisedByBot(dayStart, dayEnd)
      .sort((a, b) => a.botId - b.botId || a.mode.localeCompare(b.mode));
    expect(rows).toEqual([
      { botId: botA, mode: LIVE, realised: 3, closed: 1 },
      { botId: botA, mode: PAPER, realised: 1.5, closed: 2 },
      { botId: botB, mode: PAPER, realised: -1, closed: 1 },
    ]);
    expect(mirror.realisedByBot(dayEnd + 1, dayEnd + 2)).toEqual([]);
    expect(
      mirror
        .closedBetween(dayStart, dayEnd, [botA])
        .map((t) => `${t.mode}:${t.ftTradeId}`)
        .sort(),
    ).toEqual(['REAL_MARKET_SPOT:1', 'SIMULATED:2', 'SIMULATED:3']);
  });
});
