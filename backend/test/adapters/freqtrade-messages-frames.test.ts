import { createServer, type Server } from 'node:http';

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';

import {
  createFreqtradeClient,
  type BotMessage,
  type FreqtradeClient,
} from '../../src/adapters/freqtrade/client.js';
import type { AppError } from '../../src/domain/errors.js';

// Frames and liveness sim/freqtrade does not produce on demand: unknown types, broken frames,
// a naive date, a server that stops answering pings. A loopback ws server plays the bot.

interface FakeBot {
  client: FreqtradeClient;
  connections: { socket: WebSocket; token: string | null; frames: unknown[]; pings: number }[];
  close(): Promise<void>;
}

const fakes: FakeBot[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function startFake(options: { autoPong?: boolean } = {}): Promise<FakeBot> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http, autoPong: options.autoPong ?? true });
  const connections: FakeBot['connections'] = [];
  wss.on('connection', (socket, req) => {
    const url = new URL(req.url ?? '', 'http://localhost');
    const entry = {
      socket,
      token: url.searchParams.get('token'),
      frames: [] as unknown[],
      pings: 0,
    };
    connections.push(entry);
    socket.on('message', (data: Buffer) => entry.frames.push(JSON.parse(data.toString())));
    socket.on('ping', () => (entry.pings += 1));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = createFreqtradeClient({
    baseUrl: `http://127.0.0.1:${port}`,
    username: 'u',
    password: 'p',
  });
  const fake: FakeBot = {
    client,
    connections,
    async close() {
      await client.close();
      for (const c of connections) c.socket.terminate();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => http.close(resolve));
    },
  };
  fakes.push(fake);
  return fake;
}

async function until(probe: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function listen(fake: FakeBot, extra: { pingIntervalMs?: number } = {}) {
  const messages: BotMessage[] = [];
  const errors: AppError[] = [];
  fake.client.connectMessages({
    wsToken: 'tok/with+chars',
    topics: ['exit_cancel', 'whitelist'],
    initialDelayMs: 50,
    onMessage: (m) => messages.push(m),
    onError: (e) => errors.push(e),
    ...extra,
  });
  return { messages, errors };
}

describe('freqtrade message stream frames (fake bot)', () => {
  it('when connected, then the token goes in ?token= and the first frame is the subscribe', async () => {
    const fake = await startFake();

    listen(fake);
    await until(() => fake.connections[0]?.frames.length === 1);

    expect(fake.connections[0]?.token).toBe('tok/with+chars');
    expect(fake.connections[0]?.frames).toEqual([
      { type: 'subscribe', data: ['exit_cancel', 'whitelist'] },
    ]);
  });

  it('when frames are unknown, broken or off-schema, then they are reported and the stream goes on', async () => {
    const fake = await startFake();
    const { messages, errors } = listen(fake);
    await until(() => fake.connections.length === 1);
    const socket = fake.connections[0]?.socket;

    socket?.send(JSON.stringify({ type: 'brand_new_topic', data: 1 }));
    socket?.send('{"type": "whitel');
    socket?.send(JSON.stringify({ type: 'whitelist', data: 'BTC/USDT' }));
    socket?.send(JSON.stringify({ type: 'whitelist', data: ['BTC/USDT'] }));
    await until(() => messages.length === 2);

    expect(messages).toEqual([
      { type: 'unknown', receivedType: 'brand_new_topic' },
      { type: 'whitelist', pairs: ['BTC/USDT'] },
    ]);
    expect(errors.map((e) => [e.code, e.details?.['upstreamMessage']])).toEqual([
      ['bot-bad-response', 'field (body): not valid JSON'],
      ['bot-bad-response', 'field data: expected array, received string'],
    ]);
    expect(fake.connections).toHaveLength(1);
  });

  it('when an exit_cancel carries a naive open_date, then it is read as UTC', async () => {
    const fake = await startFake();
    const { messages } = listen(fake);
    await until(() => fake.connections.length === 1);

    fake.connections[0]?.socket.send(
      JSON.stringify({
        type: 'exit_cancel',
        trade_id: 7,
        pair: 'ETH/USDT',
        enter_tag: null,
        direction: 'Long',
        gain: 'loss',
        order_type: 'limit',
        amount: 0.1,
        open_rate: 3000,
        current_rate: 2990,
        profit_amount: -1,
        profit_ratio: -0.003,
        exit_reason: 'force_exit',
        open_date: '2024-10-24 09:30:01.500000',
        close_date: '2024-10-24T10:05:00+00:00',
        reason: 'user requested order cancel',
      }),
    );
    await until(() => messages.length === 1);

    expect(messages[0]).toMatchObject({
      type: 'exit_cancel',
      tradeId: 7,
      direction: 'long',
      closeRate: null,
      reason: 'user requested order cancel',
    });
    const exit = messages[0];
    expect(exit?.type === 'exit_cancel' && exit.openDate.toISOString()).toBe(
      '2024-10-24T09:30:01.500Z',
    );
  });

  it('when the server answers pings, then the connection stays', async () => {
    const fake = await startFake();

    listen(fake, { pingIntervalMs: 50 });
    await until(() => (fake.connections[0]?.pings ?? 0) >= 4);

    expect(fake.connections).toHaveLength(1);
  });

  it('when a ping goes unanswered, then it reconnects and subscribes again', async () => {
    const fake = await startFake({ autoPong: false });

    listen(fake, { pingIntervalMs: 50 });
    await until(() => fake.connections.length >= 2 && fake.connections[1]?.frames.length === 1);

    expect(fake.connections[0]?.pings).toBe(1);
    expect(fake.connections[1]?.frames).toEqual([
      { type: 'subscribe', data: ['exit_cancel', 'whitelist'] },
    ]);
  });
});
