// Bots under a real supervisord (issue #4 "Benchmarks"): how long a start request takes to be
// reported RUNNING by the API against sim/freqtrade, and the orchestrator's footprint with idle
// Paper bots. Everything runs as its own process: supervisord (including the bots' program
// files), sim/exchange, and the built orchestrator (backend/dist/main.js) with its defaults.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import {
  freePort,
  median,
  removeDir,
  startSupervisord,
  tempDir,
  waitFor200,
  orchestratorEnv,
} from './lib/processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'backend', 'dist', 'main.js');
const simExchange = join(root, 'sim', 'exchange', 'bin', 'sim-exchange.js');
const simFreqtrade = join(root, 'sim', 'freqtrade', 'bin', 'freqtrade.js');
const PASSWORD = 'bench-admin-password-1';

/** A child process that is killed (and awaited) by `stop`, whatever state it is in. */
function child(command, args, options) {
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

async function startExchange() {
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

async function startOrchestrator({ dataDir, socket, exchangeUrl }) {
  const port = await freePort();
  const first = 40000 + Math.floor(Math.random() * 200) * 100;
  const orchestrator = child(process.execPath, [main], {
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      SPOTDESK_DATA_DIR: dataDir,
      SPOTDESK_PORT: String(port),
      SPOTDESK_SUPERVISOR_SOCKET: socket,
      SPOTDESK_LOG_LEVEL: 'warn',
      SPOTDESK_ADMIN_PASSWORD: PASSWORD,
      SPOTDESK_BINANCE_URL: exchangeUrl,
      SPOTDESK_FREQTRADE_CMD: `${process.execPath} ${simFreqtrade}`,
      SPOTDESK_BOT_PORTS: `${first}-${first + 99}`,
      ...orchestratorEnv(),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitFor200(`${url}/ready`, 30000),
    orchestrator.exited.then((code) => {
      throw new Error(`orchestrator exited with ${code} before /ready`);
    }),
  ]);
  return { ...orchestrator, url };
}

/** Signs in as the seeded admin; returns a JSON caller that keeps the cookie and CSRF token. */
async function signIn(base) {
  const cookies = new Map();
  let csrf = '';
  async function call(method, path, body) {
    const headers = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
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
  const login = await call('POST', '/api/auth/login', { username: 'admin', password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  csrf = (await call('GET', '/api/session')).body.csrfToken;
  return call;
}

/** ms from POST …/start to the API reporting RUNNING, polled every 20 ms. */
async function startToRunning(call, index) {
  const created = await call('POST', '/api/bots', {
    name: `Bench bot ${index}`,
    strategy: 'NeverEnterStrategy',
    timeframe: '5m',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 1,
    maxExposure: 20,
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  const { id } = created.body;
  const started = performance.now();
  const reply = await call('POST', `/api/bots/${id}/start`, {});
  if (reply.status !== 200) throw new Error(`start failed: ${reply.status} ${reply.text}`);
  const deadline = Date.now() + 60000;
  let bot = reply.body;
  while (bot.state !== 'RUNNING') {
    if (Date.now() > deadline)
      throw new Error(`bot ${id} not RUNNING in 60 s: ${JSON.stringify(bot)}`);
    await sleep(20);
    bot = (await call('GET', `/api/bots/${id}`)).body;
  }
  return performance.now() - started;
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

/** utime + stime of the process, in seconds. */
function cpuSeconds(pid, ticksPerSecond) {
  // Fields after the command (which may hold spaces) start at the third: state, ppid, …
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function run({ quick }) {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const botCount = quick ? 2 : 20;
  const settleMs = quick ? 1000 : 15000;
  const windowMs = quick ? 3000 : 30000;
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const work = tempDir('spotdesk-bench-bots-');
  const dataDir = join(work, 'data');
  const stops = [];
  try {
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
    const call = await signIn(orchestrator.url);

    const times = [];
    for (let i = 0; i < botCount; i++) times.push(await startToRunning(call, i));
    await sleep(settleMs);
    const pid = orchestrator.proc.pid;
    const cpuBefore = cpuSeconds(pid, ticks);
    const wallBefore = performance.now();
    await sleep(windowMs);
    const cpu =
      ((cpuSeconds(pid, ticks) - cpuBefore) / ((performance.now() - wallBefore) / 1000)) * 100;
    const rss = rssMb(pid);
    const running = (await call('GET', '/api/bots')).body.filter((b) => b.state === 'RUNNING');
    if (running.length !== botCount) {
      throw new Error(`only ${running.length} of ${botCount} bots were RUNNING while idle`);
    }
    return [
      {
        figure: 'start-to-running-median',
        value: Math.round(median(times)),
        unit: 'ms',
        goal: null,
      },
      {
        figure: 'start-to-running-p95',
        value: Math.round(percentile(times, 95)),
        unit: 'ms',
        goal: null,
      },
      { figure: 'idle-bots-rss', value: Math.round(rss * 10) / 10, unit: 'MB', goal: 150 },
      { figure: 'idle-bots-cpu', value: Math.round(cpu * 10) / 10, unit: '%', goal: null },
    ];
  } finally {
    // The orchestrator first, then supervisord (it stops the bots), then the exchange.
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    removeDir(work);
  }
}
