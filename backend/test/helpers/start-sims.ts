import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { makeTempDir } from './temp-dir.js';

// The two simulators of sim/ as real child processes on 127.0.0.1 (sim/README.md): the
// Binance-compatible exchange and a Freqtrade-compatible bot trading against it. Product code
// never imports sim/; tests only spawn its binaries by path.

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const EXCHANGE_BIN = path.join(REPO, 'sim/exchange/bin/sim-exchange.js');
const BOT_BIN = path.join(REPO, 'sim/freqtrade/bin/freqtrade.js');
/** The repository's bundled strategies (NeverEnter, AlwaysEnter, EmaCross, RandomSeeded). */
const STRATEGIES = path.join(REPO, 'strategies');
const STOP_GRACE_MS = 5_000;

export interface SimExchange {
  httpUrl: string;
  port: number;
  /** Holds `symbol` (e.g. `BTCUSDT`) at `price` until the process ends. */
  setPrice(symbol: string, price: string): Promise<void>;
  stop(): Promise<void>;
}

/** `node sim/exchange/bin/sim-exchange.js --port 0`; resolves on its one JSON line. */
export async function startSimExchange(options: { seed?: number } = {}): Promise<SimExchange> {
  const child = spawn(
    process.execPath,
    [EXCHANGE_BIN, '--port', '0', '--seed', String(options.seed ?? 42)],
    { stdio: ['ignore', 'pipe', 'ignore'], env: { PATH: process.env.PATH ?? '' } },
  );
  const exited = exitOf(child);
  const line = await Promise.race([
    new Promise<string>((resolve) =>
      createInterface({ input: child.stdout! }).once('line', resolve),
    ),
    exited.then(() => {
      throw new Error('sim-exchange exited before printing its address');
    }),
  ]);
  const { http, port } = JSON.parse(line) as { http: string; port: number };
  return {
    httpUrl: http,
    port,
    async setPrice(symbol, price) {
      const res = await fetch(`${http}/__sim/prices/${symbol}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ price }),
      });
      if (!res.ok) throw new Error(`setPrice ${symbol}: ${res.status} ${await res.text()}`);
    },
    stop: () => stopChild(child, exited),
  };
}

export type SimApiProfile = '2.40' | 'newer';

export interface SimCredentials {
  username: string;
  password: string;
  jwtSecret: string;
  wsToken: string;
}

/** sim/freqtrade fault injection (`POST /__sim/faults`, sim/freqtrade/README.md). */
export interface SimFault {
  mode: 'latency' | 'error500' | 'garbage' | 'hang' | 'silent' | 'crash';
  /** Regex on the request path; default `^/api/v1/`. */
  path?: string;
  latency_ms?: number;
  count?: number;
}

/** One line of the bot's access log (uvicorn.access): what the bot received and answered. */
export interface SimRequest {
  method: string;
  path: string;
  status: number;
}

export interface SimBotOptions {
  /** Where its ccxt talks to (a running sim/exchange). */
  exchange: Pick<SimExchange, 'httpUrl'>;
  /** `newer` = `--sim-api-version newer` (contract §3.4: /pause, `paused`). Default 2.40. */
  profile?: SimApiProfile;
  /** A class in `strategies/`; default `NeverEnterStrategy` (trades only via /forceenter). */
  strategy?: string;
  /** Deep-merged over the generated config; `undefined` deletes a key. */
  config?: Record<string, unknown>;
  /** Fixed port and credentials, e.g. to replace a bot by another build on the same address. */
  port?: number;
  credentials?: SimCredentials;
  /** Wait until show_config.state is the config's initial_state (default true). */
  waitForState?: boolean;
}

export interface SimBot extends SimCredentials {
  /** `http://127.0.0.1:PORT` (the API is below `/api/v1`). */
  baseUrl: string;
  port: number;
  dir: string;
  configPath: string;
  /** The config file as it is on disk now. */
  readConfig(): Record<string, unknown>;
  /** Deep-merges `patch` into the config file; the bot reads it at its next /reload_config. */
  writeConfig(patch: Record<string, unknown>): void;
  /** stderr (logs) so far. */
  output(): string;
  /** Requests the bot has answered so far, oldest first (hung and dropped ones are absent). */
  requests(): SimRequest[];
  /** `GET /api/v1/show_config` state, or null while the API does not answer. */
  state(): Promise<string | null>;
  waitForState(state: string, timeoutMs?: number): Promise<void>;
  setFault(fault: SimFault): Promise<void>;
  clearFault(): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (wait, then SIGKILL) and remove the temp dir. */
  stop(): Promise<void>;
}

const binanceUrls = (base: string) => ({
  public: `${base}/api/v3`,
  private: `${base}/api/v3`,
  v1: `${base}/api/v1`,
});

const randomCredentials = (): SimCredentials => ({
  username: `spotdesk-${randomBytes(3).toString('hex')}`,
  password: randomBytes(18).toString('base64url'),
  jwtSecret: randomBytes(24).toString('base64url'),
  wsToken: randomBytes(18).toString('base64url'),
});

/** A contract §5.3 dry-run config for the bot in `dir`, trading against `exchangeUrl`. */
function generateConfig(dir: string, port: number, exchangeUrl: string, c: SimCredentials) {
  return {
    bot_name: 'spotdesk-test-bot',
    strategy: 'NeverEnterStrategy',
    strategy_path: STRATEGIES,
    max_open_trades: 3,
    stake_currency: 'USDT',
    stake_amount: 100,
    tradable_balance_ratio: 0.99,
    dry_run: true,
    dry_run_wallet: 1000,
    initial_state: 'running',
    force_entry_enable: true,
    db_url: `sqlite:///${path.join(dir, 'tradesv3.dryrun.sqlite')}`,
    user_data_dir: path.join(dir, 'user_data'),
    entry_pricing: { price_side: 'other', use_order_book: false, order_book_top: 1 },
    exit_pricing: { price_side: 'other', use_order_book: false, order_book_top: 1 },
    exchange: {
      name: 'binance',
      key: '',
      secret: '',
      // How a Freqtrade is pointed at any Binance-compatible endpoint (sim/README.md).
      ccxt_config: { enableRateLimit: false, urls: { api: binanceUrls(exchangeUrl) } },
      ccxt_async_config: {},
      pair_whitelist: ['BTC/USDT', 'ETH/USDT'],
      pair_blacklist: [],
    },
    pairlists: [{ method: 'StaticPairList' }],
    api_server: {
      enabled: true,
      listen_ip_address: '127.0.0.1',
      listen_port: port,
      // "info" turns on the access log that requests() reads.
      verbosity: 'info',
      enable_openapi: false,
      jwt_secret_key: c.jwtSecret,
      ws_token: c.wsToken,
      CORS_origins: [],
      username: c.username,
      password: c.password,
    },
    internals: { process_throttle_secs: 1, heartbeat_interval: 0 },
  };
}

/**
 * `node sim/freqtrade/bin/freqtrade.js trade --config <dir>/config.json` with a generated config
 * (random API credentials, a free loopback port: Freqtrade needs a fixed `listen_port`, so one is
 * picked first), resolved once `/ping` answers and, by default, the initial state is applied.
 */
export async function startSimBot(options: SimBotOptions): Promise<SimBot> {
  const temp = makeTempDir('spotdesk-ftsim-');
  const creds = options.credentials ?? randomCredentials();
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const { configPath, config } = writeBotConfig(temp.path, port, creds, options);
  const proc = spawnBot(temp.path, configPath, options.profile ?? '2.40');
  const readConfig = () => JSON.parse(readFileSync(configPath, 'utf8')) as Json;
  const api = botApi(baseUrl, readConfig, proc.child);
  const stop = async () => {
    await stopChild(proc.child, proc.exited);
    temp.remove();
  };
  try {
    await api.waitUntil(async () => (await fetch(`${baseUrl}/api/v1/ping`).catch(() => null))?.ok);
    // initial_state is applied after the first market load; absent means stopped (§3.1).
    if (options.waitForState !== false) {
      await api.waitForState(String(config['initial_state'] ?? 'stopped'));
    }
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${proc.output()}`);
  }
  return {
    ...creds,
    baseUrl,
    port,
    dir: temp.path,
    configPath,
    readConfig,
    writeConfig: (patch) => writeFileSync(configPath, JSON.stringify(merge(readConfig(), patch))),
    output: proc.output,
    requests: () => parseAccessLog(proc.output()),
    state: api.state,
    waitForState: api.waitForState,
    setFault: (fault) => api.fault('POST', fault),
    clearFault: () => api.fault('DELETE'),
    exited: proc.exited,
    stop,
  };
}

function writeBotConfig(dir: string, port: number, creds: SimCredentials, options: SimBotOptions) {
  const base = generateConfig(dir, port, options.exchange.httpUrl, creds);
  const config = merge(options.strategy ? { ...base, strategy: options.strategy } : base, {
    ...options.config,
  });
  mkdirSync(path.join(dir, 'user_data'), { recursive: true });
  const configPath = path.join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return { configPath, config };
}

function spawnBot(dir: string, configPath: string, profile: SimApiProfile) {
  const args = [BOT_BIN, 'trade', '--config', configPath];
  if (profile === 'newer') args.push('--sim-api-version', 'newer');
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, exited: exitOf(child), output: () => output };
}

/** The helper's own view of the bot: Basic auth with the credentials in the file right now. */
function botApi(baseUrl: string, readConfig: () => Json, child: ChildProcess) {
  const basic = () => {
    const api = (readConfig()['api_server'] ?? {}) as { username?: string; password?: string };
    return `Basic ${Buffer.from(`${api.username}:${api.password}`).toString('base64')}`;
  };
  const state = async (): Promise<string | null> => {
    const res = await fetch(`${baseUrl}/api/v1/show_config`, {
      headers: { authorization: basic() },
    }).catch(() => null);
    return res?.ok ? String(((await res.json()) as { state?: unknown }).state) : null;
  };
  const waitUntil = async (ready: () => Promise<boolean | undefined>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (child.exitCode !== null) throw new Error(`sim bot exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`sim bot not ready within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const waitForState = (wanted: string, timeoutMs?: number) =>
    waitUntil(async () => (await state()) === wanted, timeoutMs);
  const fault = async (method: 'POST' | 'DELETE', body?: SimFault) => {
    const res = await fetch(`${baseUrl}/__sim/faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sim fault ${method}: ${res.status} ${await res.text()}`);
  };
  return { state, waitUntil, waitForState, fault };
}

const ACCESS_LINE = /uvicorn\.access - INFO - \S+ - "(\w+) (\S+) HTTP\/[\d.]+" (\d{3})/g;

function parseAccessLog(output: string): SimRequest[] {
  return [...output.matchAll(ACCESS_LINE)].map(([, method = '', p = '', status = '0']) => ({
    method,
    path: p,
    status: Number(status),
  }));
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge like Freqtrade's config merge; `undefined` in `patch` deletes the key. */
function merge(target: Json, patch: Json): Json {
  const out: Json = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = isObject(value) && isObject(out[key]) ? merge(out[key], value) : value;
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exitOf(child: ChildProcess) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
