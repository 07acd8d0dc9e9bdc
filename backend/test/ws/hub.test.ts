import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { setUpAdmin, type Browser } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let app: TestApp;
let admin: Browser;
beforeAll(async () => {
  app = await startApp({ wsHeartbeatMs: 200 });
  admin = await setUpAdmin(app.baseUrl, app.setupToken(), 'ana');
});
afterAll(async () => app.close());

interface Frame {
  v: number;
  type: string;
  data: Record<string, unknown>;
}

/** A panel socket that records every frame and how it closed. */
function connect(headers: Record<string, string>, baseUrl = app.baseUrl) {
  const url = `${baseUrl.replace('http', 'ws')}/api/ws`;
  const socket = new WebSocket(url, { headers });
  const frames: Frame[] = [];
  let closed: { code: number; reason: string } | undefined;
  let refused: number | undefined;
  socket.on('message', (raw) => frames.push(JSON.parse(raw.toString()) as Frame));
  socket.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  socket.on('unexpected-response', (_req, res) => {
    refused = res.statusCode;
    socket.terminate();
  });
  socket.on('error', () => undefined);
  const until = async (check: () => boolean, what: string, timeoutMs = 3000) => {
    for (const start = Date.now(); !check() && Date.now() - start < timeoutMs;) await sleep(20);
    if (!check())
      throw new Error(
        `timed out waiting for ${what} (${frames.length} frames so far, closed ${JSON.stringify(closed)})`,
      );
  };
  return {
    socket,
    frames,
    closed: () => closed,
    refused: () => refused,
    until,
    next: async (type: string) => {
      await until(() => frames.some((f) => f.type === type), type);
      return frames.find((f) => f.type === type)!;
    },
  };
}

const cookieOf = (browser: Browser) =>
  `spotdesk_session=${browser.cookies.get('spotdesk_session')}`;
const ownOrigin = () => app.baseUrl;

describe('panel WebSocket /api/ws', () => {
  it('when no session cookie comes with the upgrade, then it is refused with 401', async () => {
    const client = connect({ origin: ownOrigin() });

    await client.until(() => client.refused() !== undefined, 'refusal');

    expect(client.refused()).toBe(401);
  });

  it('when the Origin is another site, then it is refused with 403 even with a valid cookie', async () => {
    const client = connect({ origin: 'http://evil.example', cookie: cookieOf(admin) });

    await client.until(() => client.refused() !== undefined, 'refusal');

    expect(client.refused()).toBe(403);
  });

  it('when signed in, then hello names the protocol and user, and events reach only matching subscriptions', async () => {
    const all = connect({ origin: ownOrigin(), cookie: cookieOf(admin) });
    const bot7 = connect({ origin: ownOrigin(), cookie: cookieOf(admin) });
    const hello = await all.next('hello');
    expect(hello).toEqual({
      v: 1,
      type: 'hello',
      data: { protocol: 1, user: { id: 1, username: 'ana', role: 'admin' } },
    });
    await bot7.next('hello');

    all.socket.send(JSON.stringify({ type: 'subscribe', channels: ['bots', 'logs'] }));
    bot7.socket.send(JSON.stringify({ type: 'subscribe', channels: ['bots'], bots: [7] }));
    expect((await all.next('subscribed')).data).toEqual({ channels: ['bots', 'logs'], bots: null });
    expect((await bot7.next('subscribed')).data).toEqual({ channels: ['bots'], bots: [7] });

    app.running.hub.publish('bots', { state: 'RUNNING' }, 7);
    app.running.hub.publish('bots', { state: 'STOPPED' }, 8);
    app.running.hub.publish('logs', { line: 'hello' }, 8);
    app.running.hub.publish('alerts', { rule: 'x' });
    await all.until(() => all.frames.filter((f) => f.type === 'event').length === 3, 'events');
    await sleep(100);

    const events = (c: typeof all) =>
      c.frames.filter((f) => f.type === 'event').map((f) => [f.data.channel, f.data.botId]);
    expect(events(all)).toEqual([
      ['bots', 7],
      ['bots', 8],
      ['logs', 8],
    ]);
    expect(events(bot7)).toEqual([['bots', 7]]);
    expect(all.frames.find((f) => f.type === 'event')!.data).toMatchObject({
      payload: { state: 'RUNNING' },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    all.socket.close();
    bot7.socket.close();
  });

  it('when frames are bad, then each gets an error naming the field, and too many close the socket', async () => {
    const client = connect({ origin: ownOrigin(), cookie: cookieOf(admin) });
    await client.next('hello');

    client.socket.send(JSON.stringify({ type: 'subscribe', channels: ['nope'] }));
    const error = await client.next('error');
    expect(error.data.code).toBe('bad-frame');
    expect(error.data.message).toMatch(/^channels\.0: /);
    for (let i = 0; i < 4; i += 1) client.socket.send('not json');

    await client.until(() => client.closed() !== undefined, 'close');
    expect(client.closed()).toEqual({ code: 4400, reason: 'too many bad frames' });
  });

  it('when the session ends by logout, then the next heartbeat closes the socket with 4401', async () => {
    const { signIn } = await import('../helpers/http-client.js');
    const other = await signIn(app.baseUrl, 'ana', 'correct horse battery staple');
    const client = connect({ origin: ownOrigin(), cookie: cookieOf(other) });
    await client.next('hello');

    expect((await other.post('/api/auth/logout')).status).toBe(204);

    await client.until(() => client.closed() !== undefined, 'close');
    expect(client.closed()).toEqual({ code: 4401, reason: 'session ended' });
  });

  it('when a client stops reading, then it is closed as too slow and others still get events', async () => {
    // Its own app with the default 25 s heartbeat: here the backlog, not a missed pong, must drop it.
    const own = await startApp();
    const ownAdmin = await setUpAdmin(own.baseUrl, own.setupToken(), 'ana');
    const headers = { origin: own.baseUrl, cookie: cookieOf(ownAdmin) };
    const slow = connect(headers, own.baseUrl);
    const fast = connect(headers, own.baseUrl);
    await slow.next('hello');
    await fast.next('hello');
    slow.socket.send(JSON.stringify({ type: 'subscribe', channels: ['market'] }));
    fast.socket.send(JSON.stringify({ type: 'subscribe', channels: ['market'] }));
    await slow.next('subscribed');
    await fast.next('subscribed');
    // The slow client's TCP socket stops being read: the server's send buffer fills up.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();

    const big = 'x'.repeat(8 * 1024);
    // A steady stream that a reading client keeps up with (at most 16 events in flight to it),
    // while the slow client's backlog only grows.
    const received = () => fast.frames.filter((f) => f.type === 'event').length;
    for (let i = 0; i < 1500; i += 1) {
      if (i - received() > 16) await fast.until(() => i - received() <= 16, `event ${i - 16}`);
      own.running.hub.publish('market', { i, big });
    }
    await fast.until(
      () => fast.frames.filter((f) => f.type === 'event').length === 1500,
      'all events on the fast client',
      15_000,
    );

    expect(own.running.hub.clientCount()).toBe(1);
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await slow.until(() => slow.closed() !== undefined, 'close');
    expect(slow.closed()?.code).toBe(4408);
    fast.socket.close();
    await own.close();
  });
});
