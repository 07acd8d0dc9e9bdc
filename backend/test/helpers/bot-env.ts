// Everything a bot needs, for real: sim/exchange (in process, for its control surface and
// request log), a real supervisord that includes `<data>/bots/*/supervisord.conf`, and the
// orchestrator (startServer) whose bots run sim/freqtrade as separate processes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import Database from 'better-sqlite3';

import { createSupervisordClient } from '../../src/adapters/supervisord/client.js';

import { ADMIN_PASSWORD, setUpAdmin, signIn, type Browser } from './http-client.js';
import { startApp, type TestApp } from './start-app.js';
import { startSupervisord } from './supervisord.js';
import { makeTempDir } from './temp-dir.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const SIM_FREQTRADE = path.join(REPO, 'sim', 'freqtrade', 'bin', 'freqtrade.js');

export interface BotEnv {
  app: TestApp;
  admin: Browser;
  exchange: SimExchange;
  dataDir: string;
  supervisorSocket: string;
  /** The SPOTDESK_* variables the orchestrator runs with (to start another one like it). */
  vars: Readonly<Record<string, string>>;
  /** Starts the orchestrator again on the same data dir and supervisord (after `app.close()`). */
  restartApp(): Promise<TestApp>;
  /** The bot's process id as supervisord reports it (0 when not running). */
  pid(botId: number): Promise<number>;
  processState(botId: number): Promise<string | null>;
  /** GET /api/bots/:id until `check` holds; fails with the last answer after `timeoutMs`. */
  waitForBot(botId: number, check: (bot: BotBody) => boolean, timeoutMs?: number): Promise<BotBody>;
  /** Calls the bot's own Freqtrade API with the credentials from its config file. */
  botApi(botId: number, apiPath: string, init?: RequestInit): Promise<Response>;
  /** Open and closed trades in the bot's own Freqtrade database (its Paper one). */
  storedTrades(botId: number): { open: number; closed: number };
  cleanup(): Promise<void>;
}

export interface BotBody {
  id: number;
  state: string;
  desiredState: string;
  stateReason: string | null;
  errorReason: string | null;
  mode: string;
  apiPort: number;
  openTrades: number | null;
  [key: string]: unknown;
}

let portBase = 20_000 + Math.floor(Math.random() * 20) * 1000;

export async function startBotEnv(
  options: { env?: Record<string, string>; reconcileSeconds?: number; monitorPollMs?: number } = {},
): Promise<BotEnv> {
  const exchange = await startExchange({ seed: 11 });
  const data = makeTempDir('spotdesk-bots-');
  const supervisor = await startSupervisord({ include: `${data.path}/bots/*/supervisord.conf` });
  const first = portBase;
  portBase += 50;
  const env = {
    SPOTDESK_SUPERVISOR_SOCKET: supervisor.socketPath,
    SPOTDESK_BINANCE_URL: exchange.httpUrl,
    SPOTDESK_BINANCE_WS_URL: `${exchange.wsUrl}/stream/ws`,
    SPOTDESK_FREQTRADE_CMD: `${process.execPath} ${SIM_FREQTRADE}`,
    SPOTDESK_BOT_PORTS: `${first}-${first + 49}`,
    SPOTDESK_RECONCILE_SECONDS: String(options.reconcileSeconds ?? 1),
    SPOTDESK_BOT_UNREACHABLE_SECONDS: '30',
    ...options.env,
  };
  let app = await startApp({
    dataDir: data.path,
    env,
    realClock: true,
    monitorPollMs: options.monitorPollMs,
  });
  const admin = await setUpAdmin(app.baseUrl, app.setupToken(), 'ana');
  const client = createSupervisordClient({ socketPath: supervisor.socketPath });
  const info = (botId: number) => client.getProcessInfo(`bot-${botId}`);

  const self: BotEnv = {
    app,
    admin,
    exchange,
    dataDir: data.path,
    supervisorSocket: supervisor.socketPath,
    vars: env,
    async restartApp() {
      app = await startApp({
        dataDir: data.path,
        env,
        realClock: true,
        monitorPollMs: options.monitorPollMs,
      });
      self.app = app;
      self.admin = await signIn(app.baseUrl, 'ana', ADMIN_PASSWORD);
      return app;
    },
    pid: async (botId) => (await info(botId))?.pid ?? 0,
    processState: async (botId) => (await info(botId))?.state ?? null,
    async waitForBot(botId, check, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      let last: BotBody | undefined;
      while (Date.now() < deadline) {
        const reply = await self.admin.get(`/api/bots/${botId}`);
        last = reply.body as BotBody;
        if (reply.status === 200 && check(last)) return last;
        await sleep(250);
      }
      const { state, desiredState, stateReason, errorReason, openTrades } = last ?? {};
      const logFile = path.join(data.path, 'bots', String(botId), 'freqtrade.log');
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15) : [];
      throw new Error(
        `bot ${botId} did not reach the expected state: ${JSON.stringify({ state, desiredState, stateReason, errorReason, openTrades, realisedToday: last?.realisedToday, lossLimitTripped: last?.lossLimitTripped })}\n${log.join('\n')}`,
      );
    },
    async botApi(botId, apiPath, init = {}) {
      const config = JSON.parse(
        readFileSync(path.join(data.path, 'bots', String(botId), 'config.json'), 'utf8'),
      ) as { api_server: { listen_port: number; username: string; password: string } };
      const { listen_port: port, username, password } = config.api_server;
      const auth = Buffer.from(`${username}:${password}`).toString('base64');
      return fetch(`http://127.0.0.1:${port}/api/v1${apiPath}`, {
        ...init,
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      });
    },
    storedTrades(botId) {
      const file = path.join(data.path, 'bots', String(botId), 'trades-paper.sqlite');
      const db = new Database(file, { readonly: true });
      try {
        const count = (open: number) =>
          (
            db.prepare('SELECT COUNT(*) AS n FROM trades WHERE is_open = ?').get(open) as {
              n: number;
            }
          ).n;
        return { open: count(1), closed: count(0) };
      } finally {
        db.close();
      }
    },
    async cleanup() {
      await app.close().catch(() => undefined);
      await supervisor.cleanup();
      await client.close();
      await exchange.close();
      data.remove();
    },
  };
  return self;
}

/** A Paper bot body the API accepts, with overrides. */
export function paperBot(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Bot ${Math.random().toString(36).slice(2, 8)}`,
    strategy: 'NeverEnterStrategy',
    timeframe: '1m',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 1,
    maxExposure: 20,
    ...over,
  };
}
