import { z } from 'zod';

// The panel's one WebSocket (/api/ws, backend http/ws/messages.ts, protocol 1). Every server frame
// is {v, type, data}; `event` frames carry {channel, botId, at, payload}.
const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), data: z.object({ protocol: z.number() }).loose() }),
  z.object({
    type: z.literal('subscribed'),
    data: z.object({ channels: z.array(z.string()) }).loose(),
  }),
  z.object({
    type: z.literal('event'),
    data: z.object({
      channel: z.string(),
      botId: z.number().nullable(),
      at: z.string(),
      payload: z.unknown(),
    }),
  }),
  z.object({ type: z.literal('pong'), data: z.unknown() }),
  z.object({ type: z.literal('error'), data: z.unknown() }),
]);

export type WsEvent = { channel: string; botId: number | null; at: string; payload: unknown };

export type WsListener = {
  onEvent: (event: WsEvent) => void;
  /**
   * Called once this channel is subscribed on a new connection (the first one and every
   * reconnect): events sent while the socket was down are lost, so the listener re-reads state.
   */
  onResync: () => void;
};

export type WsClientOptions = {
  url: string;
  /** The server closed the socket because the session ended (logout, expiry, password change). */
  onSessionEnded?: () => void;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Without listeners the socket closes after this long (a page change re-subscribes at once). */
  idleCloseMs?: number;
  random?: () => number;
};

export type WsClient = {
  /** Starts listening on a channel (connecting if needed); returns the way to stop. */
  listen: (channel: string, listener: WsListener) => () => void;
  /** Drops every listener and the socket; a later `listen` connects again. */
  close: () => void;
};

/** The WebSocket URL beside an API base URL ('' = this page's own origin). */
export function wsUrl(apiBaseUrl: string, path = '/api/ws'): string {
  if (apiBaseUrl) return apiBaseUrl.replace(/^http/, 'ws') + path;
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${path}`;
}

const SESSION_ENDED = 4401;

/**
 * One socket per tab, opened while anything listens: it subscribes to the channels of its
 * listeners, re-subscribes after every reconnect (exponential backoff with jitter), and asks
 * each listener to re-read its state then, so nothing that happened meanwhile is missed.
 */
export function createWsClient(options: WsClientOptions): WsClient {
  const minDelay = options.minDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const idleCloseMs = options.idleCloseMs ?? 1000;
  const random = options.random ?? Math.random;
  const listeners = new Map<string, Set<WsListener>>();
  /** Channels whose listeners re-read state once the server confirms the subscription. */
  const awaitingAck = new Set<string>();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const channels = () => [...listeners.keys()];

  function send(message: object): void {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function subscribe(list: string[]): void {
    if (list.length === 0) return;
    for (const channel of list) awaitingAck.add(channel);
    send({ type: 'subscribe', channels: list });
  }

  function onFrame(raw: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(raw));
    } catch {
      return;
    }
    const frame = serverFrameSchema.safeParse(json);
    if (!frame.success) return;
    const message = frame.data;
    if (message.type === 'hello') {
      attempt = 0;
      subscribe(channels());
    } else if (message.type === 'subscribed') {
      for (const channel of message.data.channels) {
        if (!awaitingAck.delete(channel)) continue;
        for (const listener of listeners.get(channel) ?? []) listener.onResync();
      }
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.data.channel) ?? []) {
        listener.onEvent(message.data);
      }
    }
  }

  function connect(): void {
    clearTimeout(retryTimer);
    if (socket || listeners.size === 0) return;
    const current = new WebSocket(options.url);
    socket = current;
    current.onmessage = (event) => onFrame(event.data);
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      awaitingAck.clear();
      if (event.code === SESSION_ENDED) options.onSessionEnded?.();
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (listeners.size === 0) return;
    const ceiling = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt += 1;
    // Jitter spreads the reconnects of many tabs after a server restart.
    retryTimer = setTimeout(connect, ceiling / 2 + (random() * ceiling) / 2);
  }

  function disconnect(): void {
    clearTimeout(retryTimer);
    const current = socket;
    socket = null;
    awaitingAck.clear();
    attempt = 0;
    if (current && current.readyState !== WebSocket.CLOSED) current.close(1000, 'not needed');
  }

  return {
    listen(channel, listener) {
      clearTimeout(idleTimer);
      let set = listeners.get(channel);
      const isNew = !set;
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
      if (!socket) connect();
      else if (isNew) subscribe([channel]);
      return () => {
        set.delete(listener);
        // After close() the set is gone from the map; a newer one must not be touched.
        if (set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        awaitingAck.delete(channel);
        send({ type: 'unsubscribe', channels: [channel] });
        if (listeners.size === 0) idleTimer = setTimeout(disconnect, idleCloseMs);
      };
    },
    close() {
      clearTimeout(idleTimer);
      listeners.clear();
      disconnect();
    },
  };
}
