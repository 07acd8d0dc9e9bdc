import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';

import type { Bot } from '../../../backend/src/domain/bot';
import type { FakeApi } from '../testing/fake-api';
import { addFakeTrade } from '../testing/fake-api-bot-page';
import { addFakeBot } from '../testing/fake-bots-state';

export const MINUTE = 60_000;

export function signIn(api: FakeApi, role: 'admin' | 'viewer' = 'admin') {
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role }));
}

/** A running Paper bot on two pairs with one open trade (#3) and two closed ones (#1, #2). */
export function runningBotWithTrades(api: FakeApi, overrides: Partial<Bot> = {}) {
  const now = api.state.bots.now;
  const bot = addFakeBot(api.state.bots, {
    name: 'Trend rider',
    strategy: 'EmaCrossStrategy',
    timeframe: '5m',
    pairs: ['BTC/USDT', 'ETH/USDT'],
    desiredState: 'RUNNING',
    state: 'RUNNING',
    minimalRoi: { '0': 0.04 },
    ...overrides,
  });
  const page = api.state.botPage;
  const first = addFakeTrade(page, bot, {
    pair: 'BTC/USDT',
    openedAt: now - 300 * MINUTE,
    openRate: 66_800,
    isOpen: false,
    closedAt: now - 240 * MINUTE,
    closeRate: 67_468,
    profitAbs: 0.2,
    profitRatio: 0.01,
    exitReason: 'roi',
  });
  const second = addFakeTrade(page, bot, {
    pair: 'ETH/USDT',
    openedAt: now - 200 * MINUTE,
    openRate: 3_450,
    isOpen: false,
    closedAt: now - 150 * MINUTE,
    closeRate: 3_381,
    profitAbs: -0.4,
    profitRatio: -0.02,
    exitReason: 'stop_loss',
  });
  const open = addFakeTrade(page, bot, {
    pair: 'BTC/USDT',
    openedAt: now - 60 * MINUTE,
    openRate: 67_000,
    stopLoss: 60_300,
    currentRate: 67_500,
  });
  return { bot, trades: { first, second, open } };
}

export async function card(name: string) {
  const heading = await screen.findByRole('heading', { level: 2, name });
  const section = heading.closest('section');
  if (!section) throw new Error(`no card ${name}`);
  return section;
}

export async function openTradeRow(name: RegExp) {
  const open = await card('Open trades');
  return within(open).findByRole('row', { name });
}

/** Resolves once the panel WebSocket subscribed to `channel` (events before it are lost). */
export async function subscribedTo(api: FakeApi, channel: string) {
  await waitFor(() => {
    const channels = api.ws.received.flatMap((message) =>
      typeof message === 'object' && message !== null && 'channels' in message
        ? ((message as { channels: string[] }).channels ?? [])
        : [],
    );
    expect(channels).toContain(channel);
  });
}

/**
 * Resolves with `read()` once it has stayed the same for `quietMs`: after a (re)subscription the
 * page re-reads what the channel covers, and how many reads that takes depends on timing.
 */
export async function settled(read: () => number, quietMs = 400): Promise<number> {
  let last = read();
  let since = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = read();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return now;
    }
  }
}
