// Helpers shared by the benchmarks that run Spotdesk's own processes: sim/exchange, the built
// orchestrator (backend/dist/main.js) with its bots as sim/freqtrade, and a signed-in API caller.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { freePort, orchestratorEnv, startSupervisord, waitFor200 } from './processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built orchestrator (`npm run build -w backend`). */
export const orchestratorMain = join(root, 'backend', 'dist', 'main.js');
const simExchange = join(root, 'sim', 'exchange', 'bin', 'sim-exchange.js');
const simFreqtrade = join(root, 'sim', 'freqtrade', 'bin', 'freqtrade.js');
/** The admin password the orchestrator is seeded with (SPOTDESK_ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = 'bench-admin-password-1';

/** A child process that is killed (and awaited) by `stop`, whatever state it is in. */
export function child(command, args, options) {
  const proc = spawn(command, args, options);
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  return {
    proc,
    exited,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}

/** sim/exchange on a free port (seed 42); resolves with its HTTP `url` once it prints it. */
export async function startExchange() {
  const exchange = child(process.execPath, [simExchange, '--port', '0', '--seed', '42'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    let out = '';
    exchange.proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    exchange.exited.then(() => reject(new Error('sim-exchange exited before its first line')));
  });
  return { ...exchange, url: JSON.parse(line).http };
}

/**
 * The built orchestrator on a free port, with supervisord.conf's variables, on `dataDir` and the
 * supervisord at `socket`; resolves with its `url` once /ready answers 200 (within
 * `readyTimeoutMs`), and `readyMs`, the time from spawn to that answer. With `exchangeUrl`, it
 * trades against that sim/exchange and runs its bots as sim/freqtrade on a random block of 100
 * loopback ports; without it, those variables are left to its defaults.
 */
export async function startOrchestrator({ dataDir, socket, exchangeUrl, readyTimeoutMs = 30000 }) {
  const port = await freePort();
  const bots = {};
  if (exchangeUrl !== undefined) {
    const first = 40000 + Math.floor(Math.random() * 200) * 100;
    bots.SPOTDESK_BINANCE_URL = exchangeUrl;
    bots.SPOTDESK_BINANCE_WS_URL = `${exchangeUrl.replace(/^http/, 'ws')}/stream/ws`;
    bots.SPOTDESK_FREQTRADE_CMD = `${process.execPath} ${simFreqtrade}`;
    bots.SPOTDESK_BOT_PORTS = `${first}-${first + 99}`;
  }
  const started = performance.now();
  const orchestrator = child(process.execPath, [orchestratorMain], {
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      SPOTDESK_DATA_DIR: dataDir,
      SPOTDESK_PORT: String(port),
      SPOTDESK_SUPERVISOR_SOCKET: socket,
      SPOTDESK_LOG_LEVEL: 'warn',
      SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...bots,
      ...orchestratorEnv(),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitFor200(`${url}/ready`, readyTimeoutMs),
    orchestrator.exited.then((code) => {
      throw new Error(`orchestrator exited with ${code} before /ready`);
    }),
  ]);
  return { ...orchestrator, url, readyMs: performance.now() - started };
}

/**
 * The whole stack on `work`: sim/exchange, a supervisord that includes the bots' program files
 * (each bot's supervisord.conf under `<work>/data/bots`) and the orchestrator on `<work>/data`
 * with its bots as sim/freqtrade. Each `stop` is pushed onto `stops` as soon as its process is up: run them in
 * reverse (orchestrator, supervisord, which stops the bots, then the exchange), also when this
 * throws part-way.
 */
export async function startStack(work, stops) {
  const dataDir = join(work, 'data');
  const exchange = await startExchange();
  stops.push(() => exchange.stop());
  const supervisor = await startSupervisord(join(work, 'supervisor'), {
    include: `${dataDir}/bots/*/supervisord.conf`,
  });
  stops.push(() => supervisor.stop());
  const orchestrator = await startOrchestrator({
    dataDir,
    socket: supervisor.socket,
    exchangeUrl: exchange.url,
  });
  stops.push(() => orchestrator.stop());
  return { dataDir, exchange, supervisor, orchestrator };
}

/**
 * Signs in as the seeded admin. Returns `call(method, path, body)`, a JSON caller that keeps the
 * cookie and CSRF token (resolves with `{ status, body, text }`), and `cookie()`, the Cookie
 * header as it stands (for the panel WebSockets).
 */
export async function signIn(base, password = ADMIN_PASSWORD) {
  const cookies = new Map();
  let csrf = '';
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  async function call(method, path, body) {
    const headers = { cookie: cookie() };
    if (method !== 'GET') headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [name, value = ''] = line.split(';')[0].split('=');
      if (value) cookies.set(name.trim(), value.trim());
      else cookies.delete(name.trim());
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
  }
  csrf = (await call('GET', '/api/session')).body.csrfToken;
  const login = await call('POST', '/api/auth/login', { username: 'admin', password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  csrf = (await call('GET', '/api/session')).body.csrfToken;
  return { call, cookie };
}

/**
 * Creates a Paper bot `Bench bot <index>` through the API (NeverEnterStrategy, 5m, BTC/USDT, 20
 * USDT a trade, one trade at a time; `extra` overrides any field); resolves with its body.
 */
export async function createBot(call, index, extra = {}) {
  const created = await call('POST', '/api/bots', {
    name: `Bench bot ${index}`,
    strategy: 'NeverEnterStrategy',
    timeframe: '5m',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 1,
    maxExposure: 20,
    ...extra,
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  return created.body;
}

/** POST …/start, then GET the bot every `pollMs` until it is RUNNING (60 s at most). */
export async function startBot(call, id, { pollMs = 50 } = {}) {
  const reply = await call('POST', `/api/bots/${id}/start`, {});
  if (reply.status !== 200) throw new Error(`start failed: ${reply.status} ${reply.text}`);
  const deadline = Date.now() + 60000;
  let bot = reply.body;
  while (bot.state !== 'RUNNING') {
    if (Date.now() > deadline)
      throw new Error(`bot ${id} not RUNNING in 60 s: ${JSON.stringify(bot)}`);
    await sleep(pollMs);
    bot = (await call('GET', `/api/bots/${id}`)).body;
  }
  return bot;
}
