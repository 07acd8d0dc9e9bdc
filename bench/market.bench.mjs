// Market analysis (issue #6 "Benchmarks"): whether panels add load on the exchange, the time to
// compute every indicator, and the snapshot endpoint's latency from the cache. sim/exchange and
// the built orchestrator (backend/dist/main.js) run as their own processes; the panels (a market
// channel WebSocket each, polling the watchlist, half of them on a pair page) are opened here.
//
// Requests at the exchange: sim/exchange's request log (GET /__sim/requests), emptied when a
// window opens; every request but the sim's own control calls counts.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import WebSocket from 'ws';

import { cpuSeconds, median, percentile, removeDir, tempDir } from './lib/processes.mjs';
import { signIn, startStack } from './lib/stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAIRS = [
  'BTC/USDT',
  'ETH/USDT',
  'BNB/USDT',
  'SOL/USDT',
  'XRP/USDT',
  'ADA/USDT',
  'DOGE/USDT',
  'LTC/USDT',
  'DOT/USDT',
  'LINK/USDT',
];
const round = (value, digits = 1) => Number(value.toFixed(digits));
const urlPair = (pair) => pair.replace('/', '-');

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * N panels for `windowMs`: each opens the market channel and reads the watchlist every 15 s;
 * every other one also keeps a pair page open (its snapshot with 300 candles, every 15 s).
 * Resolves with the requests per minute the exchange received meanwhile.
 */
async function exchangeLoad({ baseUrl, cookie, call, exchangeUrl, n, windowMs }) {
  const sockets = [];
  let events = 0;
  for (let i = 0; i < n; i += 1) {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/ws`, {
      headers: { cookie: cookie(), origin: baseUrl },
    });
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'subscribe', channels: ['market'] })),
    );
    socket.on('message', () => (events += 1));
    sockets.push(socket);
  }
  await fetch(`${exchangeUrl}/__sim/requests`, { method: 'DELETE' });
  const started = Date.now();
  const panel = async (i) => {
    while (Date.now() - started < windowMs) {
      const reads = [call('GET', '/api/market/watchlist')];
      if (i % 2 === 1) {
        const pair = urlPair(PAIRS[i % PAIRS.length]);
        reads.push(call('GET', `/api/market/pairs/${pair}?timeframe=1h&candles=300`));
      }
      for (const reply of await Promise.all(reads)) {
        if (reply.status !== 200) throw new Error(`panel read: ${reply.status} ${reply.text}`);
      }
      await sleep(Math.min(15_000, Math.max(0, windowMs - (Date.now() - started))));
    }
  };
  await Promise.all(Array.from({ length: n }, (_, i) => panel(i)));
  const elapsed = Date.now() - started;
  const log = await (await fetch(`${exchangeUrl}/__sim/requests?limit=5000`)).json();
  for (const socket of sockets) socket.close();
  if (events === 0) throw new Error('no market event reached the panels');
  const counted = log.filter((entry) => !entry.path.startsWith('/__sim'));
  return (counted.length / elapsed) * 60_000;
}

/** A seeded random walk of `count` hourly candles. */
function candles(count, seed) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let close = 100 + seed;
  return Array.from({ length: count }, (_, i) => {
    const open = close;
    close = Math.max(1, open * (1 + (random() - 0.5) * 0.02));
    const high = Math.max(open, close) * (1 + random() * 0.005);
    const low = Math.min(open, close) * (1 - random() * 0.005);
    return { time: i * 3_600_000, open, high, low, close, volume: 1000 + random() * 500 };
  });
}

/** ms to compute every indicator and the regime for 10 pairs × 1,000 candles (median of runs). */
async function indicatorTime(runs) {
  const dist = join(root, 'backend', 'dist', 'domain', 'market');
  const { computeIndicators } = await import(pathToFileURL(join(dist, 'indicators.js')).href);
  const { classifyRegime } = await import(pathToFileURL(join(dist, 'regime.js')).href);
  const sets = PAIRS.map((_, i) => candles(1000, i + 1));
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    for (const set of sets) classifyRegime(set, computeIndicators(set));
    times.push(performance.now() - started);
  }
  // The first runs include the JIT's warm-up; a trader's feed runs warm.
  return { warm: median(times.slice(Math.min(3, runs - 1))), cold: times[0] };
}

export async function run({ quick }) {
  const work = tempDir('spotdesk-bench-market-');
  const stops = [];
  const figures = [];
  try {
    const compute = await indicatorTime(quick ? 10 : 50);
    figures.push(
      {
        figure: 'indicators-10-pairs-1000-candles-ms',
        value: round(compute.warm, 2),
        unit: 'ms',
        goal: null,
      },
      {
        figure: 'indicators-10-pairs-1000-candles-first-run-ms',
        value: round(compute.cold, 2),
        unit: 'ms',
        goal: null,
      },
    );

    const { exchange, orchestrator } = await startStack(work, stops);
    const { call, cookie } = await signIn(orchestrator.url);
    const put = await call('PUT', '/api/market/watchlist', { pairs: PAIRS, timeframe: '1h' });
    if (put.status !== 200) throw new Error(`watchlist: ${put.status} ${put.text}`);
    await until(
      'the 10 pairs to stream',
      async () => {
        const { body } = await call('GET', '/api/market/watchlist');
        return (
          body.rows.length === PAIRS.length &&
          body.rows.every((row) => row.ticker !== null && row.source === 'stream')
        );
      },
      60_000,
    );

    // What following 10 pairs (kline and ticker streams, indicators on every push) costs the
    // orchestrator with no panel open.
    const pid = orchestrator.proc.pid;
    const cpuBefore = cpuSeconds(pid);
    const wallBefore = performance.now();
    await sleep(quick ? 5_000 : 20_000);
    const cpu = ((cpuSeconds(pid) - cpuBefore) / ((performance.now() - wallBefore) / 1000)) * 100;
    figures.push({
      figure: 'orchestrator-cpu-10-pairs-streaming',
      value: round(cpu),
      unit: '%',
      goal: null,
    });

    const windowMs = quick ? 10_000 : 60_000;
    const perMinute = {};
    for (const n of [1, 50]) {
      perMinute[n] = await exchangeLoad({
        baseUrl: orchestrator.url,
        cookie,
        call,
        exchangeUrl: exchange.url,
        n,
        windowMs,
      });
    }
    figures.push(
      {
        figure: 'exchange-requests-1-panel-10-pairs',
        value: round(perMinute[1]),
        unit: 'req/min',
        goal: null,
      },
      {
        figure: 'exchange-requests-50-panels-10-pairs',
        value: round(perMinute[50]),
        unit: 'req/min',
        goal: round(perMinute[1]),
      },
    );

    // Sequential reads of a warm pair; the first ones (JIT warm-up, the closed panels' sockets
    // going away) are not counted.
    const latencies = [];
    const warmUp = quick ? 50 : 300;
    for (let i = 0; i < warmUp + (quick ? 200 : 2000); i += 1) {
      const started = performance.now();
      const reply = await call('GET', '/api/market/pairs/BTC-USDT?timeframe=1h');
      if (i >= warmUp) latencies.push(performance.now() - started);
      if (reply.status !== 200) throw new Error(`snapshot: ${reply.status} ${reply.text}`);
    }
    figures.push(
      {
        figure: 'market-snapshot-p50-from-cache',
        value: round(percentile(latencies, 50), 2),
        unit: 'ms',
        goal: null,
      },
      {
        figure: 'market-snapshot-p95-from-cache',
        value: round(percentile(latencies, 95), 2),
        unit: 'ms',
        goal: 5,
      },
    );
    return figures;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    removeDir(work);
  }
}
