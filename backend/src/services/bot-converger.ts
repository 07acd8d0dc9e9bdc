// Brings one bot's process and Freqtrade state to its desired state, and reads back what it is.
// Called under the bot's lock (by requests and by the reconciler). A running bot is never
// restarted to converge unless the caller asked for a restart or a Live bot must be resumed.
import path from 'node:path';

import { countOpenTrades } from '../adapters/freqtrade-db/open-trades.js';
import type { BotFiles } from '../adapters/bot-files/files.js';
import {
  isLive,
  runsProcess,
  tradeDbFile,
  type Bot,
  type BotId,
  type BotState,
  type ErrorReason,
} from '../domain/bot.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { Logger } from '../lib/logger.js';

import { isAlive, type BotProcess } from './bot-process.js';
import type { BotWorkspace } from './bot-workspace.js';
import { isPortFree, type PortAllocator } from './port-allocator.js';
import { diffConfigs, type JsonObject, type JsonValue } from '../domain/freqtrade-config.js';
import type { SettingsService } from './settings-service.js';

/** What the converger needs from a bot's Freqtrade API (adapters/freqtrade behind it). */
export interface BotApi {
  /** `maxOpenTrades` -1 = unlimited; 0 after /stopentry (API 2.40). */
  showConfig(): Promise<{ state: string; maxOpenTrades: number }>;
  health(): Promise<{ lastProcessAt: Date | null }>;
  openTrades(): Promise<Array<{ profitAbs: number | null }>>;
  pause(): Promise<void>;
  start(): Promise<void>;
  reloadConfig(): Promise<void>;
  forceExitAll(): Promise<void>;
}

export interface BotRuntime {
  openTrades: number | null;
  profitAbs: number | null;
  realisedToday: number | null;
  realisedAt: number;
  at: number;
}

interface Observation {
  state: BotState;
  reason: string | null;
  errorReason: ErrorReason | null;
}

const CLOSE_ALL_TIMEOUT_MS = 60_000;
const REALISED_REFRESH_MS = 5_000;
const RELOAD_GRACE_MS = 20_000;

export function createBotConverger(deps: {
  repo: BotRepo;
  files: BotFiles;
  workspace: BotWorkspace;
  process: BotProcess;
  api: (bot: Bot) => BotApi;
  /** Realised profit of the bot's trades closed in the trading day so far (the loss limit's figure). */
  realisedToday: (bot: Bot) => number;
  settings: SettingsService;
  logger: Logger;
  now: () => number;
  unreachableMs: number;
  /** A bot's loop interval (`internals.process_throttle_secs`): three missed loops is stalled. */
  loopMs: number;
  ports: PortAllocator;
  /** Called whenever a bot's observed state or figures change. */
  publish: (id: BotId) => void;
  sleep?: (ms: number) => Promise<void>;
}) {
  const { repo, process: proc, now, logger } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const lastApiOk = new Map<BotId, number>();
  /** When a Paper bot was last asked to reload its config (to resume it). */
  const reloads = new Map<BotId, number>();
  const runtime = new Map<BotId, BotRuntime>();

  function liveGateOpen(bot: Bot): boolean {
    if (!isLive(bot)) return true;
    const gate = deps.settings.liveGate();
    return gate.environment && gate.masterSwitch && gate.key !== null;
  }

  function storedOpenTrades(bot: Bot): number {
    return countOpenTrades(path.join(deps.files.paths(bot.id).dir, tradeDbFile(bot.mode)));
  }

  /** Freqtrade's own state follows the desired one: paused opens nothing, running trades. */
  async function applyApiState(bot: Bot): Promise<void> {
    const api = deps.api(bot);
    const config = await api.showConfig();
    // A reload in flight drops the API for a moment and ends in the state the files say: wait
    // for it (on a busy machine it takes a while) instead of asking again.
    const reloading = reloads.get(bot.id);
    if (config.state === 'reload_config' || (reloading && now() - reloading < RELOAD_GRACE_MS)) {
      return;
    }
    reloads.delete(bot.id);
    const paused = config.state === 'paused' || config.maxOpenTrades === 0;
    if (bot.desiredState === 'PAUSED' && !paused) {
      await api.pause();
      return;
    }
    if (bot.desiredState !== 'RUNNING') return;
    if (config.state === 'stopped' || config.state === 'paused') {
      await api.start();
    } else if (config.maxOpenTrades === 0 && bot.maxOpenTrades !== 0) {
      // API 2.40 undoes /stopentry only by re-reading the config. A Live bot reads its config
      // from stdin, which a reload cannot re-read: it is restarted instead.
      if (isLive(bot)) {
        await proc.stop(bot.id, true);
        await proc.start(bot.id);
      } else {
        reloads.set(bot.id, now());
        await api.reloadConfig();
      }
    }
  }

  /** The bot, moved to a free port first when something else took its API port meanwhile. */
  async function onFreePort(bot: Bot): Promise<Bot> {
    if (await isPortFree(bot.apiPort)) return bot;
    const port = await deps.ports.allocate([bot.apiPort]);
    logger.warn({ botId: bot.id, taken: bot.apiPort, port }, 'bot API port taken; moving the bot');
    repo.setApiPort(bot.id, port);
    return repo.find(bot.id) ?? { ...bot, apiPort: port };
  }

  /** Keeps a version of the generated config whenever it differs from the last one kept. */
  function recordConfig(bot: Bot, config: JsonObject, reason: string): void {
    const last = repo.configVersions(bot.id, 1)[0];
    if (!last || diffConfigs(last.config as JsonValue, config).length > 0) {
      repo.addConfigVersion(bot.id, config, reason, now());
    }
  }

  async function observe(bot: Bot): Promise<Observation> {
    const info = await proc.info(bot.id);
    if (!runsProcess(bot.desiredState)) {
      if (isAlive(info)) return { state: bot.state, reason: 'stopping', errorReason: null };
      return {
        state: bot.desiredState === 'CREATED' ? 'CREATED' : 'STOPPED',
        reason: null,
        errorReason: null,
      };
    }
    if (!liveGateOpen(bot)) {
      return {
        state: 'ERROR',
        reason: 'the Live gate is closed (environment, Live switch or exchange key)',
        errorReason: 'live-gate-closed',
      };
    }
    if (info?.state === 'FATAL') {
      const tail = await proc.tailLog(bot.id, 600).catch(() => '');
      const last = tail.trim().split('\n').slice(-2).join(' | ');
      // Freqtrade's own words for a config it refuses (configuration.py, config_validation.py).
      const refused =
        /Invalid configuration|ConfigurationError|ValidationError|is a required property/.test(
          tail,
        );
      return {
        state: 'ERROR',
        reason: `the process kept exiting right after starting (${info.spawnError || `exit status ${info.exitStatus}`})${last ? `: ${last}` : ''}`,
        errorReason: refused ? 'config-refused' : 'crash-looping',
      };
    }
    if (info?.state === 'BACKOFF') {
      return {
        state: bot.state,
        reason: `restarting after it exited (status ${info.exitStatus})`,
        errorReason: null,
      };
    }
    if (info?.state === 'STARTING') {
      // supervisord calls it RUNNING only after startsecs; a bot whose API answers is up already.
      const early = await observeApi(bot, info.startedAt?.getTime() ?? now());
      if (early.errorReason === null && early.reason !== 'waiting for its API') return early;
    }
    if (!info || info.state !== 'RUNNING') {
      return {
        state: bot.state === 'ERROR' ? 'STOPPED' : bot.state,
        reason: 'starting',
        errorReason: null,
      };
    }
    return observeApi(bot, info.startedAt?.getTime() ?? now());
  }

  async function observeApi(bot: Bot, startedAt: number): Promise<Observation> {
    const api = deps.api(bot);
    try {
      const [config, health, open] = await Promise.all([
        api.showConfig(),
        api.health(),
        api.openTrades(),
      ]);
      lastApiOk.set(bot.id, now());
      const previous = runtime.get(bot.id);
      // The loss-limit watchdog's figure: today's realised profit, read every few seconds.
      const fresh = previous && now() - previous.realisedAt < REALISED_REFRESH_MS;
      const realisedToday =
        bot.dailyLossLimit === null || fresh
          ? (previous?.realisedToday ?? null)
          : deps.realisedToday(bot);
      runtime.set(bot.id, {
        openTrades: open.length,
        profitAbs: open.reduce((sum, t) => sum + (t.profitAbs ?? 0), 0),
        realisedToday,
        realisedAt: fresh ? previous.realisedAt : now(),
        at: now(),
      });
      if (
        config.state === 'running' &&
        health.lastProcessAt &&
        now() - health.lastProcessAt.getTime() > 3 * deps.loopMs + 10_000
      ) {
        return {
          state: 'ERROR',
          reason: `its trading loop last ran at ${health.lastProcessAt.toISOString()}`,
          errorReason: 'stalled',
        };
      }
      if (config.state === 'reload_config')
        return { state: bot.state, reason: 'reloading its config', errorReason: null };
      const paused = config.state === 'paused' || config.maxOpenTrades === 0;
      if (config.state === 'stopped')
        return { state: bot.state, reason: 'starting its trader', errorReason: null };
      if (paused)
        return {
          state: 'PAUSED',
          reason: bot.desiredState === 'RUNNING' ? 'resuming' : null,
          errorReason: null,
        };
      return {
        state: 'RUNNING',
        reason: bot.desiredState === 'PAUSED' ? 'pausing' : null,
        errorReason: null,
      };
    } catch (error) {
      const since = lastApiOk.get(bot.id) ?? startedAt;
      if (now() - since > deps.unreachableMs) {
        return {
          state: 'ERROR',
          reason: `its API does not answer: ${(error as Error).message}`,
          errorReason: 'api-unreachable',
        };
      }
      return { state: bot.state, reason: 'waiting for its API', errorReason: null };
    }
  }

  function store(bot: Bot, observed: Observation): void {
    if (repo.setObserved(bot.id, observed, now())) {
      logger.info({ botId: bot.id, state: observed.state, reason: observed.reason }, 'bot state');
      deps.publish(bot.id);
    }
  }

  return {
    storedOpenTrades,
    recordConfig,
    /** Tells the panel about a bot whose desired state or row changed (or that went away). */
    announce: (id: BotId) => deps.publish(id),
    runtime: (id: BotId) => runtime.get(id) ?? null,

    /** Open trades now: from the API when the bot answers, else from its trade database. */
    async openTradeCount(bot: Bot): Promise<number> {
      try {
        return (await deps.api(bot).openTrades()).length;
      } catch {
        return storedOpenTrades(bot);
      }
    },

    /**
     * Stops new entries, force-exits every open trade at market and waits (60 s at most) until
     * none is left.
     */
    async closeAllTrades(bot: Bot): Promise<number> {
      const api = deps.api(bot);
      await api.pause();
      await api.forceExitAll();
      const deadline = now() + CLOSE_ALL_TIMEOUT_MS;
      for (;;) {
        const open = (await api.openTrades()).length;
        if (open === 0 || now() > deadline) return open;
        await sleep(1000);
      }
    },

    /**
     * Converges once. `restart` also restarts a running process (new settings, explicit
     * restart); the reconciler passes `reconcile`, which never restarts a crash-looping one.
     */
    async apply(
      bot: Bot,
      mode: 'converge' | 'restart' | 'reconcile',
      /** Why the config may change now, for its history (default: started / applied at start). */
      reason?: string,
    ): Promise<void> {
      let current = bot;
      if (runsProcess(bot.desiredState) && liveGateOpen(bot)) {
        let info = await proc.info(bot.id);
        // A crash-looping bot waits for a person (retry); the reconciler does not restart it.
        const starting =
          (mode === 'restart' || !isAlive(info)) &&
          !(mode === 'reconcile' && info?.state === 'FATAL');
        let changed: boolean;
        if (starting) {
          if (isAlive(info)) await proc.stop(bot.id, true);
          // Every start runs the settings as they are now (those saved "for next start" too),
          // on a port nothing else took meanwhile.
          current = await onFreePort(bot);
          const written = deps.workspace.materialize(current);
          recordConfig(
            current,
            written.config,
            reason ?? (current.pendingRestart ? 'applied at start' : 'started'),
          );
          if (current.pendingRestart) repo.setPendingRestart(current.id, false);
          changed = written.programChanged;
          info = await proc.info(bot.id);
        } else {
          changed = deps.workspace.writeDesired(bot);
        }
        // supervisord re-reads program files only when one changed or it lacks this one; adding
        // a program whose autostart is on starts it at once.
        if (changed || info === null) {
          await proc.sync(bot.id);
          info = await proc.info(bot.id);
        }
        if (starting && !isAlive(info)) await proc.start(bot.id);
        else if (!starting && info?.state === 'RUNNING') {
          await applyApiState(bot).catch((error: unknown) =>
            logger.debug({ botId: bot.id, err: error }, 'bot API not ready to converge'),
          );
        }
      } else {
        const stopped = runsProcess(bot.desiredState) ? 'STOPPED' : bot.desiredState;
        const changed = deps.workspace.writeDesired({ ...bot, desiredState: stopped });
        let info = await proc.info(bot.id);
        if (changed || info === null) {
          await proc.sync(bot.id);
          info = await proc.info(bot.id);
        }
        if (isAlive(info)) await proc.stop(bot.id);
      }
      store(current, await observe(current));
    },

    /** Reads the bot's state without changing anything (the reconciler between changes). */
    async refresh(bot: Bot): Promise<void> {
      store(bot, await observe(bot));
    },

    /** The bot's process goes away for good (deletion); its files are archived by the caller. */
    async forget(id: BotId): Promise<void> {
      await proc.stop(id, true);
      deps.files.removeProgram(id);
      await proc.remove(id);
      lastApiOk.delete(id);
      runtime.delete(id);
    },
  };
}

export type BotConverger = ReturnType<typeof createBotConverger>;
