import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { buildApp } from './app.js';
import { composeBots, type BotsSlice } from './compose-bots.js';
import { composeServices } from './compose-services.js';
import { botView } from './http/routes/bots.js';
import { describeEnv, type Env } from './config/env.js';
import { openDb, type OpenedDb } from './db/open-db.js';
import { ConfigError } from './domain/errors.js';
import { createWsHub, type WsHub } from './http/ws/hub.js';
import type { MarketServiceOptions } from './services/market-service.js';
import { ensureDataDir, type DataPaths } from './lib/data-dir.js';
import type { Logger } from './lib/logger.js';
import type { SecretStore } from './services/secret-store.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };
export const VERSION = packageJson.version;

export interface RunningServer {
  server: Server;
  url: string;
  paths: DataPaths;
  secrets: SecretStore;
  db: OpenedDb;
  hub: WsHub;
  bots: BotsSlice;
  /**
   * Stops accepting HTTP (dropping idle keep-alive sockets), closes every panel WebSocket with
   * 1001, waits for HTTP to drain, then closes the supervisord agent and the DB.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Injectable clock, so session expiry and throttling are testable without sleeping. */
  now?: () => number;
  /** Panel WebSocket heartbeat (default 25 s); tests shorten it. */
  wsHeartbeatMs?: number;
  /** false: no periodic reconciler (tests that drive bots step by step call runOnce). */
  reconcile?: boolean;
  /** The monitor's background sync of each running bot (default 10 s). */
  monitorPollMs?: number;
  marketOptions?: MarketServiceOptions;
}

/** Composition: data dir → DB + migrations → secrets → services → app → listen. */
export async function startServer(
  env: Env,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  logger.info({ config: describeEnv(env) }, 'starting Spotdesk');
  const paths = ensureDataDir(env.dataDir);
  const db = openDb({ file: paths.dbFile, backupsDir: paths.backups, now });
  if (db.backupPath)
    logger.info({ backupPath: db.backupPath }, 'database copied aside before migrating');
  try {
    const core = await composeServices({ env, db, paths, logger, now });
    const { services, secrets, supervisor } = core;
    const hub = createWsHub({
      sessions: services.sessions,
      logger,
      publicUrl: env.publicUrl,
      now,
      heartbeatMs: options.wsHeartbeatMs,
    });
    const slice: BotsSlice = composeBots({
      env,
      db,
      paths,
      logger,
      now,
      secrets,
      audit: core.audit,
      supervisor,
      users: core.users,
      hasher: core.hasher,
      publish: (channel, payload, botId) => hub.publish(channel, payload, botId),
      monitorPollMs: options.monitorPollMs,
      marketOptions: options.marketOptions,
      publishBot: (id) => {
        const bot = slice.repo.find(id);
        hub.publish('bots', bot ? { bot: botView(bot, slice.converger) } : { deletedId: id }, id);
      },
    });
    services.readiness.listBots(() =>
      slice.repo.list().map((bot) => ({
        name: `bot:${bot.id}`,
        ok: bot.state !== 'ERROR',
        reason: `${bot.state}${bot.stateReason ? `: ${bot.stateReason}` : ''}`,
      })),
    );
    const app = buildApp({
      logger,
      now,
      http: {
        isHttps: env.isHttps,
        publicUrl: env.publicUrl,
        trustProxy: env.trustProxy,
        frontendDir: env.frontendDir,
      },
      info: {
        version: VERSION,
        startedAt: new Date(now()).toISOString(),
        dataDir: paths.root,
        simulation: env.simulation,
        liveTradingEnabled: env.liveTradingEnabled,
      },
      services: {
        ...services,
        bots: { ...slice, users: core.users, hasher: core.hasher },
      },
    });
    const server = await listen(app, env.host, env.port);
    hub.attach(server);
    await slice.socket.listen();
    if (options.reconcile !== false) slice.reconciler.start();
    slice.monitor.start();
    slice.market.start();
    const address = server.address() as AddressInfo;
    const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    logger.info({ url }, `Spotdesk listening on ${url}`);
    let closing: Promise<void> | undefined;
    return {
      server,
      url,
      paths,
      secrets,
      db,
      hub,
      bots: slice,
      // Idempotent: SIGTERM followed by SIGINT, or a test's double cleanup, closes once.
      // Bots keep running: they belong to supervisord, not to this process.
      close() {
        closing ??= (async () => {
          const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          logger.info('closed the HTTP listener');
          const sockets = hub.clientCount();
          await hub.close();
          logger.info({ sockets }, 'closed the panel WebSockets');
          await slice.bots.stopFollowing();
          await slice.monitor.stop();
          await slice.market.close();
          await slice.reconciler.stop();
          await slice.socket.close();
          await httpClosed;
          await slice.apis.closeAll();
          await supervisor.close();
          db.close();
          logger.info('closed the database');
        })();
        return closing;
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function listen(app: ReturnType<typeof buildApp>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new ConfigError(
            `port ${port} is already in use; set SPOTDESK_PORT to a free port or stop the other process`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(
          new ConfigError(`cannot listen on ${host}: no such address here; check SPOTDESK_HOST`),
        );
      } else {
        reject(error);
      }
    });
  });
}
