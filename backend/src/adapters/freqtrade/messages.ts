import WebSocket from 'ws';

import { AppError } from '../../domain/errors.js';

import { HttpFailure, translate, type CallContext } from './errors.js';
import type { BotMessage, MessageTopic } from './message-types.js';
import { API_PREFIX, parseAnswer } from './transport.js';
import { frameSchema } from './ws-schemas.js';

export interface MessageStreamOptions {
  /** A configured `ws_token` (a JWT access token would also do, but expires). */
  wsToken: string;
  /** Sent as one subscribe after every (re)connect; nothing arrives before it (contract §4.2). */
  topics: readonly MessageTopic[];
  onMessage(message: BotMessage): void;
  /** After each successful connect, once the subscribe frame is sent. */
  onOpen?(): void;
  /** After an opened connection ends; `willReconnect` is false only after `close()`. */
  onClose?(info: { code: number; willReconnect: boolean }): void;
  /** A frame that is not JSON or fails its schema (bot-bad-response), a refused token
   * (bot-auth-failed) or a failed connect (bot-unavailable / bot-timeout). Never thrown. */
  onError?(error: AppError): void;
  /** Client ping period; a connection that has not answered the previous ping is dropped. */
  pingIntervalMs?: number;
  /** Reconnect delays double from `initialDelayMs` up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface MessageStream {
  readonly isOpen: boolean;
  /** Stops reconnecting and closes the socket (1000); resolves once it is closed. */
  close(): Promise<void>;
}

const CTX: CallContext = { method: 'WS', path: `${API_PREFIX}/message/ws` };
const HANDSHAKE_TIMEOUT_MS = 10_000;
const CLOSE_GRACE_MS = 2_000;

/**
 * The message WebSocket (contract §4): `?token=` auth, a subscribe after every connect, client
 * pings (the server never pings), and reconnects with bounded exponential backoff, because the
 * bot drops every connection on /reload_config and restarts.
 */
export function openMessageStream(origin: string, options: MessageStreamOptions): MessageStream {
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const url = `${origin.replace(/^http/, 'ws')}${CTX.path}?token=${encodeURIComponent(options.wsToken)}`;
  let socket: WebSocket | null = null;
  let stopped = false;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  const report = (problem: unknown) => {
    if (stopped) return; // e.g. the abort of a handshake that close() interrupted
    const error = translate(problem, CTX);
    if (error instanceof AppError) options.onError?.(error);
  };

  function connect(): void {
    const ws = new WebSocket(url, { handshakeTimeout: HANDSHAKE_TIMEOUT_MS });
    socket = ws;
    let opened = false;
    let refused: HttpFailure | null = null;
    let pingTimer: NodeJS.Timeout | undefined;
    ws.on('unexpected-response', (_req, res) => {
      // 403 = a wrong token (contract §1.4); the status is all we need.
      refused = new HttpFailure(res.statusCode ?? 0, '', res.statusCode === 403);
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      opened = true;
      failures = 0;
      ws.send(JSON.stringify({ type: 'subscribe', data: options.topics }));
      pingTimer = startPinging(ws, pingIntervalMs);
      options.onOpen?.();
    });
    ws.on('message', (data: WebSocket.RawData) => handleFrame(data));
    ws.on('error', (error) => report(refused ?? error));
    ws.on('close', (code) => {
      clearInterval(pingTimer);
      if (socket === ws) socket = null;
      if (opened) options.onClose?.({ code, willReconnect: !stopped });
      if (!stopped) scheduleReconnect();
    });
  }

  function handleFrame(data: WebSocket.RawData): void {
    const text = Array.isArray(data) ? Buffer.concat(data).toString() : data.toString();
    let message: BotMessage;
    try {
      message = parseAnswer(frameSchema, { status: 200, text });
    } catch (problem) {
      report(problem);
      return;
    }
    options.onMessage(message);
  }

  function scheduleReconnect(): void {
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** failures);
    failures += 1;
    reconnectTimer = setTimeout(connect, delay);
  }

  connect();
  return {
    get isOpen() {
      return socket?.readyState === WebSocket.OPEN;
    },
    async close() {
      stopped = true;
      clearTimeout(reconnectTimer);
      const ws = socket;
      if (!ws || ws.readyState === WebSocket.CLOSED) return;
      const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
      if (ws.readyState === WebSocket.OPEN) ws.close(1000);
      else ws.terminate();
      const force = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(force);
    },
  };
}

/** Pings every `intervalMs`; a socket that did not pong since the previous ping is dropped. */
function startPinging(ws: WebSocket, intervalMs: number): NodeJS.Timeout {
  let awaitingPong = false;
  ws.on('pong', () => {
    awaitingPong = false;
  });
  return setInterval(() => {
    if (ws.readyState !== WebSocket.OPEN) return; // closing: ping() would throw
    if (awaitingPong) {
      ws.terminate();
      return;
    }
    awaitingPong = true;
    ws.ping();
  }, intervalMs);
}
