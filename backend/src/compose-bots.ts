// Composition of the bots slice (issue #4): exchange, strategies, files, supervisord programs,
// Freqtrade clients, the converger, the reconciler and the launcher socket. Built once by
// startServer; nothing here reads the environment.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { createBotFiles } from './adapters/bot-files/files.js';
import { createExchangeAdapter, type ExchangeAdapter } from './adapters/exchange/client.js';
import { createStrategyCatalog, type StrategyCatalog } from './adapters/strategies/catalog.js';
import type { SupervisordClient } from './adapters/supervisord/client.js';
import type { Env } from './config/env.js';
import { createAssistantRepo } from './db/repos/assistant-repo.js';
import { createBotRepo } from './db/repos/bot-repo.js';
import { createMirrorRepo } from './db/repos/mirror-repo.js';
import { createSettingsRepo } from './db/repos/settings-repo.js';
import type { UserRepo } from './db/repos/user-repo.js';
import type { OpenedDb } from './db/open-db.js';
import { runsProcess, type Bot, type BotId } from './domain/bot.js';
import { tradingDayStart } from './domain/trading-day.js';
import { ConfigError } from './domain/errors.js';
import type { JsonObject } from './domain/freqtrade-config.js';
import { createLauncherSocket } from './http/launcher-socket.js';
import { botSettingsSchema } from './http/routes/bots.js';
import type { DataPaths } from './lib/data-dir.js';
import type { Logger } from './lib/logger.js';
import { createAssistantService } from './services/assistant/assistant-service.js';
import type { AuditService } from './services/audit-service.js';
import { createBotApis } from './services/bot-api.js';
import { createBotConverger } from './services/bot-converger.js';
import { createBotProcess } from './services/bot-process.js';
import { createBotMonitor } from './services/bot-monitor.js';
import { createBotService, type MarketSource } from './services/bot-service.js';
import { createBotTrading } from './services/bot-trading.js';
import { createDashboardService } from './services/dashboard-service.js';
import { createEmergencyService } from './services/emergency-service.js';
import type { PanelPublish } from './services/monitor-events.js';
import { createMarketService, type MarketServiceOptions } from './services/market-service.js';
import { createBotWorkspace } from './services/bot-workspace.js';
import type { PasswordHasher } from './services/password-hasher.js';
import { createPortAllocator } from './services/port-allocator.js';
import { createReconciler } from './services/reconciler.js';
import type { SecretStore } from './services/secret-store.js';
import { createSettingsService } from './services/settings-service.js';

const baseConfigSchema = z.record(z.string(), z.unknown());

function readBaseConfig(appDir: string): JsonObject {
  const file = path.join(appDir, 'freqtrade_config', 'base.json');
  try {
    return baseConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) as JsonObject;
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function loopMs(base: JsonObject): number {
  const internals = base.internals as { process_throttle_secs?: unknown } | undefined;
  const secs = internals?.process_throttle_secs;
  return (typeof secs === 'number' && secs > 0 ? secs : 5) * 1000;
}

export function composeBots(deps: {
  env: Env;
  db: OpenedDb;
  paths: DataPaths;
  logger: Logger;
  now: () => number;
  secrets: SecretStore;
  audit: AuditService;
  supervisor: SupervisordClient;
  users: UserRepo;
  hasher: PasswordHasher;
  /** A bot's state or figures changed: tell the panel. */
  publishBot: (id: BotId) => void;
  /** Everything else the panel hears (orders, positions, signals, logs, alerts, market). */
  publish: PanelPublish;
  /** The monitor's background sync of each running bot (tests shorten it). */
  monitorPollMs?: number;
  /** The assistant's model timeout, retry pause and cache life (tests shorten them). */
  assistantOptions?: { timeoutMs?: number; retryDelayMs?: number; cacheTtlMs?: number };
  /** The market feed's periods (tests shorten them). */
  marketOptions?: MarketServiceOptions;
}) {
  const { env, paths, logger, now, secrets, audit } = deps;
  const base = readBaseConfig(env.appDir);
  const repo = createBotRepo(deps.db.db);
  const exchange: ExchangeAdapter = createExchangeAdapter({
    restUrl: env.binanceUrl,
    wsUrl: env.binanceWsUrl,
    logger,
    now,
  });
  const strategies: StrategyCatalog = createStrategyCatalog({
    bundledDir: path.join(env.appDir, 'strategies'),
    userDir: paths.strategies,
  });
  const settingsRepo = createSettingsRepo(deps.db.db);
  const settings = createSettingsService({
    repo: settingsRepo,
    secrets,
    audit,
    keyChecker: exchange,
    liveTradingEnabled: env.liveTradingEnabled,
    now,
    onKeyChanged: (key) => exchange.setCredentials(key),
    onLiveSwitchOff: async (actor) => {
      const caller = actor === 'system' ? 'system' : { actor, ip: '' };
      for (const bot of repo.list().filter((b) => b.mode === 'REAL_MARKET_SPOT')) {
        await bots.pause(bot.id, caller, 'the Live switch was turned off').catch(() => undefined);
      }
    },
  });
  const savedKey = settings.exchangeCredentials();
  if (savedKey) exchange.setCredentials(savedKey);
  const files = createBotFiles(paths.bots, path.join(paths.backups, 'deleted-bots'));
  const launcherSocket = path.join(paths.run, 'orchestrator.sock');
  const workspace = createBotWorkspace({
    files,
    secrets,
    strategies,
    base,
    freqtradeCommand: env.freqtradeCommand,
    exchangeRestUrl: env.binanceUrl,
    blockedPairs: () => settings.blockedPairs(),
    launcher: {
      node: process.execPath,
      script: path.join(env.appDir, 'backend', 'dist', 'bot-launcher.js'),
    },
    launcherSocket,
    envCommand: '/usr/bin/env',
    botPath: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
  });
  const apis = createBotApis({ workspace });
  const mirror = createMirrorRepo(deps.db.db);
  const realisedToday = (bot: Bot): number => {
    const from = tradingDayStart(now(), settings.tradingTimeZone());
    const row = mirror
      .realisedByBot(from, now())
      .find((r) => r.botId === bot.id && r.mode === bot.mode);
    return row?.realised ?? 0;
  };
  const ports = createPortAllocator({ range: env.botPorts, used: () => repo.usedPorts() });
  const converger = createBotConverger({
    repo,
    files,
    workspace,
    process: createBotProcess(deps.supervisor),
    api: (bot) => apis.api(bot),
    // The loss limit counts the installation's trading day (its time zone), from the mirror.
    realisedToday,
    settings,
    logger,
    now,
    unreachableMs: env.botUnreachableMs,
    loopMs: loopMs(base),
    ports,
    publish: deps.publishBot,
  });
  const marketSource: MarketSource = {
    async markets() {
      const list = await exchange.markets();
      const bySymbol = new Map(list.map((m) => [m.symbol, m]));
      return (symbol) => {
        const m = bySymbol.get(symbol);
        return m && { ...m, minNotional: m.minNotional > 0 ? m.minNotional : null };
      };
    },
  };
  const bots = createBotService({
    repo,
    files,
    workspace,
    converger,
    strategies,
    marketSource,
    ports,
    settings,
    audit,
    users: deps.users,
    hasher: deps.hasher,
    logger,
    now,
  });
  const reconciler = createReconciler({
    repo,
    bots,
    converger,
    logger,
    intervalMs: env.reconcileMs,
  });
  const socket = createLauncherSocket({
    path: launcherSocket,
    repo,
    workspace,
    settings,
    audit,
    logger,
  });
  const monitor = createBotMonitor({
    bots: repo,
    mirror,
    client: (bot) => apis.client(bot),
    workspace,
    publish: deps.publish,
    logger,
    now,
    pollMs: deps.monitorPollMs,
  });
  const dashboard = createDashboardService({
    bots: repo,
    mirror,
    monitor,
    exchange,
    timeZone: () => settings.tradingTimeZone(),
    now,
  });
  const market = createMarketService({
    exchange,
    settings: settingsRepo,
    audit,
    runningBots: () =>
      repo
        .list()
        .filter((bot) => runsProcess(bot.desiredState))
        .map((bot) => ({ name: bot.name, pairs: bot.pairs })),
    publish: (event) => deps.publish('market', event, null),
    logger,
    now,
    options: deps.marketOptions,
  });
  // The AI assistant (issue #6): reads the feed, the mirror and the bots; changes nothing.
  const assistant = createAssistantService({
    env: env.llm,
    settingsRepo,
    secrets,
    audit,
    usage: createAssistantRepo(deps.db.db),
    bots: repo,
    mirror,
    marketSnapshot: (pair, timeframe) => market.snapshot(pair, timeframe),
    botLogs: (id) => monitor.snapshot(id)?.logs ?? [],
    review: async () => {
      // As bot-service validates an edit; with the exchange down, pairs are checked for shape.
      const lookup = await marketSource.markets().catch(() => null);
      return {
        settingsSchema: botSettingsSchema,
        rules: {
          market: lookup ?? (() => undefined),
          marketsKnown: lookup !== null,
          strategyExists: (name: string) => strategies.exists(name),
          others: repo.list().map(({ id, name, mode, pairs }) => ({ id, name, mode, pairs })),
        },
      };
    },
    timeZone: () => settings.tradingTimeZone(),
    logger,
    now,
    ...deps.assistantOptions,
  });
  const trading = createBotTrading({
    bots: repo,
    mirror,
    monitor,
    apis,
    exchange,
    market,
    audit,
    now,
  });
  const emergency = createEmergencyService({
    repo,
    bots,
    converger,
    apis,
    monitor,
    audit,
    logger,
    now,
  });
  return {
    repo,
    bots,
    converger,
    settings,
    strategies,
    exchange,
    apis,
    reconciler,
    socket,
    mirror,
    monitor,
    dashboard,
    trading,
    emergency,
    market,
    assistant,
  };
}

export type BotsSlice = ReturnType<typeof composeBots>;
