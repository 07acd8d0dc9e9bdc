import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import type { WsClient, WsEvent } from './ws-client';
import { createWsClient, wsUrl } from './ws-client';

let api: FakeApi;
let client: WsClient | undefined;

beforeEach(async () => {
  api = await startFakeApi();
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
});

afterEach(async () => {
  client?.close();
  await api.close();
});

function listener() {
  const events: WsEvent[] = [];
  const resyncs = vi.fn();
  return {
    events,
    resyncs,
    handlers: { onEvent: (e: WsEvent) => events.push(e), onResync: resyncs },
  };
}

describe('ws-client', () => {
  test('when a channel is listened to, then it is subscribed, resynced once, and gets its events', async () => {
    client = createWsClient({ url: wsUrl(api.url) });
    const bots = listener();

    client.listen('bots', bots.handlers);
    await vi.waitFor(() => expect(bots.resyncs).toHaveBeenCalledTimes(1));
    api.ws.publish('bots', { bot: { id: 1 } }, 1);
    api.ws.publish('orders', { order: 1 }, 1);

    await vi.waitFor(() => expect(bots.events).toHaveLength(1));
    expect(bots.events[0]).toMatchObject({
      channel: 'bots',
      botId: 1,
      payload: { bot: { id: 1 } },
    });
    expect(api.ws.received).toEqual([{ type: 'subscribe', channels: ['bots'] }]);
  });

  test('when the connection drops, then it reconnects, subscribes again and asks for a resync', async () => {
    client = createWsClient({ url: wsUrl(api.url), minDelayMs: 20, random: () => 1 });
    const bots = listener();
    client.listen('bots', bots.handlers);
    await vi.waitFor(() => expect(bots.resyncs).toHaveBeenCalledTimes(1));

    api.ws.dropAll();

    await vi.waitFor(() => expect(bots.resyncs).toHaveBeenCalledTimes(2));
    expect(api.ws.clientCount()).toBe(1);
    expect(
      api.ws.received.filter((m) => (m as { type: string }).type === 'subscribe'),
    ).toHaveLength(2);
    api.ws.publish('bots', { bot: { id: 2 } }, 2);
    await vi.waitFor(() => expect(bots.events).toHaveLength(1));
  });

  test('when the server is refused (signed out), then it keeps retrying with growing delays', async () => {
    api.state.sessionUserId = null;
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      fn: () => void,
      ms: number,
    ) => {
      delays.push(ms);
      return realSetTimeout(fn, 5);
    }) as typeof setTimeout);
    client = createWsClient({
      url: wsUrl(api.url),
      minDelayMs: 100,
      maxDelayMs: 400,
      random: () => 1,
    });

    client.listen('bots', listener().handlers);

    // Only the client's own backoff waits are that long; other timers (jsdom's) are not counted.
    const backoff = () => delays.filter((ms) => ms >= 100);
    await vi.waitFor(() => expect(backoff().length).toBeGreaterThanOrEqual(4));
    spy.mockRestore();
    expect(backoff().slice(0, 4)).toEqual([100, 200, 400, 400]);
  });

  test('when the server ends the session (4401), then the session is re-read', async () => {
    const onSessionEnded = vi.fn();
    client = createWsClient({ url: wsUrl(api.url), onSessionEnded, minDelayMs: 10_000 });
    const bots = listener();
    client.listen('bots', bots.handlers);
    await vi.waitFor(() => expect(bots.resyncs).toHaveBeenCalled());

    api.ws.closeAll(4401);

    await vi.waitFor(() => expect(onSessionEnded).toHaveBeenCalledTimes(1));
  });

  test('when the last listener leaves, then the socket closes after the idle delay', async () => {
    client = createWsClient({ url: wsUrl(api.url), idleCloseMs: 10 });
    const bots = listener();
    const stop = client.listen('bots', bots.handlers);
    await vi.waitFor(() => expect(api.ws.clientCount()).toBe(1));
    await vi.waitFor(() => expect(bots.resyncs).toHaveBeenCalled());

    stop();

    await vi.waitFor(() => expect(api.ws.clientCount()).toBe(0));
    expect(api.ws.received).toContainEqual({ type: 'unsubscribe', channels: ['bots'] });
  });
});
