import { and, asc, desc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';

import { BOT_MODES, type BotId, type BotMode } from '../../domain/bot.js';
import type { Db } from '../open-db.js';
import { equitySamples, mirrorCursors, mirrorOrders, mirrorTrades } from '../schema.js';

/** A trade as the mirror stores it (from the Freqtrade client's Trade / OpenTrade). */
export interface MirrorTradeInput {
  tradeId: number;
  pair: string;
  isOpen: boolean;
  openDate: Date;
  closeDate: Date | null;
  openRate: number;
  closeRate: number | null;
  amount: number;
  stakeAmount: number;
  realizedProfit: number;
  closeProfitAbs: number | null;
  profitRatio: number | null;
  closeProfitRatio: number | null;
  exitReason: string | null;
  enterTag: string | null;
  stopLossAbs: number | null;
  strategy: string;
  orders: Array<{
    orderId: string;
    side: string;
    orderType: string | null;
    status: string | null;
    price: number | null;
    amount: number | null;
    filled: number | null;
    placedAt: Date | null;
    filledAt: Date | null;
  }>;
}

export type MirrorTrade = typeof mirrorTrades.$inferSelect;
export type MirrorOrder = typeof mirrorOrders.$inferSelect;

export function createMirrorRepo(db: Db) {
  const key = (botId: BotId, mode: BotMode) =>
    and(eq(mirrorTrades.botId, botId), eq(mirrorTrades.mode, mode));

  return {
    /**
     * Inserts or updates trades and their orders in one transaction; the same trade reported
     * twice (an event and a poll, a replay after a restart) is one row.
     */
    upsert(botId: BotId, mode: BotMode, trades: MirrorTradeInput[], now: number): void {
      db.transaction((tx) => {
        for (const t of trades) {
          const row = {
            botId,
            mode,
            ftTradeId: t.tradeId,
            pair: t.pair,
            isOpen: t.isOpen,
            openedAt: t.openDate.getTime(),
            closedAt: t.closeDate?.getTime() ?? null,
            openRate: t.openRate,
            closeRate: t.closeRate,
            amount: t.amount,
            stakeAmount: t.stakeAmount,
            realisedAbs: t.isOpen ? t.realizedProfit : (t.closeProfitAbs ?? t.realizedProfit),
            profitRatio: t.isOpen ? t.profitRatio : (t.closeProfitRatio ?? t.profitRatio),
            exitReason: t.exitReason,
            enterTag: t.enterTag,
            stopLossAbs: t.stopLossAbs,
            strategy: t.strategy,
            data: JSON.stringify(t),
            updatedAt: now,
          };
          const { botId: _b, mode: _m, ftTradeId: _f, ...changes } = row;
          tx.insert(mirrorTrades)
            .values(row)
            .onConflictDoUpdate({
              target: [mirrorTrades.botId, mirrorTrades.mode, mirrorTrades.ftTradeId],
              set: changes,
            })
            .run();
          for (const o of t.orders) {
            const order = {
              botId,
              mode,
              ftTradeId: t.tradeId,
              orderId: o.orderId,
              pair: t.pair,
              side: o.side,
              orderType: o.orderType,
              status: o.status,
              price: o.price,
              amount: o.amount,
              filled: o.filled,
              placedAt: o.placedAt?.getTime() ?? t.openDate.getTime(),
              filledAt: o.filledAt?.getTime() ?? null,
              updatedAt: now,
            };
            const { botId: _ob, mode: _om, orderId: _oi, ...orderChanges } = order;
            tx.insert(mirrorOrders)
              .values(order)
              .onConflictDoUpdate({
                target: [mirrorOrders.botId, mirrorOrders.mode, mirrorOrders.orderId],
                set: orderChanges,
              })
              .run();
          }
        }
      });
    },

    /** A trade Freqtrade deleted (an entry cancelled before it filled) leaves the mirror too. */
    removeTrade(botId: BotId, mode: BotMode, ftTradeId: number): void {
      db.transaction((tx) => {
        tx.delete(mirrorOrders)
          .where(
            and(
              eq(mirrorOrders.botId, botId),
              eq(mirrorOrders.mode, mode),
              eq(mirrorOrders.ftTradeId, ftTradeId),
            ),
          )
          .run();
        tx.delete(mirrorTrades)
          .where(and(key(botId, mode), eq(mirrorTrades.ftTradeId, ftTradeId)))
          .run();
      });
    },

    openTrades(botId?: BotId, mode?: BotMode): MirrorTrade[] {
      const filters = [eq(mirrorTrades.isOpen, true)];
      if (botId !== undefined) filters.push(eq(mirrorTrades.botId, botId));
      if (mode !== undefined) filters.push(eq(mirrorTrades.mode, mode));
      return db
        .select()
        .from(mirrorTrades)
        .where(and(...filters))
        .orderBy(asc(mirrorTrades.openedAt))
        .all();
    },

    /** A bot's trades, newest first, for its page (`before`: an opened-at cursor). */
    tradesOf(
      botId: BotId,
      options: { status?: 'open' | 'closed'; limit: number; before?: number; mode?: BotMode },
    ): MirrorTrade[] {
      const filters = [eq(mirrorTrades.botId, botId)];
      if (options.mode) filters.push(eq(mirrorTrades.mode, options.mode));
      if (options.status) filters.push(eq(mirrorTrades.isOpen, options.status === 'open'));
      if (options.before !== undefined) filters.push(lt(mirrorTrades.openedAt, options.before));
      return db
        .select()
        .from(mirrorTrades)
        .where(and(...filters))
        .orderBy(desc(mirrorTrades.openedAt))
        .limit(options.limit)
        .all();
    },

    /** A bot's trades of one pair still open or closed since `since` (chart markers). */
    tradesOfPair(botId: BotId, pair: string, since: number): MirrorTrade[] {
      return db
        .select()
        .from(mirrorTrades)
        .where(
          and(
            eq(mirrorTrades.botId, botId),
            eq(mirrorTrades.pair, pair),
            or(eq(mirrorTrades.isOpen, true), gte(mirrorTrades.closedAt, since)),
          ),
        )
        .orderBy(asc(mirrorTrades.openedAt))
        .limit(1000)
        .all();
    },

    /** Closed trades whose exit is in [from, to). */
    closedBetween(from: number, to: number, botIds?: BotId[]): MirrorTrade[] {
      const filters = [
        isNotNull(mirrorTrades.closedAt),
        gte(mirrorTrades.closedAt, from),
        lt(mirrorTrades.closedAt, to),
      ];
      if (botIds) filters.push(inArray(mirrorTrades.botId, botIds));
      return db
        .select()
        .from(mirrorTrades)
        .where(and(...filters))
        .all();
    },

    /** Realised profit and trade counts per bot and mode for trades closed in [from, to). */
    realisedByBot(
      from: number,
      to: number,
    ): Array<{ botId: number; mode: BotMode; realised: number; closed: number }> {
      return db
        .select({
          botId: mirrorTrades.botId,
          mode: mirrorTrades.mode,
          realised: sql<number>`coalesce(sum(${mirrorTrades.realisedAbs}), 0)`,
          closed: sql<number>`count(*)`,
        })
        .from(mirrorTrades)
        .where(
          and(
            isNotNull(mirrorTrades.closedAt),
            gte(mirrorTrades.closedAt, from),
            lt(mirrorTrades.closedAt, to),
          ),
        )
        .groupBy(mirrorTrades.botId, mirrorTrades.mode)
        .all();
    },

    /** Trades opened in [from, to), per bot (entry decisions of the day). */
    openedByBot(from: number, to: number): Array<{ botId: number; opened: number }> {
      return db
        .select({ botId: mirrorTrades.botId, opened: sql<number>`count(*)` })
        .from(mirrorTrades)
        .where(and(gte(mirrorTrades.openedAt, from), lt(mirrorTrades.openedAt, to)))
        .groupBy(mirrorTrades.botId)
        .all();
    },

    /** Orders placed in [from, to), per bot. */
    ordersByBot(from: number, to: number): Array<{ botId: number; orders: number }> {
      return db
        .select({ botId: mirrorOrders.botId, orders: sql<number>`count(*)` })
        .from(mirrorOrders)
        .where(and(gte(mirrorOrders.placedAt, from), lt(mirrorOrders.placedAt, to)))
        .groupBy(mirrorOrders.botId)
        .all();
    },

    ordersBetween(from: number, to: number, botId?: BotId): MirrorOrder[] {
      const filters = [gte(mirrorOrders.placedAt, from), lt(mirrorOrders.placedAt, to)];
      if (botId !== undefined) filters.push(eq(mirrorOrders.botId, botId));
      return db
        .select()
        .from(mirrorOrders)
        .where(and(...filters))
        .orderBy(desc(mirrorOrders.placedAt))
        .limit(5000)
        .all();
    },

    ordersOfTrades(botId: BotId, mode: BotMode, ftTradeIds: number[]): MirrorOrder[] {
      if (ftTradeIds.length === 0) return [];
      return db
        .select()
        .from(mirrorOrders)
        .where(
          and(
            eq(mirrorOrders.botId, botId),
            eq(mirrorOrders.mode, mode),
            inArray(mirrorOrders.ftTradeId, ftTradeIds),
          ),
        )
        .all();
    },

    /** How many closed trades of this bot and mode the mirror holds. */
    closedCount(botId: BotId, mode: BotMode): number {
      const row = db
        .select({ n: sql<number>`count(*)` })
        .from(mirrorTrades)
        .where(and(key(botId, mode), eq(mirrorTrades.isOpen, false)))
        .get();
      return row?.n ?? 0;
    },

    /** How many closed trades of this bot and mode were paged so far. */
    closedSeen(botId: BotId, mode: BotMode): number {
      const row = db
        .select()
        .from(mirrorCursors)
        .where(and(eq(mirrorCursors.botId, botId), eq(mirrorCursors.mode, mode)))
        .get();
      return row?.closedSeen ?? 0;
    },

    setClosedSeen(botId: BotId, mode: BotMode, closedSeen: number, now: number): void {
      db.insert(mirrorCursors)
        .values({ botId, mode, closedSeen, updatedAt: now })
        .onConflictDoUpdate({
          target: [mirrorCursors.botId, mirrorCursors.mode],
          set: { closedSeen, updatedAt: now },
        })
        .run();
    },

    addEquity(botId: BotId, mode: BotMode, at: number, equity: number): void {
      db.insert(equitySamples)
        .values({ botId, mode, at, equity })
        .onConflictDoUpdate({
          target: [equitySamples.botId, equitySamples.mode, equitySamples.at],
          set: { equity },
        })
        .run();
    },

    /** Samples in [from, to), oldest first. */
    equityBetween(
      from: number,
      to: number,
    ): Array<{ botId: number; mode: BotMode; at: number; equity: number }> {
      return db
        .select({
          botId: equitySamples.botId,
          mode: equitySamples.mode,
          at: equitySamples.at,
          equity: equitySamples.equity,
        })
        .from(equitySamples)
        .where(and(gte(equitySamples.at, from), lt(equitySamples.at, to)))
        .orderBy(asc(equitySamples.at))
        .all();
    },

    /**
     * Each bot's last sample before `at` (its equity at the start of a period). One index seek
     * per bot and mode: grouping the samples themselves read every older one (a month of minute
     * samples is 43,200 per bot; ~110 ms for 20 bots, twice per dashboard summary).
     */
    equityBefore(at: number): Array<{ botId: number; mode: BotMode; equity: number }> {
      const modes = sql.join(
        BOT_MODES.map((mode) => sql`SELECT ${mode} AS mode`),
        sql` UNION ALL `,
      );
      const rows = db.all<{ botId: number; mode: BotMode; equity: number | null }>(sql`
        SELECT b.id AS "botId", m.mode AS "mode",
          (SELECT e.equity FROM equity_samples e
            WHERE e.bot_id = b.id AND e.mode = m.mode AND e.at < ${at}
            ORDER BY e.at DESC LIMIT 1) AS "equity"
        FROM bots b CROSS JOIN (${modes}) m`);
      return rows.flatMap((r) => (r.equity === null ? [] : [{ ...r, equity: r.equity }]));
    },
  };
}

export type MirrorRepo = ReturnType<typeof createMirrorRepo>;
