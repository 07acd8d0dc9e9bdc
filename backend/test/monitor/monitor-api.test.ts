// The live monitor end to end against a real sim/freqtrade bot under a real supervisord: a forced
// entry fills, reaches the panel WebSocket, the mirror, the dashboard, the orders of the day, the
// bot's trades and chart; refusals name their reason; a forced exit closes it.
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

let env: BotEnv;
let id: number;
beforeAll(async () => {
  env = await startBotEnv();
  const created = await env.admin.post(
    '/api/bots',
    paperBot({ pairs: ['BTC/USDT', 'ETH/USDT'], maxOpenTrades: 2, maxExposure: 40 }),
  );
  id = created.body.id as number;
  expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);
  await env.waitForBot(id, (b) => b.state === 'RUNNING');
  // Events reach the panel once the bot's message stream is up (a sync fills any gap before).
  await until(
    async () => (await env.admin.get('/api/dashboard/summary')).body.bots[0],
    (row: { streaming: boolean }) => row.streaming,
  );
}, 90_000);
afterAll(async () => env?.cleanup(), 60_000);

interface Frame {
  type: string;
  data: { channel?: string; botId?: number | null; payload?: Record<string, unknown> };
}

function panelSocket(channels: string[]) {
  const cookie = `spotdesk_session=${env.admin.cookies.get('spotdesk_session')}`;
  const socket = new WebSocket(`${env.app.baseUrl.replace('http', 'ws')}/api/ws`, {
    headers: { cookie, origin: env.app.baseUrl },
  });
  const frames: Frame[] = [];
  socket.on('message', (raw) => frames.push(JSON.parse(raw.toString()) as Frame));
  socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', channels })));
  return { socket, frames };
}

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await sleep(200);
    value = await read();
  }
  expect(check(value), JSON.stringify(value).slice(0, 2000)).toBe(true);
  return value;
}

describe('a forced entry', () => {
  let tradeId: number;

  it('fills, reaches the panel socket and the mirror, and shows on the dashboard', async () => {
    const panel = panelSocket(['orders', 'alerts', 'positions']);
    await sleep(300);
    const reply = await env.admin.post(`/api/bots/${id}/forceenter`, {
      pair: 'BTC/USDT',
      orderType: 'market',
    });
    expect(reply.status, reply.text).toBe(200);
    tradeId = reply.body.tradeId as number;
    expect(reply.body.pair).toBe('BTC/USDT');

    await until(
      async () => panel.frames,
      (frames) =>
        frames.some(
          (f) =>
            f.data.channel === 'alerts' &&
            f.data.payload?.kind === 'fill' &&
            f.data.payload.tradeId === tradeId,
        ),
    );
    panel.socket.close();

    const positions = (await env.admin.get('/api/dashboard/positions')).body.positions as Array<
      Record<string, unknown>
    >;
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({ botId: id, tradeId, pair: 'BTC/USDT', mode: 'SIMULATED' });
    expect(positions[0]!.openRate).toBeGreaterThan(0);

    const trades = (await env.admin.get(`/api/bots/${id}/trades?status=open`)).body.trades;
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ tradeId, isOpen: true });
    expect(trades[0].orders[0]).toMatchObject({ side: 'buy' });

    const orders = (await env.admin.get('/api/orders')).body.orders as Array<
      Record<string, unknown>
    >;
    expect(orders.some((o) => o.tradeId === tradeId && o.side === 'buy')).toBe(true);

    // lastLoopAt comes from the bot's /health at the monitor's next sync.
    const summary = (
      await until(
        () => env.admin.get('/api/dashboard/summary'),
        (r) =>
          r.body.bots.some(
            (b: { id: number; lastLoopAt: string | null }) => b.id === id && b.lastLoopAt !== null,
          ),
      )
    ).body;
    expect(summary.paper.openTrades).toBe(1);
    expect(summary.tradingDay.timeZone).toBe('UTC');
    expect(summary.live.bots).toBe(0);
    const row = summary.bots.find((b: { id: number }) => b.id === id);
    expect(row).toMatchObject({ openTrades: 1, degraded: null });
    expect(row.ordersToday).toBeGreaterThanOrEqual(1);
    expect(row.lastLoopAt).not.toBeNull();
  }, 60_000);

  it('is on the chart: the bot’s own candles with an entry marker and the trade’s lines', async () => {
    const own = (await env.admin.get(`/api/bots/${id}/candles?pair=BTC/USDT`)).body;
    expect(own.source).toBe('bot');
    expect(own.timeframe).toBe('1m');
    expect(own.candles.length).toBeGreaterThan(10);
    expect(own.markers).toContainEqual(expect.objectContaining({ tradeId, kind: 'entry' }));
    expect(own.lines).toEqual([expect.objectContaining({ tradeId })]);

    const other = (await env.admin.get(`/api/bots/${id}/candles?pair=BTC/USDT&timeframe=5m`)).body;
    expect(other.source).toBe('exchange');
    expect(other.candles.length).toBeGreaterThan(10);
    const [a, b] = other.candles as Array<{ time: string }>;
    expect(Date.parse(b!.time) - Date.parse(a!.time)).toBe(300_000);
  });

  it('refuses a forced entry on a pair the bot does not trade, naming the field', async () => {
    const reply = await env.admin.post(`/api/bots/${id}/forceenter`, { pair: 'SOL/USDT' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.issues[0]).toMatchObject({
      path: 'pair',
      rule: 'pair-not-in-bot',
    });
  });

  it('refuses a stake below the exchange minimum', async () => {
    const reply = await env.admin.post(`/api/bots/${id}/forceenter`, {
      pair: 'ETH/USDT',
      stakeAmount: 0.5,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.issues[0]).toMatchObject({
      path: 'stakeAmount',
      rule: 'stake-below-minimum',
    });
  });

  it('refuses a limit order without a price, and an exit of a trade that is not open', async () => {
    const limit = await env.admin.post(`/api/bots/${id}/forceenter`, {
      pair: 'ETH/USDT',
      orderType: 'limit',
    });
    expect(limit.status).toBe(400);
    expect(limit.body.error.details.issues[0]).toMatchObject({ path: 'price' });
    const exit = await env.admin.post(`/api/bots/${id}/forceexit`, { tradeId: 999 });
    expect(exit.status).toBe(404);
  });

  it('closes with a forced exit; the mirror has it closed and the log tail has lines', async () => {
    const reply = await env.admin.post(`/api/bots/${id}/forceexit`, { tradeId });
    expect(reply.status, reply.text).toBe(200);
    const closed = await until(
      async () => (await env.admin.get(`/api/bots/${id}/trades?status=closed`)).body.trades,
      (trades: Array<{ tradeId: number; closeRate: number }>) =>
        trades.some((t) => t.tradeId === tradeId),
    );
    expect(closed[0]).toMatchObject({ tradeId, isOpen: false });
    expect(closed[0]!.closeRate).toBeGreaterThan(0);
    const audit = (await env.admin.get('/api/audit?action=bot-force-exit')).body.items;
    expect(audit[0]).toMatchObject({ target: `bot:${id}`, after: { tradeId } });
    const logs = (await env.admin.get(`/api/bots/${id}/logs`)).body;
    expect(logs.running).toBe(true);
    expect(logs.lines.length).toBeGreaterThan(0);
  }, 30_000);

  it('refuses a forced entry on a paused bot with a clear message', async () => {
    expect((await env.admin.post(`/api/bots/${id}/pause`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'PAUSED');
    const reply = await env.admin.post(`/api/bots/${id}/forceenter`, { pair: 'BTC/USDT' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('bot-not-trading');
    expect(reply.body.error.message).toContain('paused');
  }, 60_000);
});

describe('a deleted bot', () => {
  it('keeps its trades and orders in the mirror, under its name', async () => {
    expect((await env.admin.post(`/api/bots/${id}/stop`, { openTrades: 'leave' })).status).toBe(
      200,
    );
    await env.waitForBot(id, (b) => b.state === 'STOPPED');
    const removed = await env.admin.request('DELETE', `/api/bots/${id}`);
    expect(removed.status, removed.text).toBe(204);
    const orders = (await env.admin.get('/api/orders')).body.orders as Array<
      Record<string, unknown>
    >;
    expect(orders.length).toBeGreaterThanOrEqual(2);
    expect(orders.every((o) => o.botId === id)).toBe(true);
    expect(orders[0]!.botName).toMatch(/^Bot /);
    expect((await env.admin.get(`/api/bots/${id}/trades`)).status).toBe(404);
  }, 60_000);
});

describe('the trading day setting', () => {
  it('takes an IANA zone, refuses a made-up one by name, and moves the day start', async () => {
    const bad = await env.admin.request('PUT', '/api/settings/trading', {
      body: { timeZone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toMatchObject({
      path: 'timeZone',
      rule: 'time-zone-unknown',
    });
    const good = await env.admin.request('PUT', '/api/settings/trading', {
      body: { timeZone: 'America/Sao_Paulo' },
    });
    expect(good.status).toBe(200);
    const summary = (await env.admin.get('/api/dashboard/summary')).body;
    expect(summary.tradingDay.timeZone).toBe('America/Sao_Paulo');
    // Midnight in São Paulo (UTC-3, no DST since 2019) is 03:00 UTC.
    expect(summary.tradingDay.start).toMatch(/T03:00:00\.000Z$/);
  });
});
