// Binance market streams over WebSocket: raw streams on /ws[/<stream>], combined ({stream,data}) on
// /stream?streams=a/b, live SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS and pings.
import { WebSocketServer } from 'ws';

import { eventsFor, parseStream } from './stream-events.js';

const TICK_MS = 100;
const PING_MS = 20000;
const METHODS = ['SUBSCRIBE', 'UNSUBSCRIBE', 'LIST_SUBSCRIPTIONS', 'SET_PROPERTY', 'GET_PROPERTY'];

/** Raw vs combined from the path: any `/ws` segment means raw; `/stream` alone means combined. */
export function streamMode(url) {
  const parts = url.pathname.split('/').filter(Boolean);
  const wsAt = parts.indexOf('ws');
  if (wsAt !== -1) return { combined: false, initial: parts.slice(wsAt + 1) };
  if (parts[0] === 'stream')
    return {
      combined: true,
      initial: (url.searchParams.get('streams') ?? '').split('/').filter(Boolean),
    };
  return null;
}

/** @param {any} ctx */
export function createStreamServer(ctx) {
  const wss = new WebSocketServer({ noServer: true, clientTracking: true });
  const clients = new Set();

  function subscribe(client, name) {
    if (client.subs.has(name)) return;
    const parsed = parseStream(name, ctx.markets);
    if (!parsed) return;
    // Each stream on a connection gets its own phase (one tick apart), as Binance's per-symbol
    // streams are not in lockstep: events of different streams then arrive in separate reads,
    // and a ccxt.pro watchTickers([a, b]) loop sees b too (not only the first of each batch).
    const phase = (client.subs.size * TICK_MS) % parsed.periodMs;
    client.subs.set(name, { ...parsed, nextDue: 0, phase, state: {} });
  }

  function send(client, payload) {
    if (client.ws.readyState === client.ws.OPEN) client.ws.send(JSON.stringify(payload));
  }

  function reply(client, id, result) {
    send(client, { result, id });
  }

  function error(client, id, code, msg) {
    send(client, { error: { code, msg }, id });
  }

  function onMessage(client, raw) {
    let msg;
    try {
      msg = JSON.parse(String(raw));
    } catch {
      return error(client, null, 3, 'Invalid JSON: expected value at line 1 column 1');
    }
    if (!msg || typeof msg !== 'object' || Array.isArray(msg))
      return error(client, null, 3, 'Invalid JSON: expected an object');
    const id = msg.id ?? null;
    if (id !== null && typeof id !== 'number' && typeof id !== 'string')
      return error(client, null, 2, "Invalid request: 'id' must be a number, a string or null");
    if (!METHODS.includes(msg.method)) {
      return error(
        client,
        id,
        1,
        `Invalid request: unknown variant \`${msg.method}\`, expected one of \`${METHODS.join('`, `')}\``,
      );
    }
    const params = msg.params ?? [];
    if (!Array.isArray(params))
      return error(client, id, 2, "Invalid request: 'params' must be an array");
    if (msg.method === 'SUBSCRIBE' || msg.method === 'UNSUBSCRIBE') {
      if (params.some((p) => typeof p !== 'string' || !parseStream(p, ctx.markets))) {
        return error(client, id, 2, 'Invalid request: invalid stream name in params');
      }
      for (const p of params) {
        if (msg.method === 'SUBSCRIBE') subscribe(client, p);
        else client.subs.delete(p);
      }
      return reply(client, id, null);
    }
    if (msg.method === 'LIST_SUBSCRIPTIONS') return reply(client, id, [...client.subs.keys()]);
    if (params[0] !== 'combined')
      return error(client, id, 2, "Invalid request: unknown property; only 'combined' exists");
    if (msg.method === 'GET_PROPERTY') return reply(client, id, client.combined);
    if (typeof params[1] !== 'boolean')
      return error(client, id, 2, "Invalid request: 'combined' takes a boolean");
    client.combined = params[1];
    return reply(client, id, null);
  }

  function attach(ws, mode) {
    const client = { ws, combined: mode.combined, subs: new Map(), alive: true };
    clients.add(client);
    for (const name of mode.initial) subscribe(client, name);
    ws.on('message', (raw) => onMessage(client, raw));
    ws.on('pong', () => {
      client.alive = true;
    });
    ws.on('close', () => clients.delete(client));
    ws.on('error', () => clients.delete(client));
  }

  const ticker = setInterval(() => {
    const now = ctx.clock.now();
    for (const client of clients) {
      for (const sub of client.subs.values()) {
        if (sub.nextDue > now) continue;
        sub.nextDue = now + sub.periodMs + sub.phase;
        sub.phase = 0;
        try {
          for (const event of eventsFor(ctx.data, ctx.markets, sub, now)) {
            send(client, client.combined ? { stream: sub.name, data: event } : event);
          }
        } catch (e) {
          process.stderr.write(`sim-exchange: stream ${sub.name} failed: ${e?.stack ?? e}\n`);
        }
      }
    }
  }, TICK_MS);
  ticker.unref();

  const pinger = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      if (client.ws.readyState === client.ws.OPEN) client.ws.ping();
    }
  }, PING_MS);
  pinger.unref();

  return {
    /** @returns {boolean} whether the path was a stream path */
    handleUpgrade(req, socket, head, url) {
      const mode = streamMode(url);
      if (!mode) return false;
      wss.handleUpgrade(req, socket, head, (ws) => attach(ws, mode));
      return true;
    },
    closeAll() {
      for (const client of clients) client.ws.terminate();
      clients.clear();
    },
    close() {
      clearInterval(ticker);
      clearInterval(pinger);
      for (const client of clients) client.ws.terminate();
      clients.clear();
      return new Promise((resolve) => wss.close(() => resolve(undefined)));
    },
  };
}
