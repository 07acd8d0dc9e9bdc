import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import type { Logger } from '../../lib/logger.js';
import type { SessionService } from '../../services/session-service.js';
import { SESSION_COOKIE } from '../cookies.js';

import {
  CLOSE,
  PROTOCOL_VERSION,
  clientMessageSchema,
  type Channel,
  type ServerMessage,
} from './messages.js';

export const WS_PATH = '/api/ws';
const MAX_FRAME_BYTES = 16 * 1024;
const MAX_BAD_FRAMES = 5;
const SLOW_CLIENT_GRACE_MS = 5000;

interface Client {
  socket: WebSocket;
  sessionToken: string;
  channels: Set<Channel>;
  bots: Set<number> | null;
  alive: boolean;
  badFrames: number;
  lagging: boolean;
}

export interface WsHubOptions {
  sessions: SessionService;
  logger: Logger;
  publicUrl: URL | undefined;
  now: () => number;
  heartbeatMs?: number;
  /** A client whose unsent bytes pass this at any send is closed with CLOSE.tooSlow. */
  maxBufferedBytes?: number;
  /** …and so is one still holding more than this at two backlog checks in a row. */
  lagBytes?: number;
  lagCheckMs?: number;
}

export interface WsHub {
  attach(server: Server): void;
  /** Sends an event to every client subscribed to `channel` (and to this bot, when filtered). */
  publish(channel: Channel, payload: unknown, botId?: number | null): void;
  clientCount(): number;
  /** Closes every socket with 1001 and stops accepting. */
  close(): Promise<void>;
}

function sessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return undefined;
}

/** A browser on our own page: its Origin is this host (http or https behind a proxy) or the public URL. */
function isOwnOrigin(req: IncomingMessage, publicUrl: URL | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (publicUrl && origin === publicUrl.origin) return true;
  const host = req.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

export function createWsHub(options: WsHubOptions): WsHub {
  const { sessions, logger, publicUrl, now } = options;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
  const lagBytes = options.lagBytes ?? 512 * 1024;
  const lagCheckMs = options.lagCheckMs ?? 1000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const clients = new Set<Client>();

  function dropSlow(client: Client): void {
    // It gets nothing more; the close frame waits behind its backlog, so it is cut off if it
    // does not read that far soon. The browser reconnects and re-reads state through REST.
    logger.warn(
      { channels: [...client.channels], buffered: client.socket.bufferedAmount },
      'panel WebSocket too slow; closing it',
    );
    clients.delete(client);
    client.socket.close(CLOSE.tooSlow, 'too slow: reconnect and resync');
    setTimeout(() => client.socket.terminate(), SLOW_CLIENT_GRACE_MS).unref();
  }

  /** `message`, or a frame already serialised once for every recipient (a text frame). */
  function send(client: Client, message: ServerMessage | Buffer): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.socket.bufferedAmount > maxBuffered) {
      dropSlow(client);
      return;
    }
    if (Buffer.isBuffer(message)) client.socket.send(message, { binary: false });
    else client.socket.send(JSON.stringify({ v: PROTOCOL_VERSION, ...message }));
  }

  function onFrame(client: Client, raw: RawData): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString());
    } catch {
      parsed = undefined;
    }
    const result = clientMessageSchema.safeParse(parsed);
    if (!result.success) {
      client.badFrames += 1;
      const issue = result.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'frame';
      send(client, {
        type: 'error',
        data: { code: 'bad-frame', message: `${where}: ${issue?.message ?? 'not JSON'}` },
      });
      if (client.badFrames >= MAX_BAD_FRAMES)
        client.socket.close(CLOSE.tooManyBadFrames, 'too many bad frames');
      return;
    }
    const message = result.data;
    if (message.type === 'ping') {
      send(client, {
        type: 'pong',
        data: { id: message.id ?? null, serverTime: new Date(now()).toISOString() },
      });
      return;
    }
    if (message.type === 'subscribe') {
      for (const channel of message.channels) client.channels.add(channel);
      client.bots = message.bots ? new Set(message.bots) : null;
    } else {
      for (const channel of message.channels) client.channels.delete(channel);
    }
    send(client, {
      type: 'subscribed',
      data: { channels: [...client.channels], bots: client.bots ? [...client.bots] : null },
    });
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== WS_PATH) {
      socket.destroy();
      return;
    }
    if (!isOwnOrigin(req, publicUrl)) {
      refuse(socket, 403, 'origin-refused', 'the WebSocket must be opened by the panel itself');
      return;
    }
    const token = sessionCookie(req);
    const session = token ? sessions.resolve(token) : null;
    if (!token || !session) {
      refuse(socket, 401, 'unauthenticated', 'sign in first');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = {
        socket: ws,
        sessionToken: token,
        channels: new Set(),
        bots: null,
        alive: true,
        badFrames: 0,
        lagging: false,
      };
      clients.add(client);
      ws.on('pong', () => (client.alive = true));
      ws.on('message', (raw) => onFrame(client, raw));
      ws.on('close', () => clients.delete(client));
      ws.on('error', (error) => logger.debug({ err: error }, 'panel WebSocket error'));
      const { id, username, role } = session.user;
      send(client, {
        type: 'hello',
        data: { protocol: PROTOCOL_VERSION, user: { id, username, role } },
      });
    });
  }

  // Dead sockets miss a pong; ended sessions (logout, expiry, password change) are closed too.
  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      if (!sessions.resolve(client.sessionToken)) {
        client.socket.close(CLOSE.sessionEnded, 'session ended');
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();
  // A burst fills any socket for a moment; a backlog that is still there a check later is a
  // client that cannot keep up, and it must not hold memory or slow the others.
  const backlog = setInterval(() => {
    for (const client of clients) {
      const lagging = client.socket.bufferedAmount > lagBytes;
      if (lagging && client.lagging) dropSlow(client);
      else client.lagging = lagging;
    }
  }, lagCheckMs);
  backlog.unref();

  return {
    attach(server) {
      server.on('upgrade', onUpgrade);
    },
    publish(channel, payload, botId = null) {
      // Serialised once, not once per client: with hundreds of tabs open that was most of the
      // time between a bot's fill and the last tab hearing of it.
      let frame: Buffer | undefined;
      for (const client of clients) {
        if (!client.channels.has(channel)) continue;
        if (botId !== null && client.bots && !client.bots.has(botId)) continue;
        frame ??= Buffer.from(
          JSON.stringify({
            v: PROTOCOL_VERSION,
            type: 'event',
            data: { channel, botId, at: new Date(now()).toISOString(), payload },
          } satisfies ServerMessage & { v: number }),
        );
        send(client, frame);
      }
    },
    clientCount: () => clients.size,
    async close() {
      clearInterval(heartbeat);
      clearInterval(backlog);
      const closed = [...clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            client.socket.once('close', () => resolve());
            client.socket.close(CLOSE.goingAway, 'Spotdesk is shutting down');
            setTimeout(() => {
              client.socket.terminate();
              resolve();
            }, 2000).unref();
          }),
      );
      await Promise.all(closed);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
