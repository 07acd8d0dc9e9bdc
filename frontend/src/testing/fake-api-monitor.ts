import type { z } from 'zod';

// The orchestrator's own pure modules: the figures' definitions, the trading day and its refusals.
import type { Bot, BotMode } from '../../../backend/src/domain/bot';
import { AppError, ValidationError } from '../../../backend/src/domain/errors';
import { pnlToday } from '../../../backend/src/domain/figures';
import { isTimeZone, tradingDayStart } from '../../../backend/src/domain/trading-day';
import { issuesFromZod } from '../../../backend/src/http/middleware/zod-issues';
import { monitorSchemas } from '../../../backend/src/http/routes/monitor-schemas';
import { closeFakeTrade } from './fake-api-bot-page';
import type { FakeBotPageState } from './fake-api-bot-page';
import type { Answer, BotRequest } from './fake-api-bots';
import type { FakeBotsState } from './fake-bots-state';
import type { FakeMonitorState } from './fake-monitor-state';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

// The orchestrator's own schemas (backend http/routes/monitor-schemas.ts).
const SCHEMAS = {
  equity: monitorSchemas.equityQuery,
  orders: monitorSchemas.ordersQuery,
  closeAll: monitorSchemas.closeAllBody,
  trading: monitorSchemas.tradingBody,
};

type Monitor = {
  bots: FakeBotsState;
  monitor: FakeMonitorState;
  botPage: FakeBotPageState;
  publish: (channel: string, payload: unknown, botId: number | null) => void;
};

function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query') {
  const value = input ?? {};
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error.issues, where, value));
  return result.data as z.output<S>;
}

const dayStart = ({ bots, monitor }: Monitor) => tradingDayStart(bots.now, monitor.timeZone);

/** The bot's open trades (GET /api/dashboard/positions itself is the bot page fake's). */
const openTradesOf = (m: Monitor, bot: Bot) =>
  m.botPage.trades.filter((t) => t.botId === bot.id && t.isOpen);

const closedSince = (m: Monitor, bot: Bot, from: number) =>
  m.botPage.trades.filter((t) => t.botId === bot.id && t.closedAt !== null && t.closedAt >= from)
    .length;

function totals(m: Monitor, mode: BotMode) {
  const mine = m.bots.bots.filter((b) => b.mode === mode);
  let equityNow = 0;
  let equityAtStart = 0;
  for (const bot of mine) {
    const snapshot = m.monitor.snapshots.get(bot.id);
    if (!snapshot) continue;
    equityNow += snapshot.equityNow;
    equityAtStart += snapshot.equityAtDayStart ?? bot.maxExposure;
  }
  const open = mine.flatMap((bot) => openTradesOf(m, bot));
  const from = dayStart(m);
  return {
    bots: mine.length,
    running: mine.filter((b) => b.state === 'RUNNING' || b.state === 'PAUSED').length,
    pnlToday: pnlToday(equityNow, equityAtStart),
    openTrades: open.length,
    closedToday: mine.reduce((n, bot) => n + closedSince(m, bot, from), 0),
    exposure: open.reduce((sum, t) => sum + t.stakeAmount, 0),
  };
}

function ordersBetween(m: Monitor, from: number, to: number, botId?: number) {
  const names = new Map(m.bots.bots.map((b) => [b.id as number, b]));
  return m.monitor.orders
    .filter(
      (o) => o.placedAt >= from && o.placedAt < to && (botId === undefined || o.botId === botId),
    )
    .sort((a, b) => b.placedAt - a.placedAt)
    .map((o) => ({
      at: iso(o.placedAt),
      filledAt: o.filledAt === null ? null : iso(o.filledAt),
      botId: o.botId,
      botName: names.get(o.botId)?.name ?? null,
      mode: names.get(o.botId)?.mode ?? 'SIMULATED',
      tradeId: o.tradeId,
      pair: o.pair,
      side: o.side,
      orderType: o.orderType,
      price: o.price,
      amount: o.amount,
      filled: o.filled,
      status: o.status,
    }));
}

function summary(m: Monitor) {
  const start = dayStart(m);
  const { account } = m.monitor;
  const today = ordersBetween(m, start, m.bots.now);
  return {
    generatedAt: iso(m.bots.now),
    tradingDay: { timeZone: m.monitor.timeZone, start: iso(start) },
    exchange: m.monitor.exchange,
    live: {
      ...totals(m, 'REAL_MARKET_SPOT'),
      account: account && { ...account, at: iso(account.at) },
    },
    paper: {
      ...totals(m, 'SIMULATED'),
      wallets: m.bots.bots
        .filter((b) => b.mode === 'SIMULATED')
        .map((b) => ({
          botId: b.id,
          name: b.name,
          capital: b.maxExposure,
          equity: m.monitor.snapshots.get(b.id)?.equityNow ?? null,
        })),
    },
    bots: m.bots.bots.map((bot) => {
      const snapshot = m.monitor.snapshots.get(bot.id);
      const mine = today.filter((o) => o.botId === bot.id);
      const opened = m.botPage.trades.filter(
        (t) => t.botId === bot.id && t.openedAt >= start,
      ).length;
      return {
        id: bot.id,
        name: bot.name,
        mode: bot.mode,
        state: bot.state,
        strategy: bot.strategy,
        pairs: bot.pairs,
        lastLoopAt: snapshot?.lastLoopAt ? iso(snapshot.lastLoopAt) : null,
        openTrades: snapshot ? openTradesOf(m, bot).length : null,
        ordersToday: mine.length,
        // An entry or exit decision: each became a trade opened or closed today (as the backend).
        signalsToday: opened + closedSince(m, bot, start),
        degraded: snapshot?.degraded ?? null,
        streaming: snapshot?.streaming ?? false,
      };
    }),
  };
}

/** Pauses every bot, then closes each one's trades unless the test said it stays pending or fails. */
function closeAll(m: Monitor, req: BotRequest): Answer {
  parse(SCHEMAS.closeAll, req.body, 'body');
  const startedAt = m.bots.now;
  const rows = m.bots.bots.map((bot) => {
    const open = openTradesOf(m, bot);
    const held = open.length;
    const startedPaused =
      bot.desiredState !== 'RUNNING' && bot.desiredState !== 'PAUSED' && held > 0;
    if (bot.desiredState === 'RUNNING' || startedPaused) {
      bot.desiredState = 'PAUSED';
      if (m.bots.converge === 'instant') bot.state = 'PAUSED';
      req.publish(bot);
    }
    const outcome = m.monitor.closeOutcomes.get(bot.id);
    if (outcome?.result === 'failed') {
      return row(
        bot,
        'failed',
        null,
        null,
        startedPaused,
        outcome.error ?? 'the bot did not answer',
      );
    }
    if (outcome?.result === 'pending') return row(bot, 'pending', held, held, startedPaused, null);
    for (const trade of open) {
      closeFakeTrade(trade, trade.currentRate ?? trade.openRate, m.bots.now, 'force_exit');
    }
    // The monitor's next sync sees the trades gone (backend bot-monitor.ts).
    if (held > 0) m.publish('positions', { botId: bot.id }, bot.id);
    return row(bot, 'closed', held, 0, startedPaused, null);
  });
  return {
    status: 200,
    body: { startedAt: iso(startedAt), finishedAt: iso(m.bots.now), bots: rows },
  };
}

function row(
  bot: Bot,
  result: 'closed' | 'pending' | 'failed',
  openBefore: number | null,
  openAfter: number | null,
  startedPaused: boolean,
  error: string | null,
) {
  return {
    botId: bot.id,
    name: bot.name,
    mode: bot.mode,
    result,
    openBefore,
    openAfter,
    startedPaused,
    error,
  };
}

function setTimeZone(m: Monitor, req: BotRequest): Answer {
  const { timeZone } = parse(SCHEMAS.trading, req.body, 'body');
  if (!isTimeZone(timeZone)) {
    // backend services/settings-service.ts setTradingTimeZone
    throw new ValidationError([
      {
        path: 'timeZone',
        rule: 'time-zone-unknown',
        params: {},
        message: 'must be an IANA time zone such as UTC or America/Sao_Paulo',
      },
    ]);
  }
  m.monitor.timeZone = timeZone;
  return { status: 200, body: { timeZone } };
}

function readRoute(m: Monitor, req: BotRequest): Answer | null {
  const { method, path } = req;
  if (method !== 'GET') return null;
  const query = Object.fromEntries(req.query);
  if (path === '/api/dashboard/summary') return { status: 200, body: summary(m) };
  if (path === '/api/dashboard/equity') {
    const { range } = parse(SCHEMAS.equity, query, 'query');
    const from = range === 'today' ? dayStart(m) : m.bots.now - (range === '7d' ? 7 : 30) * DAY;
    const points = m.monitor.equity
      .filter((p) => p.at >= from && p.at <= m.bots.now)
      .map((p) => ({ ...p, at: iso(p.at) }));
    return { status: 200, body: { range, step: range === 'today' ? 'minute' : 'hour', points } };
  }
  if (path === '/api/orders') {
    const { from, to, bot } = parse(SCHEMAS.orders, query, 'query');
    const end = to ?? m.bots.now;
    const start = from ?? dayStart(m);
    return {
      status: 200,
      body: {
        from: iso(start),
        to: iso(end),
        orders: ordersBetween(m, start, Math.min(end, start + 31 * DAY), bot),
      },
    };
  }
  if (path === '/api/settings/trading')
    return { status: 200, body: { timeZone: m.monitor.timeZone } };
  return null;
}

const WRITES = new Set(['POST /api/emergency/close-all', 'PUT /api/settings/trading']);

/** The live monitor's API (backend http/routes/monitor.ts) and the trading day setting. */
export function monitorRoutes(m: Monitor, req: BotRequest): Answer | null {
  try {
    const read = readRoute(m, req);
    if (read) return read;
    if (!WRITES.has(`${req.method} ${req.path}`)) return null;
    if (req.user.role !== 'admin') throw new AppError('forbidden', 'admins only', 403);
    return req.path === '/api/settings/trading' ? setTimeZone(m, req) : closeAll(m, req);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { code, message, details } = error;
    return {
      status: error.httpStatus,
      body: { error: { code, message, ...(details ? { details } : {}) } },
    };
  }
}
