// The live monitor (issue #5 "Benchmarks"): how fast a fill in a bot reaches N panel WebSockets,
// whether the panel's viewers add load on a bot's API, and /api/dashboard/summary over a large
// mirror. Everything runs as its own process: supervisord (including the bots' program files),
// sim/exchange, sim/freqtrade bots and the built orchestrator (backend/dist/main.js) with its
// defaults; the panel clients (WebSockets and polling) are opened here.
//
// Fill instant: sim/freqtrade's sim-only GET /__sim/messages gives the instant the bot sent each
// `entry_fill` / `exit_fill` out (its own clock, epoch ms with sub-ms precision:
// performance.timeOrigin + performance.now(), taken right after the fill is written). Receipt is
// the same clock in this process, at each client's 'message' event. Same machine, same clock.
// Requests at the bot: its sim-only GET /__sim/requests counter (every API request it received).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import WebSocket from 'ws';

import { percentile, removeDir, startSupervisord, tempDir } from './lib/processes.mjs';
import {
  createBot,
  orchestratorMain as main,
  signIn,
  startBot,
  startOrchestrator,
  startStack,
} from './lib/stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The orchestrator's own driver, to seed its database before it starts.
const Database = createRequire(join(root, 'backend', 'package.json'))('better-sqlite3');
const PAIR = 'BTC/USDT';
const DAY = 86_400_000;
const MINUTE = 60_000;
// A monitor sync (8 calls, then the closed-trades pages) is over well within this.
const SYNC_SETTLE_MS = 1000;

const epochMs = () => performance.timeOrigin + performance.now();

/** The bot's own API (its loopback port and the credentials Spotdesk wrote into its config). */
function botApi(dataDir, id) {
  const config = JSON.parse(readFileSync(join(dataDir, 'bots', String(id), 'config.json'), 'utf8'));
  const api = config.api_server;
  const base = `http://127.0.0.1:${api.listen_port}`;
  const auth = `Basic ${Buffer.from(`${api.username}:${api.password}`).toString('base64')}`;
  async function call(method, path, body) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(path.startsWith('/api/') ? { authorization: auth } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  }
  return { call };
}

const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** A panel tab's WebSocket: session cookie, the panel's Origin, subscribed to `channels`. */
function openPanelSocket(baseUrl, cookie, channels, onFrame) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/ws`, {
      headers: { cookie, origin: baseUrl },
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => reject(new Error(`panel WebSocket refused: ${res.statusCode} ${body}`)));
    });
    ws.on('message', (data) => {
      // Only the instant and the bytes here: parsing waits, so it does not delay other sockets.
      const at = epochMs();
      const text = data.toString();
      if (text.includes('"subscribed"')) resolve(ws);
      else onFrame?.(at, text);
    });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', channels })));
  });
}

async function openPanelSockets(n, baseUrl, cookie, channels, onFrame) {
  const sockets = [];
  // A few at a time, as tabs would, so the handshakes do not all land in one tick.
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, (_, j) =>
      openPanelSocket(baseUrl, cookie, channels, (at, text) => onFrame?.(i + j, at, text)),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

function closeAll(sockets) {
  for (const ws of sockets) ws.terminate();
}

/**
 * Figure 1: per fill, the bot's own instant of its `entry_fill`/`exit_fill` → receipt of the
 * matching `alerts` event (kind `fill`) at each of `n` panel WebSockets. Each fill is timed alone,
 * half a second after the previous one (the monitor's sync 300 ms after each event runs between).
 */
async function fanOut({ baseUrl, cookie, bot, botId, n, fills }) {
  let frames = [];
  const sockets = await openPanelSockets(n, baseUrl, cookie, ['alerts'], (client, at, text) =>
    frames.push({ at, text }),
  );
  const latencies = [];
  async function timeFill(type, side, act) {
    frames = [];
    const since = epochMs();
    const tradeId = await act();
    const mark = `"tradeId":${tradeId},`;
    const deadline = Date.now() + 10000;
    const mine = () => frames.filter((f) => f.text.includes(mark) && f.text.includes(side));
    while (mine().length < n) {
      if (Date.now() > deadline) throw new Error(`the ${type} of trade ${tradeId} did not fan out`);
      await sleep(10);
    }
    const { messages } = await bot.call('GET', `/__sim/messages?type=${type}`);
    const fill = messages.find((m) => m.at >= since && m.trade_id === tradeId);
    if (!fill) throw new Error(`the bot recorded no ${type} for trade ${tradeId}`);
    for (const f of mine()) {
      const { data } = JSON.parse(f.text);
      if (data.botId === botId && data.payload.kind === 'fill') latencies.push(f.at - fill.at);
    }
    await sleep(500);
    return tradeId;
  }
  try {
    await sleep(500);
    while (latencies.length < fills * n) {
      const tradeId = await timeFill('entry_fill', '"side":"buy"', async () => {
        const trade = await bot.call('POST', '/api/v1/forceenter', {
          pair: PAIR,
          ordertype: 'market',
        });
        return trade.trade_id;
      });
      await timeFill('exit_fill', '"side":"sell"', async () => {
        await bot.call('POST', '/api/v1/forceexit', { tradeid: tradeId, ordertype: 'market' });
        return tradeId;
      });
    }
  } finally {
    closeAll(sockets);
  }
  return latencies;
}

/**
 * A panel tab polling over HTTP every `everyMs` until `stop`: on a bot page (candles, trades,
 * logs) or on the dashboard (summary, positions). Each shares the one session, like tabs do.
 */
function poller(call, paths, everyMs, stopped) {
  return (async () => {
    await sleep(Math.random() * everyMs);
    while (!stopped()) {
      const replies = await Promise.all(paths.map((p) => call('GET', p)));
      const bad = replies.find((r) => r.status !== 200);
      if (bad) throw new Error(`panel poll failed: ${bad.status} ${bad.text}`);
      await sleep(everyMs);
    }
  })();
}

/**
 * Waits until the monitor starts its next sync of the bot (a new GET /locks at the bot: only that
 * sync asks for it), then reads the bot's request total once the sync is over. Two such reads are
 * at the same point of the sync period, so their difference holds whole periods.
 */
async function nextSync(bot, timeoutMs = 30000) {
  const locks = (r) => r.by_path['GET /api/v1/locks'] ?? 0;
  const first = locks(await bot.call('GET', '/__sim/requests'));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = epochMs();
    if (locks(await bot.call('GET', '/__sim/requests')) > first) {
      await sleep(SYNC_SETTLE_MS);
      return { at, total: (await bot.call('GET', '/__sim/requests')).total };
    }
    if (Date.now() > deadline) throw new Error('the monitor did not sync the bot');
    await sleep(25);
  }
}

/**
 * Figure 2: requests per minute at the bot's API while `clients` panel tabs are open (each with
 * its WebSocket), half on the bot's page and half on the dashboard, polling every 5 s. The window
 * runs from the start of one monitor sync to the start of a later one, so it holds whole sync
 * periods whatever the client count.
 */
async function botLoad({ baseUrl, call, cookie, botId, bot, clients, syncs }) {
  const sockets = await openPanelSockets(clients, baseUrl, cookie, [
    'orders',
    'alerts',
    'positions',
    'market',
    'logs',
  ]);
  let stop = false;
  const botPage = [
    `/api/bots/${botId}/candles?pair=${encodeURIComponent(PAIR)}`,
    `/api/bots/${botId}/trades`,
    `/api/bots/${botId}/logs`,
  ];
  const dashboard = ['/api/dashboard/summary', '/api/dashboard/positions'];
  const polls = Array.from({ length: clients }, (_, i) =>
    poller(call, i % 2 === 0 ? botPage : dashboard, 5000, () => stop),
  );
  try {
    await sleep(1000);
    const start = await nextSync(bot);
    let end = start;
    for (let i = 0; i < syncs; i++) end = await nextSync(bot);
    return ((end.total - start.total) / (end.at - start.at)) * MINUTE;
  } finally {
    stop = true;
    await Promise.all(polls);
    closeAll(sockets);
  }
}

/**
 * 20 bots (made through the API, then marked stopped as if they had run) and `trades` mirrored
 * trades over 30 days (a few still open, about 1/30 closed today), 1 order per open trade and 2
 * per closed one, and a bot's equity sample a minute for the last `equityDays` days (the summary
 * reads only each bot's last one before the trading day: --quick seeds 2 days, not 30).
 */
function seedMirror(dbFile, botIds, { trades, equityDays }, now) {
  const db = new Database(dbFile);
  // A bulk load into a closed database: no journal needed (the orchestrator sets its own
  // pragmas, WAL included, when it opens the file).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const insertTrade = db.prepare(
    `INSERT INTO mirror_trades (bot_id, mode, ft_trade_id, pair, is_open, opened_at, closed_at,
       open_rate, close_rate, amount, stake_amount, realised_abs, profit_ratio, exit_reason,
       enter_tag, stop_loss_abs, strategy, data, updated_at)
     VALUES (?, 'SIMULATED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOrder = db.prepare(
    `INSERT INTO mirror_orders (bot_id, mode, ft_trade_id, order_id, pair, side, order_type,
       status, price, amount, filled, placed_at, filled_at, updated_at)
     VALUES (?, 'SIMULATED', ?, ?, ?, ?, 'market', 'closed', ?, ?, ?, ?, ?, ?)`,
  );
  const insertEquity = db.prepare(
    `INSERT INTO equity_samples (bot_id, mode, at, equity) VALUES (?, 'SIMULATED', ?, ?)`,
  );
  const pairs = ['BTC/USDT', 'ETH/USDT', 'BNB/USDT', 'SOL/USDT', 'XRP/USDT'];
  const reasons = ['roi', 'exit_signal', 'stop_loss', 'trailing_stop_loss', 'force_exit'];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const start = now - 30 * DAY;
  db.transaction(() => {
    const perBot = Math.ceil(trades / botIds.length);
    botIds.forEach((botId, b) => {
      const count = Math.min(perBot, trades - b * perBot);
      for (let i = 0; i < count; i++) {
        const ftId = i + 1;
        const pair = pairs[(b + i) % pairs.length];
        // Spread evenly over the 30 days, in order; the last 2 of each bot are still open.
        const openedAt = Math.floor(start + ((i + random()) / count) * 30 * DAY);
        const open = i >= count - 2;
        const closedAt = open
          ? null
          : Math.min(now - 1000, openedAt + 60_000 + random() * 4 * 3.6e6);
        const openRate = 100 + random() * 1000;
        const ratio = (random() - 0.48) * 0.05;
        const closeRate = open ? null : openRate * (1 + ratio);
        const amount = 20 / openRate;
        const realised = open ? 0 : 20 * ratio;
        const exitReason = open ? null : reasons[i % reasons.length];
        const data = {
          tradeId: ftId,
          pair,
          isOpen: open,
          openDate: new Date(openedAt).toISOString(),
          closeDate: closedAt === null ? null : new Date(closedAt).toISOString(),
          openRate,
          closeRate,
          amount,
          stakeAmount: 20,
          realizedProfit: realised,
          closeProfitAbs: open ? null : realised,
          profitRatio: open ? null : ratio,
          closeProfitRatio: open ? null : ratio,
          exitReason,
          enterTag: 'ema_cross_up',
          stopLossAbs: openRate * 0.9,
          strategy: 'EmaCrossStrategy',
        };
        insertTrade.run(
          botId,
          ftId,
          pair,
          open ? 1 : 0,
          openedAt,
          closedAt,
          openRate,
          closeRate,
          amount,
          20,
          realised,
          open ? null : ratio,
          exitReason,
          'ema_cross_up',
          openRate * 0.9,
          'EmaCrossStrategy',
          JSON.stringify(data),
          closedAt ?? openedAt,
        );
        const order = (side, price, at) =>
          insertOrder.run(
            botId,
            ftId,
            `${botId}-${ftId}-${side}`,
            pair,
            side,
            price,
            amount,
            amount,
            at,
            at,
            at,
          );
        order('buy', openRate, openedAt);
        if (!open) order('sell', closeRate, closedAt);
      }
      let equity = 1000;
      const first = Math.ceil((now - equityDays * DAY) / MINUTE) * MINUTE;
      for (let at = first; at < now; at += MINUTE) {
        equity += (random() - 0.5) * 0.2;
        insertEquity.run(botId, at, equity);
      }
    });
    const ids = botIds.join(',');
    db.prepare(
      `UPDATE bots SET desired_state = 'STOPPED', state = 'STOPPED' WHERE id IN (${ids})`,
    ).run();
  })();
  db.close();
}

/** Figure 3: ms per sequential GET /api/dashboard/summary over a seeded mirror. */
async function summaryLatency({ work, exchangeUrl, seed, requests }) {
  const dataDir = join(work, 'summary-data');
  const supervisor = await startSupervisord(join(work, 'summary-supervisor'));
  try {
    let orchestrator = await startOrchestrator({
      dataDir,
      socket: supervisor.socket,
      exchangeUrl,
    });
    const ids = [];
    try {
      const { call } = await signIn(orchestrator.url);
      for (let i = 0; i < 20; i++) ids.push((await createBot(call, i, { maxExposure: 100 })).id);
    } finally {
      await orchestrator.stop();
    }
    seedMirror(join(dataDir, 'db', 'spotdesk.sqlite'), ids, seed, Date.now());
    orchestrator = await startOrchestrator({ dataDir, socket: supervisor.socket, exchangeUrl });
    try {
      const { call } = await signIn(orchestrator.url);
      const times = [];
      for (let i = 0; i < requests + 10; i++) {
        const started = performance.now();
        const reply = await call('GET', '/api/dashboard/summary');
        const ms = performance.now() - started;
        if (reply.status !== 200) throw new Error(`summary: ${reply.status} ${reply.text}`);
        if (reply.body.bots.length !== 20) throw new Error('summary does not list the 20 bots');
        if (i >= 10) times.push(ms); // the first few warm the caches and the JIT
      }
      return times;
    } finally {
      await orchestrator.stop();
    }
  } finally {
    await supervisor.stop();
  }
}

/**
 * The machine's own floor for the fan-out figure: a bare `ws` server in a process of its own
 * (no orchestrator, no bot) sends one pre-serialised frame to `n` sockets opened here, as the hub
 * does; latency from just before its send loop to each receipt. What the full path cannot beat.
 */
async function bareWsFanOut(n, sends) {
  const server = `
    import { WebSocketServer } from 'ws';
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    wss.on('listening', () => console.log(wss.address().port));
    process.stdin.on('data', () => {
      const t0 = performance.timeOrigin + performance.now();
      const frame = Buffer.from(JSON.stringify({ v: 1, type: 'event', data: { channel: 'alerts',
        botId: 1, at: new Date().toISOString(), payload: { kind: 'fill', t0, pair: 'BTC/USDT' } } }));
      for (const client of wss.clients) client.send(frame, { binary: false });
    });`;
  const proc = spawn(process.execPath, ['--input-type=module', '-e', server], {
    cwd: join(root, 'backend'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise((resolve, reject) => {
      proc.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
      proc.once('exit', (code) => reject(new Error(`bare ws server exited with ${code}`)));
    });
    const latencies = [];
    const sockets = await Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise((resolve, reject) => {
            const ws = new WebSocket(`ws://127.0.0.1:${port}`);
            ws.once('open', () => resolve(ws));
            ws.once('error', reject);
            ws.on('message', (raw) => {
              const at = epochMs();
              latencies.push(at - JSON.parse(String(raw)).data.payload.t0);
            });
          }),
      ),
    );
    for (let i = 0; i < sends; i += 1) {
      proc.stdin.write('x\n');
      await sleep(300);
    }
    for (const ws of sockets) ws.close();
    return latencies;
  } finally {
    proc.kill();
  }
}

export async function run({ quick }) {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const fills = quick ? 4 : 60;
  const syncs = quick ? 1 : 6;
  const work = tempDir('spotdesk-bench-monitor-');
  const stops = [];
  const figures = [];
  try {
    const { dataDir, exchange, orchestrator } = await startStack(work, stops);
    const session = await signIn(orchestrator.url);
    const { call } = session;
    const cookie = session.cookie();
    const { id: botId } = await createBot(call, 0, { maxExposure: 100 });
    await startBot(call, botId);
    const bot = botApi(dataDir, botId);

    const perMinute = {};
    for (const clients of [1, 50]) {
      perMinute[clients] = await botLoad({
        baseUrl: orchestrator.url,
        call,
        cookie,
        botId,
        bot,
        clients,
        syncs,
      });
    }
    figures.push(
      {
        figure: 'bot-api-requests-1-client',
        value: round(perMinute[1]),
        unit: 'req/min',
        goal: null,
      },
      {
        figure: 'bot-api-requests-50-clients',
        value: round(perMinute[50]),
        unit: 'req/min',
        goal: round(perMinute[1]),
      },
      {
        figure: 'bot-api-requests-50-vs-1-ratio',
        value: round(perMinute[50] / perMinute[1], 2),
        unit: 'x',
        goal: 1,
      },
    );

    for (const n of [1, 100, 500]) {
      const latencies = await fanOut({ baseUrl: orchestrator.url, cookie, bot, botId, n, fills });
      figures.push(
        {
          figure: `bot-fill-to-panel-ws-p50-n${n}`,
          value: round(percentile(latencies, 50), 2),
          unit: 'ms',
          goal: null,
        },
        {
          figure: `bot-fill-to-panel-ws-p99-n${n}`,
          value: round(percentile(latencies, 99), 2),
          unit: 'ms',
          goal: n === 500 ? 10 : null,
        },
      );
    }

    const floor = await bareWsFanOut(500, fills);
    figures.push({
      figure: 'bare-ws-fan-out-p99-n500',
      value: round(percentile(floor, 99), 2),
      unit: 'ms',
      goal: null,
    });

    const times = await summaryLatency({
      work,
      exchangeUrl: exchange.url,
      seed: { trades: 100_000, equityDays: quick ? 2 : 30 },
      requests: quick ? 40 : 300,
    });
    figures.push(
      {
        figure: 'dashboard-summary-p50-20-bots-100k-trades',
        value: round(percentile(times, 50), 2),
        unit: 'ms',
        goal: null,
      },
      {
        figure: 'dashboard-summary-p95-20-bots-100k-trades',
        value: round(percentile(times, 95), 2),
        unit: 'ms',
        goal: 20,
      },
    );
    return figures;
  } finally {
    // The orchestrator first, then supervisord (it stops the bots), then the exchange.
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    removeDir(work);
  }
}
