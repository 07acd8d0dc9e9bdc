// The orchestrator's bots API on in-memory state, with its own pure rules (backend domain/).
import type { Bot, BotSettings } from '../../../backend/src/domain/bot';
import { isLive, nextDesiredState } from '../../../backend/src/domain/bot';
import type { BotAction } from '../../../backend/src/domain/bot';
import { AppError, ConflictError, ValidationError } from '../../../backend/src/domain/errors';
import { diffConfigs } from '../../../backend/src/domain/freqtrade-config';
import type { JsonValue } from '../../../backend/src/domain/freqtrade-config';
import type { Answer, BotRequest } from './fake-api-bodies';
import { SCHEMAS, failWith, parse, settingsSchema, updateSchema } from './fake-api-bodies';
import { act, confirmLive, refuse, setDesired, validate } from './fake-bot-actions';
import type { FakeBotsState } from './fake-bots-state';
import { botView, recordConfig } from './fake-bots-state';

export type { Answer, BotRequest } from './fake-api-bodies';

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
