import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  createFreqtradeClient,
  type BotMessage,
  type FreqtradeClient,
  type MessageStream,
  type MessageStreamOptions,
} from '../../src/adapters/freqtrade/client.js';
import type { AppError } from '../../src/domain/errors.js';
import {
  startSimBot,
  startSimExchange,
  type SimBot,
  type SimExchange,
} from '../helpers/start-sims.js';

// The message WebSocket against a real sim/freqtrade: events after a forceenter, and the
// reconnect + re-subscribe a reload_config forces (contract §3.2, §4.4).

let exchange: SimExchange;
let bot: SimBot;
let client: FreqtradeClient;
const streams: MessageStream[] = [];
beforeAll(async () => {
  exchange = await startSimExchange();
  await exchange.setPrice('BTCUSDT', '50000');
  await exchange.setPrice('ETHUSDT', '3000');
  bot = await startSimBot({ exchange });
  client = createFreqtradeClient({
    baseUrl: bot.baseUrl,
    username: bot.username,
    password: bot.password,
  });
});
afterEach(async () => {
  await Promise.all(streams.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await client?.close();
  await bot?.stop();
  await exchange?.stop();
});

interface Recorder {
  stream: MessageStream;
  messages: BotMessage[];
  errors: AppError[];
  opens: number;
  closes: { code: number; willReconnect: boolean }[];
}

function record(options: Partial<MessageStreamOptions> = {}): Recorder {
  const rec: Omit<Recorder, 'stream'> = { messages: [], errors: [], opens: 0, closes: [] };
  const stream = client.connectMessages({
    wsToken: bot.wsToken,
    topics: ['entry', 'entry_fill', 'status'],
    initialDelayMs: 100,
    onMessage: (m) => rec.messages.push(m),
    onError: (e) => rec.errors.push(e),
    onOpen: () => (rec.opens += 1),
    onClose: (info) => rec.closes.push(info),
    ...options,
  });
  streams.push(stream);
  return Object.assign(rec, { stream });
}

async function until(probe: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
// The bot applies a subscribe when its frame arrives; give it a moment before triggering events.
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('freqtrade message stream (real sim)', () => {
  it('when a market entry is forced, then entry and entry_fill arrive parsed', async () => {
    const rec = record();
    await until(() => rec.opens === 1);
    await settle();

    const trade = await client.forceEnter({ pair: 'BTC/USDT', orderType: 'market' });
    await until(() => rec.messages.some((m) => m.type === 'entry_fill'));

    const entry = rec.messages.find((m) => m.type === 'entry');
    const fill = rec.messages.find((m) => m.type === 'entry_fill');
    expect(entry).toMatchObject({ tradeId: trade.tradeId, pair: 'BTC/USDT', direction: 'long' });
    expect(fill).toMatchObject({
      tradeId: trade.tradeId,
      enterTag: 'force_entry',
      orderType: 'market',
      stakeCurrency: 'USDT',
    });
    expect(fill?.type === 'entry_fill' && fill.openDate).toBeInstanceOf(Date);
    expect(rec.errors).toEqual([]);
    await client.forceExit({ tradeId: trade.tradeId, orderType: 'market' });
  });

  it('when the config is reloaded, then the stream reconnects and subscribes again', async () => {
    const rec = record();
    await until(() => rec.opens === 1);
    await settle();

    await client.reloadConfig();
    await until(() => rec.opens === 2);
    await bot.waitForState('running');
    await settle();
    const before = rec.messages.length;
    const trade = await client.forceEnter({ pair: 'ETH/USDT', orderType: 'market' });
    await until(() => rec.messages.slice(before).some((m) => m.type === 'entry_fill'));

    expect(rec.messages).toContainEqual({ type: 'status', text: 'reload_config' });
    expect(rec.closes[0]?.willReconnect).toBe(true);
    // Nothing is broadcast before a subscribe: this event proves the second one was sent.
    expect(rec.messages.slice(before)).toContainEqual(
      expect.objectContaining({ type: 'entry_fill', tradeId: trade.tradeId }),
    );
    await client.forceExit({ tradeId: trade.tradeId, orderType: 'market' });
  });

  it('when closed, then it reports a final close and does not reconnect', async () => {
    const rec = record();
    await until(() => rec.opens === 1);

    await rec.stream.close();
    await new Promise((r) => setTimeout(r, 400));

    expect(rec.stream.isOpen).toBe(false);
    expect(rec.closes).toEqual([{ code: 1000, willReconnect: false }]);
    expect(rec.opens).toBe(1);
  });

  it('when the ws_token is wrong, then bot-auth-failed is reported and it keeps retrying', async () => {
    const rec = record({ wsToken: 'not-the-token' });

    await until(() => rec.errors.length >= 2);
    await rec.stream.close();

    expect(rec.opens).toBe(0);
    expect(rec.errors[0]).toMatchObject({
      code: 'bot-auth-failed',
      details: { status: 403, path: '/api/v1/message/ws' },
    });
    expect(JSON.stringify(rec.errors) + rec.errors.map((e) => e.message).join()).not.toContain(
      'not-the-token',
    );
  });
});
