// Use cases of logical bots: create, edit, delete, and the actions of the panel. Each request
// writes the desired state (the truth) and converges the bot once under the bot's own lock; the
// reconciler keeps converging afterwards. Nothing here talks HTTP.
import { checkBotSettings, type MarketRules } from '../domain/bot-rules.js';
import {
  isLive,
  nextDesiredState,
  type Bot,
  type BotAction,
  type BotId,
  type BotSettings,
} from '../domain/bot.js';
import {
  diffConfigs,
  redactConfig,
  type JsonObject,
  type JsonValue,
} from '../domain/freqtrade-config.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { UserRepo } from '../db/repos/user-repo.js';
import type { BotFiles } from '../adapters/bot-files/files.js';
import type { Logger } from '../lib/logger.js';

import type { Actor, AuditService } from './audit-service.js';
import type { BotConverger } from './bot-converger.js';
import type { BotWorkspace, StrategyLookup } from './bot-workspace.js';
import { createKeyedLock } from './keyed-lock.js';
import type { PasswordHasher } from './password-hasher.js';
import type { PortAllocator } from './port-allocator.js';
import type { SettingsService } from './settings-service.js';

export interface MarketSource {
  /** Loads (or reuses) the exchange's markets; throws an exchange error when it cannot. */
  markets(): Promise<(symbol: string) => MarketRules | undefined>;
}

export interface Caller {
  actor: Exclude<Actor, 'system'>;
  ip: string;
}

/** What a Live step needs from the person: a fresh password and the bot's name typed out. */
export interface LiveConfirmation {
  password: string;
  confirmName: string;
}

export type ApplyMode = 'restart' | 'next-start';

const FOLLOW_MS = 60_000;

export function createBotService(deps: {
  repo: BotRepo;
  files: BotFiles;
  workspace: BotWorkspace;
  converger: BotConverger;
  strategies: StrategyLookup;
  marketSource: MarketSource;
  ports: PortAllocator;
  settings: SettingsService;
  audit: AuditService;
  users: UserRepo;
  hasher: PasswordHasher;
  logger: Logger;
  now: () => number;
}) {
  const { repo, converger, audit, now } = deps;
  const lock = createKeyedLock<BotId>();
  const following = new Set<BotId>();
  const inflight = new Set<Promise<unknown>>();
  let closed = false;

  /**
   * After an action, the bot is converged and read again every second until it reaches what was
   * asked (or errs, or a minute passes), so the panel sees RUNNING as soon as it is true rather
   * than at the reconciler's next pass.
   */
  function follow(id: BotId): void {
    if (following.has(id)) return;
    following.add(id);
    const until = now() + FOLLOW_MS;
    const tick = async () => {
      const bot = closed ? null : repo.find(id);
      if (!bot || bot.state === bot.desiredState || bot.state === 'ERROR' || now() > until) {
        following.delete(id);
        return;
      }
      const step = lock
        .run(id, async () => {
          const current = closed ? null : repo.find(id);
          if (current) await converger.apply(current, 'reconcile');
        })
        .catch(() => undefined);
      inflight.add(step);
      await step;
      inflight.delete(step);
      setTimeout(() => void tick(), 1000).unref();
    };
    setTimeout(() => void tick(), 1000).unref();
  }

  function mustFind(id: BotId): Bot {
    const bot = repo.find(id);
    if (!bot) throw new NotFoundError('bot-not-found', `there is no bot ${id}`);
    return bot;
  }

  async function validate(settings: BotSettings, selfId: BotId | null): Promise<void> {
    const market = await deps.marketSource.markets();
    const issues = checkBotSettings(settings, {
      selfId,
      market,
      marketsKnown: true,
      strategyExists: (name) => deps.strategies.exists(name),
      others: repo.list().map(({ id, name, mode, pairs }) => ({ id, name, mode, pairs })),
    });
    if (issues.length > 0) throw new ValidationError(issues);
  }

  function refuse(bot: Bot, action: BotAction | 'edit' | 'mode'): never {
    throw new ConflictError(
      'bot-transition-refused',
      `a ${bot.state.toLowerCase()} bot cannot ${action}`,
      { details: { state: bot.state, action } },
    );
  }

  /** The password of the person asking, and the bot's name typed exactly: both, every time. */
  async function confirmLive(bot: Bot, caller: Caller, confirm: LiveConfirmation | undefined) {
    const user = deps.users.findById(caller.actor.id);
    if (!confirm || !user || !(await deps.hasher.verify(user.passwordHash, confirm.password))) {
      audit.record({
        actor: caller.actor,
        action: 'live-reauth-failed',
        target: `bot:${bot.id}`,
        ip: caller.ip,
      });
      throw new AppError('reauth-failed', 'the password is not correct', 403);
    }
    if (confirm.confirmName !== bot.name) {
      throw new AppError('confirmation-mismatch', "type the bot's name exactly to confirm", 400);
    }
    audit.record({
      actor: caller.actor,
      action: 'live-reauth',
      target: `bot:${bot.id}`,
      ip: caller.ip,
    });
  }

  function assertLiveAllowed(bot: Bot): void {
    const gate = deps.settings.liveGate();
    if (!gate.environment) {
      throw new AppError(
        'live-trading-disabled',
        'Live trading is disabled: set SPOTDESK_LIVE_TRADING=enabled in the environment and restart Spotdesk, then turn on the Live switch in Settings',
        403,
      );
    }
    if (!gate.masterSwitch) {
      throw new AppError('live-switch-off', 'the Live switch in Settings is off', 403);
    }
    if (!gate.key || !deps.settings.exchangeCredentials()) {
      throw new AppError(
        'exchange-key-missing',
        'save a valid Binance API key in Settings first',
        409,
      );
    }
    const issues = [];
    if (!(bot.maxExposure > 0)) {
      issues.push({
        path: 'maxExposure',
        rule: 'required-for-live' as const,
        params: {},
        message: 'a Live bot needs a max exposure',
      });
    }
    if (bot.dailyLossLimit === null || !(bot.dailyLossLimit > 0)) {
      issues.push({
        path: 'dailyLossLimit',
        rule: 'required-for-live' as const,
        params: {},
        message: 'a Live bot needs a daily loss limit',
      });
    }
    if (issues.length > 0) throw new ValidationError(issues);
  }

  function record(caller: Caller | 'system', action: string, bot: Bot, extra: object = {}) {
    audit.record({
      actor: caller === 'system' ? 'system' : caller.actor,
      action,
      target: `bot:${bot.id}`,
      ip: caller === 'system' ? null : caller.ip,
      ...extra,
    });
  }

  async function act(
    id: BotId,
    action: BotAction,
    caller: Caller | 'system',
    options: { confirm?: LiveConfirmation; openTrades?: 'close' | 'leave'; reason?: string } = {},
  ): Promise<Bot> {
    return lock.run(id, async () => {
      const bot = mustFind(id);
      const next = nextDesiredState(bot.state, bot.desiredState, action);
      if (next === null || next === 'deleted') refuse(bot, action);
      if (
        (action === 'start' || action === 'resume' || action === 'retry') &&
        bot.lossLimitTrippedAt !== null &&
        next === 'RUNNING'
      ) {
        throw new ConflictError(
          'loss-limit-tripped',
          'the daily loss limit tripped: re-arm the bot with a reason first',
        );
      }
      if (
        isLive(bot) &&
        (action === 'start' || action === 'retry') &&
        next === 'RUNNING' &&
        bot.desiredState !== 'RUNNING'
      ) {
        assertLiveAllowed(bot);
        if (caller !== 'system') await confirmLive(bot, caller, options.confirm);
      }
      if (action === 'stop' && bot.desiredState !== 'STOPPED') {
        const open = await converger.openTradeCount(bot);
        if (open > 0 && !options.openTrades) {
          throw new ConflictError('bot-has-open-trades', `the bot holds ${open} open trades`, {
            details: { count: open },
          });
        }
        if (open > 0 && options.openTrades === 'close') await converger.closeAllTrades(bot);
      }
      repo.setDesired(id, next, now());
      const updated = mustFind(id);
      record(caller, `bot-${action}`, updated, {
        before: { desiredState: bot.desiredState, state: bot.state },
        after: { desiredState: next, openTrades: options.openTrades ?? null },
        reason: options.reason ?? null,
      });
      await converger.apply(updated, action === 'restart' ? 'restart' : 'converge');
      converger.announce(id);
      follow(id);
      return mustFind(id);
    });
  }

  return {
    list: () => repo.list(),
    get: mustFind,

    async create(settings: BotSettings, caller: Caller): Promise<Bot> {
      if (isLive(settings)) {
        // A bot starts its life on paper; Live is a separate, confirmed step.
        throw new ValidationError([
          {
            path: 'mode',
            rule: 'invalid-choice',
            params: { options: ['SIMULATED'] },
            message: 'a new bot starts as Paper; switch it to Live afterwards',
          },
        ]);
      }
      await validate(settings, null);
      const port = await deps.ports.allocate();
      const bot = repo.insert(settings, port, now());
      try {
        const { config } = deps.workspace.materialize(bot);
        repo.addConfigVersion(bot.id, config, 'created', now());
      } catch (error) {
        // Nothing half-created: the row, its files and its program go again.
        repo.markDeleted(bot.id, now());
        deps.files.archive(bot.id, now());
        deps.workspace.forget(bot.id);
        await converger.forget(bot.id).catch(() => undefined);
        throw error;
      }
      record(caller, 'bot-create', bot, { after: settings });
      // Registering the (not started) program can wait for the reconciler if supervisord is down.
      await converger
        .apply(mustFind(bot.id), 'converge')
        .catch((error: unknown) =>
          deps.logger.warn(
            { botId: bot.id, err: error },
            'bot created; supervisord will learn of it later',
          ),
        );
      return mustFind(bot.id);
    },

    async update(id: BotId, settings: BotSettings, apply: ApplyMode, caller: Caller): Promise<Bot> {
      return lock.run(id, async () => {
        const bot = mustFind(id);
        if (settings.mode !== bot.mode) {
          throw new ValidationError([
            {
              path: 'mode',
              rule: 'invalid-choice',
              params: { options: [bot.mode] },
              message: 'change the mode with its own confirmed step',
            },
          ]);
        }
        await validate(settings, id);
        const running = bot.desiredState === 'RUNNING' || bot.desiredState === 'PAUSED';
        repo.updateSettings(id, settings, now());
        if (running) {
          // Applied when the process next starts: now (restart) or whenever that is.
          repo.setPendingRestart(id, true);
          if (apply === 'restart') {
            await converger.apply(mustFind(id), 'restart', 'edited, restarted');
          }
        } else {
          const edited = mustFind(id);
          converger.recordConfig(edited, deps.workspace.materialize(edited).config, 'edited');
        }
        const updated = mustFind(id);
        record(caller, 'bot-update', updated, { before: bot, after: settings, reason: apply });
        return mustFind(id);
      });
    },

    async remove(id: BotId, caller: Caller): Promise<void> {
      await lock.run(id, async () => {
        const bot = mustFind(id);
        if (nextDesiredState(bot.state, bot.desiredState, 'delete') !== 'deleted')
          refuse(bot, 'delete');
        await converger.forget(id);
        const archived = deps.files.archive(id, now());
        deps.workspace.forget(id);
        repo.markDeleted(id, now());
        converger.announce(id);
        record(caller, 'bot-delete', bot, { before: bot, after: { archivedTo: archived } });
      });
    },

    start: (id: BotId, caller: Caller, confirm?: LiveConfirmation) =>
      act(id, 'start', caller, { confirm }),
    pause: (id: BotId, caller: Caller | 'system', reason?: string) =>
      act(id, 'pause', caller, { reason }),
    resume: (id: BotId, caller: Caller) => act(id, 'resume', caller),
    restart: (id: BotId, caller: Caller) => act(id, 'restart', caller),
    retry: (id: BotId, caller: Caller, confirm?: LiveConfirmation) =>
      act(id, 'retry', caller, { confirm }),
    stop: (id: BotId, caller: Caller | 'system', openTrades?: 'close' | 'leave') =>
      act(id, 'stop', caller, { openTrades }),

    /** Paper ↔ Live, only while the bot is stopped and holds no open trade in its current mode. */
    async switchMode(
      id: BotId,
      mode: Bot['mode'],
      caller: Caller,
      confirm?: LiveConfirmation,
    ): Promise<Bot> {
      return lock.run(id, async () => {
        const bot = mustFind(id);
        if (bot.mode === mode) return bot;
        if (bot.desiredState !== 'CREATED' && bot.desiredState !== 'STOPPED') refuse(bot, 'mode');
        const open = converger.storedOpenTrades(bot);
        if (open > 0) {
          throw new ConflictError(
            'bot-has-open-trades',
            `the bot holds ${open} open ${bot.mode === 'SIMULATED' ? 'paper' : 'live'} trades`,
            {
              details: { count: open },
            },
          );
        }
        const target = { ...bot, mode };
        if (mode === 'REAL_MARKET_SPOT') {
          assertLiveAllowed(target);
          await confirmLive(bot, caller, confirm);
        }
        await validate({ ...bot, mode }, id);
        repo.updateSettings(id, { ...bot, mode }, now());
        const updated = mustFind(id);
        const { config } = deps.workspace.materialize(updated);
        repo.addConfigVersion(id, config, `mode ${mode}`, now());
        await converger.apply(updated, 'converge');
        record(caller, 'bot-mode', updated, { before: { mode: bot.mode }, after: { mode } });
        return mustFind(id);
      });
    },

    /** Lifts a tripped daily loss limit; the bot stays paused until someone resumes it. */
    async rearm(id: BotId, reason: string, caller: Caller): Promise<Bot> {
      return lock.run(id, async () => {
        const bot = mustFind(id);
        repo.setLossTrip(id, null);
        record(caller, 'bot-rearm', bot, {
          before: { lossLimitTrippedAt: bot.lossLimitTrippedAt, reason: bot.lossLimitTripReason },
          reason,
        });
        return mustFind(id);
      });
    },

    /** The config the bot runs (redacted), what it will run after a restart, and every version. */
    config(id: BotId) {
      const bot = mustFind(id);
      const versions = repo.configVersions(id);
      const next = deps.workspace.redactedConfig(bot);
      const written = deps.files.readConfig(id);
      const current = written === null ? next : (redactConfig(written as JsonValue) as JsonObject);
      return {
        current,
        pendingRestart: bot.pendingRestart,
        pending: bot.pendingRestart ? next : null,
        versions: versions.map((v, index) => ({
          version: v.version,
          createdAt: new Date(v.createdAt).toISOString(),
          reason: v.reason,
          changes: diffConfigs(
            (versions[index + 1]?.config ?? {}) as JsonValue,
            v.config as JsonValue,
          ),
        })),
      };
    },

    /** Emergency: every running bot stops opening trades, persistently. */
    async pauseAll(caller: Caller | 'system', reason: string): Promise<Bot[]> {
      const targets = repo.list().filter((b) => b.desiredState === 'RUNNING');
      for (const bot of targets) {
        if (nextDesiredState(bot.state, bot.desiredState, 'pause') !== null) {
          await act(bot.id, 'pause', caller, { reason }).catch(() => undefined);
          continue;
        }
        // Starting, or in ERROR: it is paused all the same, so it opens nothing when it runs.
        await lock
          .run(bot.id, async () => {
            repo.setDesired(bot.id, 'PAUSED', now());
            const updated = mustFind(bot.id);
            record(caller, 'bot-pause', updated, {
              before: { desiredState: bot.desiredState, state: bot.state },
              after: { desiredState: 'PAUSED' },
              reason,
            });
            await converger.apply(updated, 'reconcile');
            converger.announce(bot.id);
          })
          .catch(() => undefined);
      }
      return repo.list();
    },

    /**
     * Close-all's step for a stopped bot that still holds trades: its process starts with the
     * pause overlay (it opens nothing), so its trades can be exited. No Live confirmation: the
     * bot only sells. The Live gates still hold (the launcher refuses when they are closed).
     */
    async startPausedToClose(id: BotId, caller: Caller, reason: string): Promise<Bot> {
      return lock.run(id, async () => {
        const bot = mustFind(id);
        if (bot.desiredState !== 'STOPPED') return bot;
        if (bot.state !== 'STOPPED' && bot.state !== 'ERROR') refuse(bot, 'start');
        repo.setDesired(id, 'PAUSED', now());
        const updated = mustFind(id);
        record(caller, 'bot-start-paused', updated, {
          before: { desiredState: bot.desiredState, state: bot.state },
          after: { desiredState: 'PAUSED' },
          reason,
        });
        await converger.apply(updated, 'converge');
        converger.announce(id);
        follow(id);
        return mustFind(id);
      });
    },

    async stopAll(caller: Caller, reason: string): Promise<Bot[]> {
      const targets = repo
        .list()
        .filter((b) => b.desiredState === 'RUNNING' || b.desiredState === 'PAUSED');
      for (const bot of targets) {
        await act(bot.id, 'stop', caller, { openTrades: 'leave', reason }).catch(() => undefined);
      }
      return repo.list();
    },

    /** The watchdog: a bot over its daily loss limit is paused and stays so until re-armed. */
    async tripLossLimit(id: BotId, realised: number): Promise<void> {
      await lock.run(id, async () => {
        const bot = mustFind(id);
        if (bot.lossLimitTrippedAt !== null) return;
        const reason = `realised ${realised.toFixed(2)} today, over the daily loss limit of ${bot.dailyLossLimit}`;
        repo.setLossTrip(id, { at: now(), reason });
        repo.setDesired(id, 'PAUSED', now());
        record('system', 'bot-loss-limit-tripped', bot, { after: { realised }, reason });
        await converger.apply(mustFind(id), 'converge');
      });
    },

    withLock: <T>(id: BotId, task: () => Promise<T>) => lock.run(id, task),

    /** No more follow-ups after actions (the server is closing); waits for one under way. */
    async stopFollowing(): Promise<void> {
      closed = true;
      await Promise.allSettled([...inflight]);
    },
  };
}

export type BotService = ReturnType<typeof createBotService>;
