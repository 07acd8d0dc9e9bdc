import type { z } from 'zod';

import type { Bot, BotAction, BotSettings } from '../../../backend/src/domain/bot';
import { isLive, nextDesiredState } from '../../../backend/src/domain/bot';
import { checkBotSettings } from '../../../backend/src/domain/bot-rules';
import { AppError, ConflictError, ValidationError } from '../../../backend/src/domain/errors';
import type { Answer, BotRequest } from './fake-api-bodies';
import { SCHEMAS, confirmSchema, parse } from './fake-api-bodies';
import type { FakeBotsState } from './fake-bots-state';
import { botView } from './fake-bots-state';

// The rules of backend services/bot-service.ts, played on in-memory bots.

export function validate(state: FakeBotsState, settings: BotSettings, selfId: number | null): void {
  const issues = checkBotSettings(settings, {
    selfId: selfId as Bot['id'] | null,
    market: (symbol) => state.markets.find((m) => m.symbol === symbol),
    marketsKnown: true,
    strategyExists: (name) => state.strategies.some((s) => s.name === name),
    others: state.bots.map(({ id, name, mode, pairs }) => ({ id, name, mode, pairs })),
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

export function refuse(bot: Bot, action: string): never {
  throw new ConflictError(
    'bot-transition-refused',
    `a ${bot.state.toLowerCase()} bot cannot ${action}`,
    {
      details: { state: bot.state, action },
    },
  );
}

/** backend bot-service `assertLiveAllowed` then `confirmLive`, in that order. */
export function confirmLive(state: FakeBotsState, bot: Bot, body: unknown, req: BotRequest): void {
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

export function setDesired(state: FakeBotsState, bot: Bot, desired: Bot['desiredState']): void {
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
export function act(state: FakeBotsState, bot: Bot, action: BotAction, req: BotRequest): Answer {
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
