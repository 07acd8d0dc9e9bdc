// The market API end to end: the real composition against sim/exchange (REST and streams) in
// process, the feed's periods shortened. What the exchange received is read from its request log.
import { setTimeout as sleep } from 'node:timers/promises';

import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import {
  snapshotSchema,
  watchlistSchema,
  marketEventSchema,
} from '../../src/http/routes/market-schemas.js';
import { setUpAdmin, type Browser } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let sim: SimExchange;
let app: TestApp;
let admin: Browser;

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await sleep(150);
    value = await read();
  }
  expect(check(value), JSON.stringify(value).slice(0, 1500)).toBe(true);
  return value;
}

const klineRequests = (symbol: string, interval: string) =>
  sim.control.requestLog({ path: '/api/v3/klines' }).filter((r) => {
    const query = new URLSearchParams(r.query);
    return query.get('symbol') === symbol && query.get('interval') === interval;
  }).length;

beforeAll(async () => {
  sim = await startExchange({ seed: 11 });
  // Binance lists a delisted pair with another status; the app reads markets once at start.
  sim.control.setMarketStatus('TRXUSDT', 'BREAK');
  app = await startApp({
    realClock: true,
    env: {
      SPOTDESK_BINANCE_URL: sim.httpUrl,
      SPOTDESK_BINANCE_WS_URL: `${sim.wsUrl}/stream/ws`,
    },
    marketOptions: {
      restPollMs: 300,
      streamRetryMs: 400,
      streamRetryMaxMs: 800,
      streamSilenceMs: 4_000,
      firstDataWaitMs: 4_000,
      publishEveryMs: 100,
    },
  });
  admin = await setUpAdmin(app.baseUrl, app.setupToken());
}, 60_000);
afterAll(async () => {
  await app?.close();
  await sim?.close();
});
beforeEach(() => {
  sim.control.clearFaults();
});

describe('the watchlist', () => {
  it('when the app starts, then the default pairs are warm with live tickers, indicators and a regime', async () => {
    const reply = await until(
      () => admin.get('/api/market/watchlist'),
      (r) =>
        r.status === 200 &&
        r.body.rows.length === 4 &&
        r.body.rows.every(
          (row: { ticker: unknown; rsi14: unknown; source: string }) =>
            row.ticker !== null && row.rsi14 !== null && row.source === 'stream',
        ),
    );
    const list = watchlistSchema.parse(reply.body);

    expect(list.timeframe).toBe('1h');
    expect(list.pairs).toEqual(['BTC/USDT', 'ETH/USDT', 'BNB/USDT', 'SOL/USDT']);
    expect(list.issue).toBeNull();
    for (const row of list.rows) {
      expect(row.origin).toBe('watchlist');
      expect(row.sparkline).toHaveLength(48);
      expect(row.rsi14).toBeGreaterThanOrEqual(0);
      expect(row.rsi14).toBeLessThanOrEqual(100);
      expect(row.ticker!.bid).not.toBeNull();
      expect(row.stale).toBe(false);
    }
    const btc = list.rows.find((r) => r.pair === 'BTC/USDT')!;
    const price = Number(sim.control.getPrice('BTCUSDT'));
    expect(Math.abs(btc.ticker!.last - price) / price).toBeLessThan(0.01);
  });

  it('when admins add, replace and remove pairs, then the list follows, each change is audited and bad pairs are refused by name', async () => {
    const added = await admin.post('/api/market/watchlist', { pair: 'XRP/USDT' });
    const unknown = await admin.post('/api/market/watchlist', { pair: 'FOO/USDT' });
    const delisted = await admin.post('/api/market/watchlist', { pair: 'TRX/USDT' });
    const malformed = await admin.post('/api/market/watchlist', { pair: 'btc-usdt!' });
    const removed = await admin.delete('/api/market/watchlist/XRP-USDT');
    const notThere = await admin.delete('/api/market/watchlist/XRP-USDT');
    const timeframe = await admin.request('PUT', '/api/market/watchlist', {
      body: { timeframe: '15m' },
    });
    const empty = await admin.request('PUT', '/api/market/watchlist', { body: { pairs: [] } });
    const badPut = await admin.request('PUT', '/api/market/watchlist', {
      body: { pairs: ['BTC/USDT', 'NOPE/USDT'] },
    });
    const restored = await admin.request('PUT', '/api/market/watchlist', {
      body: { pairs: ['BTC/USDT', 'ETH/USDT'], timeframe: '1h' },
    });
    const audit = await admin.get('/api/audit?action=watchlist-change');

    expect(added.status).toBe(200);
    expect(watchlistSchema.parse(added.body).pairs).toContain('XRP/USDT');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues).toEqual([
      expect.objectContaining({ path: 'pair', rule: 'pair-unknown' }),
    ]);
    expect(delisted.status).toBe(400);
    expect(delisted.body.error.details.issues[0]).toMatchObject({
      path: 'pair',
      rule: 'pair-inactive',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.issues[0].path).toBe('pair');
    expect(removed.status).toBe(200);
    expect(removed.body.pairs).not.toContain('XRP/USDT');
    expect(notThere.status).toBe(404);
    expect(timeframe.body.timeframe).toBe('15m');
    expect(empty.status).toBe(200);
    expect(empty.body.rows).toEqual([]);
    expect(empty.body.issue).toBeNull();
    expect(badPut.status).toBe(400);
    expect(badPut.body.error.details.issues[0]).toMatchObject({
      path: 'pairs.1',
      rule: 'pair-unknown',
    });
    expect(restored.body.pairs).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(audit.status).toBe(200);
    const entries = audit.body.items as Array<{ action: string }>;
    expect(entries.filter((e) => e.action === 'watchlist-change').length).toBeGreaterThanOrEqual(5);
  });
});

describe('a pair snapshot', () => {
  it('when asked with candles, then the series are aligned with them and the indicators are the last values', async () => {
    const reply = await admin.get('/api/market/pairs/BTC-USDT?timeframe=1h&candles=120');
    const snapshot = snapshotSchema.parse(reply.body);

    expect(reply.status).toBe(200);
    expect(snapshot.pair).toBe('BTC/USDT');
    expect(snapshot.candles).toHaveLength(120);
    for (const values of Object.values(snapshot.series!)) expect(values).toHaveLength(120);
    expect(snapshot.indicators.close).toBe(snapshot.candles!.at(-1)!.close);
    expect(snapshot.indicators.ema21).toBeCloseTo(snapshot.series!.ema21.at(-1)!, 9);
    expect(snapshot.indicators.rsi14).toBeCloseTo(snapshot.series!.rsi14.at(-1)!, 9);
    expect(['trend-up', 'trend-down', 'range', 'volatile']).toContain(snapshot.regime.label);
    expect(Object.keys(snapshot.regime.numbers).length).toBeGreaterThan(0);
    const encoded = await admin.get('/api/market/pairs/BTC%2FUSDT?timeframe=1h');
    expect(encoded.status).toBe(200);
    expect(encoded.body.candles).toBeUndefined();
  });

  it('when many viewers read a pair nobody watched, then the exchange gets one history request and the feed follows the stream', async () => {
    const before = klineRequests('LINKUSDT', '5m');
    const readers = await Promise.all(
      Array.from({ length: 20 }, () => admin.get('/api/market/pairs/LINK-USDT?timeframe=5m')),
    );
    await sleep(1500);
    const again = await Promise.all(
      Array.from({ length: 20 }, () => admin.get('/api/market/pairs/LINK-USDT?timeframe=5m')),
    );

    expect([...readers, ...again].map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(klineRequests('LINKUSDT', '5m') - before).toBe(1);
    expect(again[0]!.body.source).toBe('stream');
  });

  it('when the pair or timeframe is wrong, then the answer names it', async () => {
    const unknown = await admin.get('/api/market/pairs/FOO-USDT');
    const delisted = await admin.get('/api/market/pairs/TRX-USDT');
    const timeframe = await admin.get('/api/market/pairs/BTC-USDT?timeframe=7m');
    const candles = await admin.get('/api/market/pairs/BTC-USDT?candles=5000');
    const extra = await admin.get('/api/market/pairs/BTC-USDT?bogus=1');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('pair-unknown');
    expect(unknown.body.error.message).toContain('FOO/USDT');
    expect(delisted.status).toBe(410);
    expect(delisted.body.error.code).toBe('pair-delisted');
    expect(timeframe.status).toBe(400);
    expect(timeframe.body.error.details.issues[0]).toMatchObject({
      path: 'timeframe',
      rule: 'invalid-choice',
    });
    expect(candles.status).toBe(400);
    expect(candles.body.error.details.issues[0].path).toBe('candles');
    expect(extra.status).toBe(400);
  });

  it('when the exchange is down for a pair nobody watched, then 503 says so and the watchlist still answers', async () => {
    sim.control.addFault({ path: '/api/v3/klines', kind: 'status', status: 503 });
    const down = await admin.get('/api/market/pairs/DOT-USDT?timeframe=4h');
    const list = await admin.get('/api/market/watchlist');

    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('exchange-unavailable');
    expect(down.body.error.message).toMatch(/DOT\/USDT 4h/);
    expect(list.status).toBe(200);
    expect(list.body.rows.length).toBeGreaterThan(0);
  });

  it('when the exchange is slow, then a first look says so and a later one has the figures', async () => {
    sim.control.addFault({ path: '/api/v3/klines', kind: 'latency', latencyMs: 5_000, count: 1 });
    const slow = await admin.get('/api/market/pairs/LTC-USDT?timeframe=30m');
    const later = await until(
      () => admin.get('/api/market/pairs/LTC-USDT?timeframe=30m'),
      (r) => r.status === 200,
    );

    expect(slow.status).toBe(503);
    expect(slow.body.error.code).toBe('exchange-timeout');
    expect(later.body.indicators.close).not.toBeNull();
  });
});

describe('the market channel', () => {
  it('when a watched pair moves, then subscribed panels get market-row and market-candle events that parse', async () => {
    const cookie = `spotdesk_session=${admin.cookies.get('spotdesk_session')}`;
    const socket = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/ws`, {
      headers: { cookie, origin: app.baseUrl },
    });
    const events: unknown[] = [];
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as {
        type: string;
        data: { channel?: string; payload?: unknown };
      };
      if (frame.type === 'event' && frame.data.channel === 'market') {
        events.push(frame.data.payload);
      }
    });
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'subscribe', channels: ['market'] })),
    );
    try {
      await until(
        async () => events.map((e) => marketEventSchema.parse(e)),
        (parsed) =>
          parsed.some((e) => e.kind === 'market-row' && e.row.pair === 'BTC/USDT') &&
          parsed.some((e) => e.kind === 'market-candle' && e.pair === 'BTC/USDT'),
      );
    } finally {
      socket.close();
    }
  });
});

describe('streams that cannot be reached', () => {
  let offline: TestApp;
  let viewer: Browser;
  beforeAll(async () => {
    offline = await startApp({
      realClock: true,
      env: {
        SPOTDESK_BINANCE_URL: sim.httpUrl,
        SPOTDESK_BINANCE_WS_URL: 'ws://127.0.0.1:9/stream/ws',
      },
      marketOptions: { restPollMs: 300, streamRetryMs: 400, streamRetryMaxMs: 800 },
    });
    viewer = await setUpAdmin(offline.baseUrl, offline.setupToken());
  }, 60_000);
  afterAll(() => offline?.close());

  it('when no stream connects, then the feed polls REST and keeps rows and snapshots fresh', async () => {
    const first = await viewer.get('/api/market/pairs/ADA-USDT?timeframe=1m');
    const polled = await until(
      () => viewer.get('/api/market/pairs/ADA-USDT?timeframe=1m'),
      (r) => r.body.updatedAt > first.body.updatedAt,
    );
    const list = await until(
      () => viewer.get('/api/market/watchlist'),
      (r) => r.body.rows.every((row: { ticker: unknown }) => row.ticker !== null),
    );

    expect(first.status).toBe(200);
    expect(polled.body.source).toBe('rest');
    expect(polled.body.stale).toBe(false);
    expect(klineRequests('ADAUSDT', '1m')).toBeGreaterThanOrEqual(2);
    expect(list.body.rows.every((row: { source: string }) => row.source === 'rest')).toBe(true);
    expect(sim.control.requestLog({ path: '/api/v3/ticker/24hr' }).length).toBeGreaterThan(0);
  });
});

// Last: a 418 bans this app's REST calls for the Retry-After that follows.
describe('a banned IP', () => {
  it('when the exchange is banning, then the snapshot says so', async () => {
    sim.control.addFault({ path: '/api/v3/klines', kind: 'status', status: 418 });
    const banned = await admin.get('/api/market/pairs/AVAX-USDT?timeframe=2h');

    expect(banned.status).toBe(503);
    expect(banned.body.error.code).toBe('exchange-banned');
  });
});
