import { z } from 'zod';

// The orchestrator's pure rules; the route schemas are re-declared (http/routes/bots.ts imports
// express) field for field.
import { checkBotSettings } from '../../../backend/src/domain/bot-rules';
import type { Bot, BotAction, BotSettings } from '../../../backend/src/domain/bot';
import { BOT_MODES, TIMEFRAMES, isLive, nextDesiredState } from '../../../backend/src/domain/bot';
import { AppError, ConflictError, ValidationError } from '../../../backend/src/domain/errors';
import { diffConfigs } from '../../../backend/src/domain/freqtrade-config';
import type { JsonValue } from '../../../backend/src/domain/freqtrade-config';
import { issuesFromZod } from '../../../backend/src/http/middleware/zod-issues';
import type { FakeBotsState } from './fake-bots-state';
import { botView, recordConfig } from './fake-bots-state';

export type BotRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  user: { id: number; password: string; role: 'admin' | 'viewer' };
  /** Sends a `bots` event to the panel WebSocket, as the converger does on every change. */
  publish: (bot: Bot) => void;
};
export type Answer = { status: number; body?: unknown };

const money = z.number().finite().positive().max(1e12);
const settingsSchema = z
  .object({
    name: z.string().trim(),
    description: z.string().trim().max(500).default(''),
    mode: z.enum(BOT_MODES).default('SIMULATED'),
    strategy: z.string().trim().min(1).max(100),
    strategyParams: z
      .record(z.string().max(64), z.union([z.string().max(200), z.number().finite(), z.boolean()]))
      .default({}),
    timeframe: z.enum(TIMEFRAMES),
    pairs: z.array(z.string().trim()).min(1).max(200),
    stakeAmount: money,
    maxOpenTrades: z.number().int().min(1).max(100),
    maxExposure: money,
    stoploss: z.number().finite().min(-1).lt(0).nullable().default(null),
    minimalRoi: z
      .record(z.string().regex(/^\d+$/, 'must be minutes'), z.number().finite().min(-1).max(100))
      .nullable()
      .default(null),
    dailyLossLimit: money.nullable().default(null),
  })
  .strict();
const updateSchema = settingsSchema.extend({
  apply: z.enum(['restart', 'next-start']).default('restart'),
});
const confirmSchema = z
  .object({ password: z.string().min(1).max(1024), confirmName: z.string().max(200) })
  .partial()
  .strict();
const SCHEMAS = {
  stop: z.object({ openTrades: z.enum(['close', 'leave']).optional() }).strict(),
  mode: z
    .object({ mode: z.enum(BOT_MODES) })
    .extend(confirmSchema.shape)
    .strict(),
  rearm: z.object({ reason: z.string().trim().min(3).max(500) }).strict(),
  emergency: z.object({ reason: z.string().trim().max(500).default('') }).strict(),
};

function failWith(error: AppError): Answer {
  const { code, message, details } = error;
  return {
    status: error.httpStatus,
    body: { error: { code, message, ...(details ? { details } : {}) } },
  };
}

/** The body as the validate middleware parses it, or the 400 it answers. */
function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const input = body ?? {};
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error.issues, 'body', input));
  return result.data;
}

function validate(state: FakeBotsState, settings: BotSettings, selfId: number | null): void {
  const issues = checkBotSettings(settings, {
    selfId: selfId as Bot['id'] | null,
    market: (symbol) => state.markets.find((m) => m.symbol === symbol),
    marketsKnown: true,
    strategyExists: (name) => state.strategies.some((s) => s.name === name),
    others: state.bots.map(({ id, name, mode, pairs }) => ({ id, name, mode, pairs })),
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

function refuse(bot: Bot, action: string): never {
  throw new ConflictError(
    'bot-transition-refused',
    `a ${bot.state.toLowerCase()} bot cannot ${action}`,
    {
      details: { state: bot.state, action },
    },
  );
}

/** backend bot-service `assertLiveAllowed` then `confirmLive`, in that order. */
function confirmLive(state: FakeBotsState, bot: Bot, body: unknown, req: BotRequest): void {
  if (!state.live.environment) {
    throw new AppError(
      'live-trading-disabled',
      'Live trading is disabled: set SPOTDESK_LIVE_TRADING=enabled',
      403,
    );
  }
  if (!state.live.masterSwitch)
    throw new AppError('live-switch-off', 'the Live switch is off', 403);
  if (!state.exchangeKey) throw new AppError('exchange-key-missing', 'save a valid key first', 409);
  if (bot.dailyLossLimit === null) {
    throw new ValidationError([
      {
        path: 'dailyLossLimit',
        rule: 'required-for-live',
        message: 'a Live bot needs a daily loss limit',
      },
    ]);
  }
  const confirm = parse(confirmSchema, body);
  if (confirm.password !== req.user.password) {
    throw new AppError('reauth-failed', 'the password is not correct', 403);
  }
  if (confirm.confirmName !== bot.name) {
    throw new AppError('confirmation-mismatch', "type the bot's name exactly to confirm", 400);
  }
}

function setDesired(state: FakeBotsState, bot: Bot, desired: Bot['desiredState']): void {
  bot.desiredState = desired;
  bot.updatedAt = state.now;
  if (state.converge === 'instant') {
    bot.state = desired;
    bot.stateReason = null;
    bot.errorReason = null;
    bot.stateSince = state.now;
  }
}

/** backend bot-service `act`: the desired state moves if the rules allow it. */
function act(state: FakeBotsState, bot: Bot, action: BotAction, req: BotRequest): Answer {
  const body = action === 'stop' ? parse(SCHEMAS.stop, req.body) : req.body;
  const next = nextDesiredState(bot.state, bot.desiredState, action);
  if (next === null || next === 'deleted') refuse(bot, action);
  const returning = action === 'start' || action === 'resume' || action === 'retry';
  if (returning && bot.lossLimitTrippedAt !== null && next === 'RUNNING') {
    throw new ConflictError('loss-limit-tripped', 'the daily loss limit tripped: re-arm first');
  }
  const livePath = action === 'start' || action === 'retry';
  if (isLive(bot) && livePath && next === 'RUNNING' && bot.desiredState !== 'RUNNING') {
    confirmLive(state, bot, body, req);
  } else if (livePath) {
    parse(confirmSchema, body);
  }
  const runtime = state.runtime.get(bot.id);
  if (action === 'stop' && bot.desiredState !== 'STOPPED' && runtime?.openTrades) {
    const { openTrades } = body as z.output<typeof SCHEMAS.stop>;
    if (!openTrades) {
      throw new ConflictError(
        'bot-has-open-trades',
        `the bot holds ${runtime.openTrades} open trades`,
        {
          details: { count: runtime.openTrades },
        },
      );
    }
    if (openTrades === 'close') runtime.openTrades = 0;
  }
  if (bot.pendingRestart && (action === 'start' || action === 'restart'))
    bot.pendingRestart = false;
  setDesired(state, bot, next);
  req.publish(bot);
  return { status: 200, body: botView(state, bot) };
}

function create(state: FakeBotsState, req: BotRequest): Answer {
  const settings = parse(settingsSchema, req.body) as BotSettings;
  if (isLive(settings)) {
    throw new ValidationError([
      {
        path: 'mode',
        rule: 'invalid-choice',
        params: { options: ['SIMULATED'] },
        message: 'a new bot starts as Paper',
      },
    ]);
  }
  validate(state, settings, null);
  const id = (state.bots.reduce((max, b) => Math.max(max, b.id), 0) + 1) as Bot['id'];
  const bot: Bot = {
    ...settings,
    id,
    desiredState: 'CREATED',
    state: 'CREATED',
    stateReason: null,
    errorReason: null,
    stateSince: state.now,
    apiPort: 18100 + id,
    configVersion: 0,
    pendingRestart: false,
    lossLimitTrippedAt: null,
    lossLimitTripReason: null,
    createdAt: state.now,
    updatedAt: state.now,
  };
  state.bots.push(bot);
  state.runtime.set(id, { openTrades: null, profitAbs: null, realisedToday: null });
  recordConfig(state, bot, 'created');
  req.publish(bot);
  return { status: 201, body: botView(state, bot) };
}

function update(state: FakeBotsState, bot: Bot, req: BotRequest): Answer {
  const { apply, ...settings } = parse(updateSchema, req.body);
  if (settings.mode !== bot.mode) {
    throw new ValidationError([
      {
        path: 'mode',
        rule: 'invalid-choice',
        params: { options: [bot.mode] },
        message: 'change the mode with its own step',
      },
    ]);
  }
  validate(state, settings as BotSettings, bot.id);
  Object.assign(bot, settings, { updatedAt: state.now });
  const running = bot.desiredState === 'RUNNING' || bot.desiredState === 'PAUSED';
  if (running && apply === 'next-start') {
    bot.pendingRestart = true;
  } else {
    recordConfig(state, bot, running ? 'edited, restarted' : 'edited');
    bot.pendingRestart = false;
  }
  req.publish(bot);
  return { status: 200, body: botView(state, bot) };
}

function switchMode(state: FakeBotsState, bot: Bot, req: BotRequest): Answer {
  const { mode, ...confirm } = parse(SCHEMAS.mode, req.body);
  if (bot.mode === mode) return { status: 200, body: botView(state, bot) };
  if (bot.desiredState !== 'CREATED' && bot.desiredState !== 'STOPPED') refuse(bot, 'mode');
  const open = state.runtime.get(bot.id)?.openTrades ?? 0;
  if (open > 0) {
    throw new ConflictError('bot-has-open-trades', `the bot holds ${open} open trades`, {
      details: { count: open },
    });
  }
  if (mode === 'REAL_MARKET_SPOT') confirmLive(state, bot, confirm, req);
  validate(state, { ...bot, mode }, bot.id);
  bot.mode = mode;
  recordConfig(state, bot, `mode ${mode}`);
  req.publish(bot);
  return { status: 200, body: botView(state, bot) };
}

function config(state: FakeBotsState, bot: Bot): Answer {
  const versions = state.configVersions.get(bot.id) ?? [];
  const body = {
    current: versions[0]?.config ?? {},
    pendingRestart: bot.pendingRestart,
    versions: versions.map((v, index) => ({
      version: v.version,
      createdAt: v.createdAt,
      reason: v.reason,
      changes: diffConfigs((versions[index + 1]?.config ?? {}) as JsonValue, v.config),
    })),
  };
  return { status: 200, body: JSON.parse(JSON.stringify(body)) };
}

function oneBot(state: FakeBotsState, bot: Bot, rest: string, req: BotRequest): Answer {
  const { method } = req;
  if (method === 'GET' && rest === '') return { status: 200, body: botView(state, bot) };
  if (method === 'GET' && rest === '/config') return config(state, bot);
  if (req.user.role !== 'admin') return failWith(new AppError('forbidden', 'admins only', 403));
  if (method === 'PUT' && rest === '') return update(state, bot, req);
  if (method === 'DELETE' && rest === '') {
    if (nextDesiredState(bot.state, bot.desiredState, 'delete') !== 'deleted')
      refuse(bot, 'delete');
    state.bots = state.bots.filter((b) => b.id !== bot.id);
    return { status: 204 };
  }
  if (method !== 'POST') return failWith(new AppError('not-found', 'no route', 404));
  if (rest === '/mode') return switchMode(state, bot, req);
  if (rest === '/rearm') {
    parse(SCHEMAS.rearm, req.body);
    bot.lossLimitTrippedAt = null;
    bot.lossLimitTripReason = null;
    req.publish(bot);
    return { status: 200, body: botView(state, bot) };
  }
  const action = rest.slice(1);
  if (['start', 'pause', 'resume', 'stop', 'restart', 'retry'].includes(action)) {
    return act(state, bot, action as BotAction, req);
  }
  return failWith(new AppError('not-found', 'no route', 404));
}

function emergency(state: FakeBotsState, kind: string, req: BotRequest): Answer {
  parse(SCHEMAS.emergency, req.body);
  for (const bot of state.bots) {
    if (kind === 'pause' && bot.desiredState === 'RUNNING') setDesired(state, bot, 'PAUSED');
    else if (kind === 'stop' && (bot.desiredState === 'RUNNING' || bot.desiredState === 'PAUSED'))
      setDesired(state, bot, 'STOPPED');
    else continue;
    req.publish(bot);
  }
  return { status: 200, body: state.bots.map((bot) => botView(state, bot)) };
}

/** The bots API of the orchestrator on in-memory state, or null for a path it does not own. */
export function botRoutes(state: FakeBotsState, req: BotRequest): Answer | null {
  const { method, path } = req;
  try {
    if (method === 'GET' && path === '/api/strategies')
      return { status: 200, body: state.strategies };
    if (method === 'GET' && path === '/api/markets') {
      const quote = req.query.get('quote');
      return { status: 200, body: state.markets.filter((m) => !quote || m.quote === quote) };
    }
    if (method === 'GET' && path === '/api/bots') {
      return { status: 200, body: state.bots.map((bot) => botView(state, bot)) };
    }
    const emergencyMatch = /^\/api\/emergency\/(pause|stop)-all$/.exec(path);
    const one = /^\/api\/bots\/(\d+)(\/[a-z]+)?$/.exec(path);
    if (!emergencyMatch && !one && !(method === 'POST' && path === '/api/bots')) return null;
    if (method !== 'GET' && req.user.role !== 'admin') {
      return failWith(new AppError('forbidden', 'admins only', 403));
    }
    if (method === 'POST' && path === '/api/bots') return create(state, req);
    if (emergencyMatch && method === 'POST') return emergency(state, emergencyMatch[1] ?? '', req);
    const bot = state.bots.find((b) => b.id === Number(one?.[1]));
    if (!bot) return failWith(new AppError('bot-not-found', `there is no bot ${one?.[1]}`, 404));
    return oneBot(state, bot, one?.[2] ?? '', req);
  } catch (error) {
    if (error instanceof AppError) return failWith(error);
    throw error;
  }
}
