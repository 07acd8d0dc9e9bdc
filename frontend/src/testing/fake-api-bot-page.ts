import type { z } from 'zod';

// The bot page's API (backend http/routes/monitor.ts, services/bot-trading.ts) on in-memory
// state, with the orchestrator's own pure rules: schemas, timeframes, ROI target, errors.
import type { Bot } from '../../../backend/src/domain/bot';
import { TIMEFRAME_MS, runsProcess } from '../../../backend/src/domain/bot';
import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
} from '../../../backend/src/domain/errors';
import { roiTarget } from '../../../backend/src/domain/figures';
import { monitorSchemas } from '../../../backend/src/http/routes/monitor-schemas';
import type { Answer, BotRequest } from './fake-api-bodies';
import { failWith, parse } from './fake-api-bodies';
import type { FakeBotsState } from './fake-bots-state';

/** A trade of the mirror, with the rate the bot last reported while it is open. */
export type FakeTrade = {
  botId: number;
  tradeId: number;
  mode: Bot['mode'];
  pair: string;
  isOpen: boolean;
  openedAt: number;
  closedAt: number | null;
  openRate: number;
  closeRate: number | null;
  amount: number;
  stakeAmount: number;
  profitAbs: number;
  profitRatio: number | null;
  exitReason: string | null;
  enterTag: string | null;
  stopLoss: number | null;
  currentRate: number | null;
};

export type FakeLogLine = { at: number; level: string; logger: string; message: string };

export type FakeBotPageState = {
  trades: FakeTrade[];
  /** Each bot's log as its last sync read it (`/logs`); absent = not read yet. */
  logs: Map<number, FakeLogLine[]>;
};

export function createFakeBotPageState(): FakeBotPageState {
  return { trades: [], logs: new Map() };
}

const BASE_PRICE: Record<string, number> = { BTC: 67_250, ETH: 3_412, SOL: 148.6 };

/** A repeatable pseudo-random number in [0, 1) for one candle of one series. */
function noise(key: string): number {
  let h = 2_166_136_261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0;
  return h / 2 ** 32;
}

/**
 * Deterministic candles anchored in time (a candle's prices depend on its own open time), ending
 * with the candle open at `now`; a later `now` adds candles instead of shifting the same ones.
 */
export function fakeCandles(pair: string, timeframe: string, limit: number, now: number) {
  const step = TIMEFRAME_MS[timeframe as keyof typeof TIMEFRAME_MS] ?? 60_000;
  const base = BASE_PRICE[pair.split('/')[0] ?? ''] ?? 12.5;
  const swing = 0.0006 * Math.sqrt(step / 60_000);
  const closeAt = (time: number) => {
    const k = time / step;
    const wave = Math.sin(k / 37) * 6 + Math.sin(k / 11) * 3;
    return base * (1 + swing * (wave + (noise(`${pair}|${timeframe}|${time}`) - 0.5) * 4));
  };
  const last = Math.floor(now / step) * step;
  const round = (v: number) => Number(v.toFixed(base >= 100 ? 2 : 4));
  return Array.from({ length: limit }, (_, index) => {
    const time = last - (limit - 1 - index) * step;
    const open = closeAt(time - step);
    const close = closeAt(time);
    const wick = swing * base * noise(`${pair}|${time}|wick`);
    return {
      time,
      open: round(open),
      high: round(Math.max(open, close) + wick),
      low: round(Math.min(open, close) - wick),
      close: round(close),
      volume: Number((noise(`${pair}|${time}|volume`) * 40 + 2).toFixed(4)),
    };
  });
}

/** A trade as the mirror would hold it; tests give what matters to them. */
export function addFakeTrade(
  state: FakeBotPageState,
  bot: Bot,
  overrides: Partial<FakeTrade> & Pick<FakeTrade, 'pair' | 'openedAt' | 'openRate'>,
): FakeTrade {
  const ids = state.trades.filter((t) => t.botId === bot.id).map((t) => t.tradeId);
  const stakeAmount = overrides.stakeAmount ?? bot.stakeAmount;
  const trade: FakeTrade = {
    botId: bot.id,
    tradeId: Math.max(0, ...ids) + 1,
    mode: bot.mode,
    isOpen: true,
    closedAt: null,
    closeRate: null,
    amount: Number((stakeAmount / overrides.openRate).toFixed(8)),
    stakeAmount,
    profitAbs: 0,
    profitRatio: null,
    exitReason: null,
    enterTag: null,
    stopLoss: null,
    currentRate: null,
    ...overrides,
  };
  state.trades.push(trade);
  return trade;
}

/** Closes a trade at `rate` as Freqtrade books it (fees left out). */
export function closeFakeTrade(trade: FakeTrade, rate: number, at: number, reason: string): void {
  trade.isOpen = false;
  trade.closedAt = at;
  trade.closeRate = rate;
  trade.profitAbs = Number(((rate - trade.openRate) * trade.amount).toFixed(8));
  trade.profitRatio = Number((rate / trade.openRate - 1).toFixed(6));
  trade.exitReason = reason;
  trade.currentRate = null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function tradeView(t: FakeTrade) {
  return {
    tradeId: t.tradeId,
    mode: t.mode,
    pair: t.pair,
    isOpen: t.isOpen,
    openedAt: iso(t.openedAt),
    closedAt: iso(t.closedAt),
    openRate: t.openRate,
    closeRate: t.closeRate,
    amount: t.amount,
    stakeAmount: t.stakeAmount,
    profitAbs: t.profitAbs,
    profitRatio: t.profitRatio,
    exitReason: t.exitReason,
    enterTag: t.enterTag,
    stopLoss: t.stopLoss,
    orders: [],
  };
}

// The orchestrator's own query and body schemas (backend http/routes/monitor-schemas.ts).
const QUERIES = { trades: monitorSchemas.tradesQuery, candles: monitorSchemas.candlesQuery };
const BODIES = {
  forceEnter: monitorSchemas.forceEnterBody,
  forceExit: monitorSchemas.forceExitBody,
};

function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.output<S> {
  const input = Object.fromEntries(query);
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || 'query',
        rule: 'invalid-type',
        params: {},
        message: issue.message,
      })),
    );
  }
  return result.data;
}

type Publish = (channel: string, payload: unknown, botId: number | null) => void;
type Context = { bots: FakeBotsState; page: FakeBotPageState; req: BotRequest; publish: Publish };

function trades(ctx: Context, bot: Bot): Answer {
  const { status, limit, before } = parseQuery(QUERIES.trades, ctx.req.query);
  const rows = ctx.page.trades
    .filter((t) => t.botId === bot.id)
    .filter((t) => status === undefined || t.isOpen === (status === 'open'))
    .filter((t) => before === undefined || t.openedAt < before)
    .sort((a, b) => b.openedAt - a.openedAt)
    .slice(0, limit);
  return {
    status: 200,
    body: {
      trades: rows.map(tradeView),
      nextBefore:
        rows.length === limit && rows.length > 0
          ? new Date(rows[rows.length - 1]!.openedAt).toISOString()
          : null,
    },
  };
}

function candles(ctx: Context, bot: Bot): Answer {
  const query = parseQuery(QUERIES.candles, ctx.req.query);
  const timeframe = query.timeframe ?? bot.timeframe;
  const now = ctx.bots.now;
  const own =
    timeframe === bot.timeframe && runsProcess(bot.desiredState) && bot.pairs.includes(query.pair);
  const rows = fakeCandles(query.pair, timeframe, query.limit, now);
  const from = rows[0]?.time ?? now;
  const ofPair = ctx.page.trades
    .filter((t) => t.botId === bot.id && t.pair === query.pair)
    .filter((t) => t.isOpen || (t.closedAt ?? 0) >= from)
    .sort((a, b) => a.openedAt - b.openedAt);
  const markers = ofPair.flatMap((t) => [
    { tradeId: t.tradeId, kind: 'entry', time: iso(t.openedAt), price: t.openRate },
    ...(t.closedAt === null
      ? []
      : [
          {
            tradeId: t.tradeId,
            kind: 'exit',
            time: iso(t.closedAt),
            price: t.closeRate,
            profitRatio: t.profitRatio,
            exitReason: t.exitReason,
          },
        ]),
  ]);
  const lines = ofPair
    .filter((t) => t.isOpen)
    .map((t) => ({
      tradeId: t.tradeId,
      entry: t.openRate,
      stop: t.stopLoss,
      target: roiTarget(t.openRate, t.openedAt, now, bot.minimalRoi),
    }));
  const signals = own
    ? ofPair.map((t) => ({ time: iso(t.openedAt), kind: 'entry', tag: t.enterTag }))
    : [];
  return {
    status: 200,
    body: {
      pair: query.pair,
      timeframe,
      source: own ? 'bot' : 'exchange',
      candles: rows.map((c) => ({ ...c, time: new Date(c.time).toISOString() })),
      signals,
      markers,
      lines,
    },
  };
}

function logs(ctx: Context, bot: Bot): Answer {
  const lines = ctx.page.logs.get(bot.id);
  return {
    status: 200,
    body: {
      running: runsProcess(bot.desiredState),
      at: lines ? iso(ctx.bots.now) : null,
      lines: (lines ?? []).map((l) => ({ ...l, at: new Date(l.at).toISOString() })),
    },
  };
}

function publishOrder(ctx: Context, bot: Bot, trade: FakeTrade, side: 'buy' | 'sell') {
  ctx.publish(
    'orders',
    {
      botId: bot.id,
      botName: bot.name,
      mode: bot.mode,
      at: iso(ctx.bots.now),
      tradeId: trade.tradeId,
      pair: trade.pair,
      side,
      stage: 'filled',
    },
    bot.id,
  );
}

function forceEnter(ctx: Context, bot: Bot): Answer {
  const request = parse(BODIES.forceEnter, ctx.req.body);
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
  const market = ctx.bots.markets.find((m) => m.symbol === request.pair);
  if (request.stakeAmount !== undefined && market && request.stakeAmount < market.minNotional) {
    throw new ValidationError([
      {
        path: 'stakeAmount',
        rule: 'stake-below-minimum',
        params: { minimum: market.minNotional, pair: request.pair },
        message: `must be at least ${market.minNotional}, the exchange's minimum order for ${request.pair}`,
      },
    ]);
  }
  const last = fakeCandles(request.pair, bot.timeframe, 1, ctx.bots.now)[0];
  const rate = request.price ?? last?.close ?? 1;
  const trade = addFakeTrade(ctx.page, bot, {
    pair: request.pair,
    openedAt: ctx.bots.now,
    openRate: rate,
    stakeAmount: request.stakeAmount ?? bot.stakeAmount,
    enterTag: 'spotdesk-force-entry',
    currentRate: rate,
  });
  publishOrder(ctx, bot, trade, 'buy');
  return { status: 200, body: { tradeId: trade.tradeId, pair: trade.pair } };
}

function forceExit(ctx: Context, bot: Bot): Answer {
  const { tradeId } = parse(BODIES.forceExit, ctx.req.body);
  const running = bot.state === 'RUNNING' || bot.state === 'PAUSED';
  if (!runsProcess(bot.desiredState) || !running) {
    throw new ConflictError(
      'bot-not-trading',
      `the bot is ${bot.state.toLowerCase()}: start it (paused is enough) to exit a trade`,
      { details: { state: bot.state, desiredState: bot.desiredState } },
    );
  }
  const open = ctx.page.trades.filter((t) => t.botId === bot.id && t.isOpen);
  const chosen = tradeId === 'all' ? open : open.filter((t) => t.tradeId === tradeId);
  if (tradeId !== 'all' && chosen.length === 0) {
    throw new NotFoundError('not-found', `trade ${tradeId} is not open on this bot`);
  }
  for (const trade of chosen) {
    closeFakeTrade(trade, trade.currentRate ?? trade.openRate, ctx.bots.now, 'force_exit');
    publishOrder(ctx, bot, trade, 'sell');
  }
  const result =
    tradeId === 'all'
      ? 'Created exit orders for all open trades.'
      : `Created exit order for trade ${tradeId}.`;
  return { status: 200, body: { result } };
}

/** GET /api/dashboard/positions: every bot's open trades at the rate it reported last. */
function positions(ctx: Context): Answer {
  const list = ctx.page.trades.flatMap((t) => {
    const bot = ctx.bots.bots.find((b) => b.id === t.botId);
    if (!bot || !t.isOpen) return [];
    const current = t.currentRate;
    return [
      {
        botId: bot.id,
        botName: bot.name,
        mode: bot.mode,
        tradeId: t.tradeId,
        pair: t.pair,
        openedAt: iso(t.openedAt),
        amount: t.amount,
        stakeAmount: t.stakeAmount,
        openRate: t.openRate,
        currentRate: current,
        stopLoss: t.stopLoss,
        target: roiTarget(t.openRate, t.openedAt, ctx.bots.now, bot.minimalRoi),
        profitAbs: current === null ? null : Number(((current - t.openRate) * t.amount).toFixed(8)),
        profitRatio: current === null ? null : Number((current / t.openRate - 1).toFixed(6)),
      },
    ];
  });
  return { status: 200, body: { positions: list } };
}

const PAGE_ROUTES: Record<string, (ctx: Context, bot: Bot) => Answer> = {
  'GET /trades': trades,
  'GET /candles': candles,
  'GET /logs': logs,
  'POST /forceenter': forceEnter,
  'POST /forceexit': forceExit,
};

/** The bot page's endpoints, or null for a path they do not own. */
export function botPageRoutes(
  state: { bots: FakeBotsState; botPage: FakeBotPageState; publish: Publish },
  req: BotRequest,
): Answer | null {
  const { bots } = state;
  const ctx: Context = { bots, page: state.botPage, req, publish: state.publish };
  try {
    if (req.method === 'GET' && req.path === '/api/dashboard/positions') return positions(ctx);
    const match = /^\/api\/bots\/(\d+)(\/[a-z]+)$/.exec(req.path);
    const handler = match ? PAGE_ROUTES[`${req.method} ${match[2]}`] : undefined;
    if (!match || !handler) return null;
    if (req.method !== 'GET' && req.user.role !== 'admin') {
      return failWith(new AppError('forbidden', 'admins only', 403));
    }
    const bot = bots.bots.find((b) => b.id === Number(match[1]));
    if (!bot) return failWith(new NotFoundError('bot-not-found', `there is no bot ${match[1]}`));
    return handler(ctx, bot);
  } catch (error) {
    if (error instanceof AppError) return failWith(error);
    throw error;
  }
}
