// A bot's page (issue #5): its trades from the mirror, its candles (the bot's own at its
// timeframe, the exchange's at any other) with trade markers, its log tail, and the forced entry
// and exit an admin may ask for. Reads come from the monitor's caches and the mirror, so the
// bot's API load does not grow with the people watching.
import type { ExchangeAdapter } from '../adapters/exchange/client.js';
import type { BotApis } from './bot-api.js';
import { runsProcess, TIMEFRAME_MS, type Bot, type BotId } from '../domain/bot.js';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import { roiTarget } from '../domain/figures.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { MirrorRepo, MirrorTrade } from '../db/repos/mirror-repo.js';

import type { AuditService } from './audit-service.js';
import type { BotMonitor } from './bot-monitor.js';
import type { Caller } from './bot-service.js';
import type { MarketService, Timeframe } from './market-service.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface ForceEnterRequest {
  pair: string;
  stakeAmount?: number;
  orderType?: 'market' | 'limit';
  price?: number;
}

export function tradeView(t: MirrorTrade, orders: ReturnType<MirrorRepo['ordersOfTrades']>) {
  return {
    tradeId: t.ftTradeId,
    mode: t.mode,
    pair: t.pair,
    isOpen: t.isOpen,
    openedAt: iso(t.openedAt),
    closedAt: iso(t.closedAt),
    openRate: t.openRate,
    closeRate: t.closeRate,
    amount: t.amount,
    stakeAmount: t.stakeAmount,
    profitAbs: t.realisedAbs,
    profitRatio: t.profitRatio,
    exitReason: t.exitReason,
    enterTag: t.enterTag,
    stopLoss: t.stopLossAbs,
    orders: orders
      .filter((o) => o.ftTradeId === t.ftTradeId)
      .map((o) => ({
        orderId: o.orderId,
        side: o.side,
        orderType: o.orderType,
        status: o.status,
        price: o.price,
        amount: o.amount,
        filled: o.filled,
        placedAt: iso(o.placedAt),
        filledAt: iso(o.filledAt),
      })),
  };
}

export function createBotTrading(deps: {
  bots: BotRepo;
  mirror: MirrorRepo;
  monitor: BotMonitor;
  apis: BotApis;
  exchange: ExchangeAdapter;
  /** Candles at other timeframes than the bot's come from the shared market feed. */
  market: Pick<MarketService, 'snapshot'>;
  audit: AuditService;
  now: () => number;
}) {
  const { bots, mirror, monitor, now } = deps;

  function mustFind(id: BotId): Bot {
    const bot = bots.find(id);
    if (!bot) throw new NotFoundError('bot-not-found', `there is no bot ${id}`);
    return bot;
  }

  /** The market feed's candles: one upstream stream per (pair, timeframe), whoever asks. */
  async function fromExchange(pair: string, timeframe: string, limit: number) {
    const snapshot = await deps.market.snapshot(pair, timeframe as Timeframe, limit);
    return snapshot.candles ?? [];
  }

  function record(caller: Caller, action: string, bot: Bot, after: object) {
    deps.audit.record({
      actor: caller.actor,
      action,
      target: `bot:${bot.id}`,
      after,
      ip: caller.ip,
    });
  }

  return {
    trades(id: BotId, options: { status?: 'open' | 'closed'; limit: number; before?: number }) {
      mustFind(id);
      const rows = mirror.tradesOf(id, options);
      const byMode = new Map<string, number[]>();
      for (const r of rows) byMode.set(r.mode, [...(byMode.get(r.mode) ?? []), r.ftTradeId]);
      const orders = [...byMode].flatMap(([mode, ids]) =>
        mirror.ordersOfTrades(id, mode as Bot['mode'], ids),
      );
      return {
        trades: rows.map((t) =>
          tradeView(
            t,
            orders.filter((o) => o.mode === t.mode),
          ),
        ),
        nextBefore: rows.length === options.limit ? iso(rows[rows.length - 1]!.openedAt) : null,
      };
    },

    logs(id: BotId) {
      const bot = mustFind(id);
      const snapshot = monitor.snapshot(id);
      return {
        running: runsProcess(bot.desiredState),
        at: snapshot ? iso(snapshot.at) : null,
        lines: (snapshot?.logs ?? []).map((l) => ({
          at: l.at.toISOString(),
          level: l.level,
          logger: l.logger,
          message: l.message,
        })),
      };
    },

    /**
     * Candles for the chart: the bot's own analysed candles (with its signal columns) at its
     * timeframe while it runs, else the exchange's; markers and lines from the mirror.
     */
    async candles(id: BotId, pair: string, wanted: string | undefined, limit: number) {
      const bot = mustFind(id);
      const timeframe = wanted ?? bot.timeframe;
      const own =
        timeframe === bot.timeframe && runsProcess(bot.desiredState) && bot.pairs.includes(pair);
      let candles: Array<{
        time: number;
        open: number;
        high: number;
        low: number;
        close: number;
        volume: number;
      }>;
      let signals: Array<{ time: string; kind: 'entry' | 'exit'; tag: string | null }> = [];
      let source: 'bot' | 'exchange' = 'exchange';
      const fromBot = own ? await monitor.candles(bot, pair).catch(() => null) : null;
      if (fromBot) {
        source = 'bot';
        const rows = fromBot.candles.slice(-limit);
        candles = rows.flatMap((c) =>
          c.open === null || c.high === null || c.low === null || c.close === null
            ? []
            : [
                {
                  time: c.time.getTime(),
                  open: c.open,
                  high: c.high,
                  low: c.low,
                  close: c.close,
                  volume: c.volume ?? 0,
                },
              ],
        );
        signals = rows.flatMap((c) => [
          ...(c.enterLong
            ? [{ time: c.time.toISOString(), kind: 'entry' as const, tag: c.enterTag }]
            : []),
          ...(c.exitLong ? [{ time: c.time.toISOString(), kind: 'exit' as const, tag: null }] : []),
        ]);
      } else {
        candles = await fromExchange(pair, timeframe, limit);
      }
      const from =
        candles[0]?.time ??
        now() - (TIMEFRAME_MS[timeframe as keyof typeof TIMEFRAME_MS] ?? 60_000) * limit;
      const trades = mirror.tradesOfPair(id, pair, from);
      const snapshot = monitor.snapshot(id);
      const markers = trades.flatMap((t) => [
        { tradeId: t.ftTradeId, kind: 'entry' as const, time: iso(t.openedAt), price: t.openRate },
        ...(t.closedAt === null
          ? []
          : [
              {
                tradeId: t.ftTradeId,
                kind: 'exit' as const,
                time: iso(t.closedAt),
                price: t.closeRate,
                profitRatio: t.profitRatio,
                exitReason: t.exitReason,
              },
            ]),
      ]);
      const lines = (snapshot?.open ?? [])
        .filter((t) => t.pair === pair)
        .map((t) => ({
          tradeId: t.tradeId,
          entry: t.openRate,
          stop: t.stopLossAbs,
          target: roiTarget(t.openRate, t.openDate.getTime(), now(), snapshot?.config.minimalRoi),
        }));
      return {
        pair,
        timeframe,
        source,
        candles: candles.map((c) => ({ ...c, time: new Date(c.time).toISOString() })),
        signals,
        markers,
        lines,
      };
    },

    async forceEnter(id: BotId, request: ForceEnterRequest, caller: Caller) {
      const bot = mustFind(id);
      if (bot.desiredState !== 'RUNNING' || bot.state !== 'RUNNING') {
        throw new ConflictError(
          'bot-not-trading',
          `the bot is ${bot.desiredState === 'PAUSED' ? 'paused' : bot.state.toLowerCase()}: a forced entry needs a running bot`,
          { details: { state: bot.state, desiredState: bot.desiredState } },
        );
      }
      if (!bot.pairs.includes(request.pair)) {
        throw new ValidationError([
          {
            path: 'pair',
            rule: 'pair-not-in-bot',
            params: {},
            message: `${request.pair} is not one of this bot's pairs`,
          },
        ]);
      }
      if (request.stakeAmount !== undefined) {
        const market = (await deps.exchange.markets()).find((m) => m.symbol === request.pair);
        if (market && market.minNotional > 0 && request.stakeAmount < market.minNotional) {
          throw new ValidationError([
            {
              path: 'stakeAmount',
              rule: 'stake-below-minimum',
              params: { minimum: market.minNotional, pair: request.pair },
              message: `must be at least ${market.minNotional}, the exchange's minimum order for ${request.pair}`,
            },
          ]);
        }
      }
      const trade = await deps.apis.client(bot).forceEnter({
        pair: request.pair,
        stakeAmount: request.stakeAmount,
        orderType: request.orderType,
        price: request.price,
        entryTag: 'spotdesk-force-entry',
      });
      record(caller, 'bot-force-enter', bot, { ...request, tradeId: trade.tradeId });
      await monitor.syncNow(id);
      return { tradeId: trade.tradeId, pair: trade.pair };
    },

    async forceExit(
      id: BotId,
      tradeId: number | 'all',
      orderType: 'market' | 'limit',
      caller: Caller,
    ) {
      const bot = mustFind(id);
      if (!runsProcess(bot.desiredState) || (bot.state !== 'RUNNING' && bot.state !== 'PAUSED')) {
        throw new ConflictError(
          'bot-not-trading',
          `the bot is ${bot.state.toLowerCase()}: start it (paused is enough) to exit a trade`,
          { details: { state: bot.state, desiredState: bot.desiredState } },
        );
      }
      const client = deps.apis.client(bot);
      if (tradeId !== 'all' && !(await client.status()).some((t) => t.tradeId === tradeId)) {
        throw new NotFoundError('not-found', `trade ${tradeId} is not open on this bot`);
      }
      const result = await client.forceExit({ tradeId, orderType });
      record(caller, 'bot-force-exit', bot, { tradeId, orderType });
      await monitor.syncNow(id);
      return { result };
    },
  };
}

export type BotTrading = ReturnType<typeof createBotTrading>;
