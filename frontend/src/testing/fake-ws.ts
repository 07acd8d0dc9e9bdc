import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

// The panel WebSocket (/api/ws) as backend http/ws/hub.ts plays it: session required, `hello`
// first, `subscribe`/`unsubscribe`/`ping`, and `event` frames on subscribed channels. RFC 6455 by
// hand (text frames, close, ping) so the fake needs no WebSocket library; frames are small.

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const PROTOCOL_VERSION = 1;

type Client = { socket: Duplex; channels: Set<string>; buffer: Buffer; fragments: Buffer[] };
type SessionUser = { id: number; username: string; role: string };

export type FakeWsHub = {
  /** Upgrades `/api/ws` for a signed-in user; anything else is refused as the hub does. */
  upgrade: (req: IncomingMessage, socket: Duplex, user: SessionUser | null) => void;
  publish: (channel: string, payload: unknown, botId: number | null) => void;
  /** Cuts every socket without a close frame (a server restart, a dropped network). */
  dropAll: () => void;
  /** Closes every socket with this code (4401 = session ended). */
  closeAll: (code: number) => void;
  clientCount: () => number;
  /** Every frame the panel sent, parsed. */
  received: unknown[];
};

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}

/** One complete frame from the front of `data`, unmasked, or null when more bytes are needed. */
function readFrame(
  data: Buffer,
): { fin: boolean; opcode: number; payload: Buffer; size: number } | null {
  if (data.length < 2) return null;
  const first = data[0] ?? 0;
  const second = data[1] ?? 0;
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (second & 0x80) !== 0;
  const mask = masked ? data.subarray(offset, offset + 4) : null;
  if (masked) offset += 4;
  if (data.length < offset + length) return null;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  if (mask)
    for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload, size: offset + length };
}

export function createFakeWsHub(): FakeWsHub {
  const clients = new Set<Client>();
  const received: unknown[] = [];

  function send(client: Client, message: object): void {
    if (client.socket.writable) {
      client.socket.write(
        frame(1, Buffer.from(JSON.stringify({ v: PROTOCOL_VERSION, ...message }))),
      );
    }
  }

  function close(client: Client, code: number): void {
    clients.delete(client);
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    if (client.socket.writable) client.socket.end(frame(8, payload));
  }

  function onMessage(client: Client, text: string): void {
    let message: { type?: unknown; channels?: unknown; id?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      send(client, { type: 'error', data: { code: 'bad-frame', message: 'frame: not JSON' } });
      return;
    }
    received.push(message);
    const channels = Array.isArray(message.channels) ? message.channels.map(String) : [];
    if (message.type === 'ping') {
      send(client, {
        type: 'pong',
        data: { id: message.id ?? null, serverTime: new Date().toISOString() },
      });
      return;
    }
    if (message.type === 'subscribe') for (const channel of channels) client.channels.add(channel);
    else if (message.type === 'unsubscribe')
      for (const channel of channels) client.channels.delete(channel);
    else {
      send(client, { type: 'error', data: { code: 'bad-frame', message: 'type: invalid' } });
      return;
    }
    send(client, { type: 'subscribed', data: { channels: [...client.channels], bots: null } });
  }

  function onData(client: Client, chunk: Buffer): void {
    client.buffer = Buffer.concat([client.buffer, chunk]);
    for (let next = readFrame(client.buffer); next; next = readFrame(client.buffer)) {
      client.buffer = client.buffer.subarray(next.size);
      if (next.opcode === 8) {
        close(client, 1000);
        return;
      }
      if (next.opcode === 9) client.socket.write(frame(10, next.payload));
      if (next.opcode === 1 || next.opcode === 0) {
        client.fragments.push(next.payload);
        if (!next.fin) continue;
        const text = Buffer.concat(client.fragments).toString('utf8');
        client.fragments = [];
        onMessage(client, text);
      }
    }
  }

  return {
    upgrade(req, socket, user) {
      const key = req.headers['sec-websocket-key'];
      if (!user || typeof key !== 'string') {
        const body = JSON.stringify({
          error: { code: 'unauthenticated', message: 'sign in first' },
        });
        socket.end(
          `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
        return;
      }
      const accept = createHash('sha1')
        .update(key + ACCEPT_GUID)
        .digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      const client: Client = {
        socket,
        channels: new Set(),
        buffer: Buffer.alloc(0),
        fragments: [],
      };
      clients.add(client);
      socket.on('data', (chunk: Buffer) => onData(client, chunk));
      socket.on('close', () => clients.delete(client));
      socket.on('error', () => clients.delete(client));
      send(client, { type: 'hello', data: { protocol: PROTOCOL_VERSION, user } });
    },
    publish(channel, payload, botId) {
      const at = new Date().toISOString();
      for (const client of clients) {
        if (client.channels.has(channel))
          send(client, { type: 'event', data: { channel, botId, at, payload } });
      }
    },
    dropAll() {
      for (const client of [...clients]) {
        clients.delete(client);
        client.socket.destroy();
      }
    },
    closeAll(code) {
      for (const client of [...clients]) close(client, code);
    },
    clientCount: () => clients.size,
    received,
  };
}
