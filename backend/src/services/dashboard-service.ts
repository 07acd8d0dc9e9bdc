// What the dashboard shows, from the monitor's snapshots and the mirror only (never a bot's API
// per request). Paper and Live are always apart; the Live account is read from Binance itself.
import type { ExchangeAdapter } from '../adapters/exchange/client.js';
import { isLive, type Bot, type BotId, type BotMode } from '../domain/bot.js';
import { pnlToday, roiTarget, type PnlToday } from '../domain/figures.js';
import { tradingDayStart } from '../domain/trading-day.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { MirrorRepo } from '../db/repos/mirror-repo.js';

import type { BotMonitor } from './bot-monitor.js';

const ACCOUNT_TTL_MS = 60_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface Position {
  botId: number;
  botName: string;
  mode: BotMode;
  tradeId: number;
  pair: string;
  openedAt: string;
  amount: number;
  stakeAmount: number;
  openRate: number;
  currentRate: number | null;
  stopLoss: number | null;
  target: number | null;
  profitAbs: number | null;
  profitRatio: number | null;
}

export function createDashboardService(deps: {
  bots: BotRepo;
  mirror: MirrorRepo;
  monitor: BotMonitor;
  exchange: ExchangeAdapter;
  timeZone: () => string;
  now: () => number;
}) {
  const { bots, mirror, monitor, now } = deps;
  let account: { at: number; balances: unknown; error: string | null } | null = null;
  let accountLoading: Promise<void> | null = null;
  let reach: { at: number; ok: boolean; error: string | null } | null = null;
  let reachLoading: Promise<void> | null = null;

  /** Whether Binance answers, checked at most once a minute by measuring the clock offset. */
  function exchangeStatus() {
    if ((!reach || now() - reach.at > ACCOUNT_TTL_MS) && !reachLoading) {
      reachLoading = deps.exchange
        .measureClock()
        .then(() => {
          reach = { at: now(), ok: true, error: null };
        })
        .catch((error: unknown) => {
          reach = { at: now(), ok: false, error: (error as Error).message };
        })
        .finally(() => {
          reachLoading = null;
        });
    }
    return {
      ...deps.exchange.figures(),
      reachable: reach?.ok ?? null,
      checkedAt: reach ? new Date(reach.at).toISOString() : null,
      error: reach?.error ?? null,
    };
  }

  /** The Live account's balances, read from Binance at most once a minute. */
  function liveAccount() {
    if (!deps.exchange.hasCredentials()) return null;
    if ((!account || now() - account.at > ACCOUNT_TTL_MS) && !accountLoading) {
      accountLoading = deps.exchange
        .fetchBalance()
        .then((balances) => {
          account = { at: now(), balances, error: null };
        })
        .catch((error: unknown) => {
          account = {
            at: now(),
            balances: account?.balances ?? null,
            error: (error as Error).message,
          };
        })
        .finally(() => {
          accountLoading = null;
        });
    }
    return account && { ...account, at: new Date(account.at).toISOString() };
  }

  function equityNow(bot: Bot): number | null {
    const snapshot = monitor.snapshot(bot.id);
    if (!snapshot) return null;
    return (snapshot.config.availableCapital ?? bot.maxExposure) + snapshot.profit.allProfitAbs;
  }

  function positionsOf(bot: Bot): Position[] {
    const snapshot = monitor.snapshot(bot.id);
    if (!snapshot) return [];
    return snapshot.open.map((t) => ({
      botId: bot.id,
      botName: bot.name,
      mode: bot.mode,
      tradeId: t.tradeId,
      pair: t.pair,
      openedAt: t.openDate.toISOString(),
      amount: t.amount,
      stakeAmount: t.stakeAmount,
      openRate: t.openRate,
      currentRate: t.currentRate,
      stopLoss: t.stopLossAbs,
      target: roiTarget(t.openRate, t.openDate.getTime(), now(), snapshot.config.minimalRoi),
      profitAbs: t.totalProfitAbs ?? t.profitAbs,
      profitRatio: t.totalProfitRatio ?? t.profitRatio,
    }));
  }

  /** The day's rows both modes' totals read, queried once per summary. */
  function dayRows(dayStart: number) {
    return {
      startEquity: mirror.equityBefore(dayStart),
      realised: mirror.realisedByBot(dayStart, now()),
    };
  }

  function totals(mode: BotMode, list: Bot[], day: ReturnType<typeof dayRows>) {
    const mine = list.filter((b) => b.mode === mode);
    const startEquity = new Map(
      day.startEquity.filter((e) => e.mode === mode).map((e) => [e.botId, e.equity]),
    );
    let now_ = 0;
    let start = 0;
    for (const bot of mine) {
      const current = equityNow(bot);
      if (current === null) continue;
      now_ += current;
      start += startEquity.get(bot.id) ?? bot.maxExposure;
    }
    const open = mine.flatMap(positionsOf);
    const closedToday = day.realised.filter((r) => r.mode === mode);
    return {
      bots: mine.length,
      running: mine.filter((b) => b.state === 'RUNNING' || b.state === 'PAUSED').length,
      pnlToday: pnlToday(now_, start) satisfies PnlToday,
      openTrades: open.length,
      closedToday: closedToday.reduce((n, r) => n + r.closed, 0),
      exposure: open.reduce((sum, p) => sum + p.stakeAmount, 0),
    };
  }

  return {
    tradingDayStart: () => tradingDayStart(now(), deps.timeZone()),

    positions(): Position[] {
      return bots.list().flatMap(positionsOf);
    },

    summary() {
      const list = bots.list();
      const timeZone = deps.timeZone();
      const dayStart = tradingDayStart(now(), timeZone);
      const count = <K extends string>(rows: Array<{ botId: number } & Record<K, number>>, k: K) =>
        new Map(rows.map((r) => [r.botId, r[k]]));
      const orders = count(mirror.ordersByBot(dayStart, now()), 'orders');
      const opened = count(mirror.openedByBot(dayStart, now()), 'opened');
      const day = dayRows(dayStart);
      const closed = new Map<number, number>();
      for (const r of day.realised) {
        closed.set(r.botId, (closed.get(r.botId) ?? 0) + r.closed);
      }
      return {
        generatedAt: new Date(now()).toISOString(),
        tradingDay: { timeZone, start: new Date(dayStart).toISOString() },
        exchange: exchangeStatus(),
        live: { ...totals('REAL_MARKET_SPOT', list, day), account: liveAccount() },
        paper: {
          ...totals('SIMULATED', list, day),
          wallets: list
            .filter((b) => !isLive(b))
            .map((b) => ({
              botId: b.id,
              name: b.name,
              capital: b.maxExposure,
              equity: equityNow(b),
            })),
        },
        bots: list.map((bot) => {
          const snapshot = monitor.snapshot(bot.id);
          return {
            id: bot.id,
            name: bot.name,
            mode: bot.mode,
            state: bot.state,
            strategy: bot.strategy,
            pairs: bot.pairs,
            lastLoopAt: snapshot?.lastLoopAt?.toISOString() ?? null,
            openTrades: snapshot?.open.length ?? null,
            ordersToday: orders.get(bot.id) ?? 0,
            // A signal is an entry or exit decision: each became a trade opened or closed today.
            signalsToday: (opened.get(bot.id) ?? 0) + (closed.get(bot.id) ?? 0),
            degraded: monitor.degraded(bot.id),
            streaming: monitor.streaming(bot.id),
          };
        }),
      };
    },

    /** Equity per mode, a point a minute for today, an hour for longer ranges. */
    equity(range: 'today' | '7d' | '30d') {
      const to = now();
      const from =
        range === 'today'
          ? tradingDayStart(to, deps.timeZone())
          : to - (range === '7d' ? 7 : 30) * 86_400_000;
      const step = range === 'today' ? MINUTE : HOUR;
      const last = new Map<string, { at: number; equity: number; mode: BotMode }>();
      for (const s of mirror.equityBetween(from, to)) {
        last.set(`${s.botId}|${s.mode}|${Math.floor(s.at / step)}`, s);
      }
      const points = new Map<number, { paper: number | null; live: number | null }>();
      for (const [keyText, s] of last) {
        const bucket = Number(keyText.split('|')[2]) * step;
        const point = points.get(bucket) ?? { paper: null, live: null };
        if (s.mode === 'REAL_MARKET_SPOT') point.live = (point.live ?? 0) + s.equity;
        else point.paper = (point.paper ?? 0) + s.equity;
        points.set(bucket, point);
      }
      return {
        range,
        step: step === MINUTE ? 'minute' : 'hour',
        points: [...points.entries()]
          .sort(([a], [b]) => a - b)
          .map(([at, p]) => ({ at: new Date(at).toISOString(), ...p })),
      };
    },

    orders(options: { from: number; to: number; botId?: BotId }) {
      const names = bots.names();
      return mirror.ordersBetween(options.from, options.to, options.botId).map((o) => ({
        at: new Date(o.placedAt).toISOString(),
        filledAt: o.filledAt === null ? null : new Date(o.filledAt).toISOString(),
        botId: o.botId,
        botName: names.get(o.botId) ?? null,
        mode: o.mode,
        tradeId: o.ftTradeId,
        pair: o.pair,
        side: o.side,
        orderType: o.orderType,
        price: o.price,
        amount: o.amount,
        filled: o.filled,
        status: o.status,
      }));
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
