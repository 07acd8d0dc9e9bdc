import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { addFakeTrade } from '../testing/fake-api-bot-page';
import { addFakeBot } from '../testing/fake-bots-state';
import { addFakeOrder, addFakeSnapshot } from '../testing/fake-monitor-state';

export function signIn(api: FakeApi, role: 'admin' | 'viewer' = 'admin') {
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role }));
}

/**
 * One Live and one Paper bot, running, each with an open trade, today's orders and equity that
 * moved since midnight UTC (the fake's clock is 2026-03-02 12:00 UTC).
 */
export function tradingDay(api: FakeApi) {
  const { bots, monitor, botPage } = api.state;
  bots.live = { environment: true, masterSwitch: true };
  const live = addFakeBot(bots, {
    name: 'Real deal',
    mode: 'REAL_MARKET_SPOT',
    strategy: 'EmaCrossStrategy',
    pairs: ['BTC/USDT'],
    maxExposure: 500,
    minimalRoi: { '0': 0.04, '30': 0.02 },
    dailyLossLimit: 25,
    desiredState: 'RUNNING',
    state: 'RUNNING',
  });
  const paper = addFakeBot(bots, {
    name: 'Trend rider',
    strategy: 'RsiMeanReversionStrategy',
    pairs: ['ETH/USDT', 'SOL/USDT'],
    maxExposure: 1000,
    minimalRoi: { '0': 0.04, '30': 0.02 },
    desiredState: 'RUNNING',
    state: 'RUNNING',
  });
  addFakeSnapshot(monitor, live, { equityAtDayStart: 500, equityNow: 512.5 });
  addFakeSnapshot(monitor, paper, { equityAtDayStart: 1000, equityNow: 990, streaming: false });
  monitor.account = {
    at: Date.UTC(2026, 2, 2, 11, 59, 30),
    balances: [
      { asset: 'USDT', free: 1250.5, locked: 20 },
      { asset: 'BTC', free: 0.0003, locked: 0 },
    ],
    error: null,
  };
  const liveTrade = addFakeTrade(botPage, live, {
    pair: 'BTC/USDT',
    openedAt: Date.UTC(2026, 2, 2, 10, 15),
    openRate: 66_500,
    amount: 0.0003,
    stakeAmount: 19.95,
    currentRate: 67_000,
    stopLoss: 59_850,
  });
  const paperTrade = addFakeTrade(botPage, paper, {
    pair: 'ETH/USDT',
    openedAt: Date.UTC(2026, 2, 2, 9, 0),
    openRate: 3_450,
    amount: 0.01,
    stakeAmount: 34.5,
    currentRate: 3_400,
    stopLoss: 3_174,
  });
  addFakeOrder(monitor, live, {
    tradeId: liveTrade.tradeId,
    pair: 'BTC/USDT',
    side: 'buy',
    price: 66_500,
    amount: 0.0003,
    placedAt: Date.UTC(2026, 2, 2, 10, 15),
  });
  addFakeOrder(monitor, paper, {
    tradeId: paperTrade.tradeId,
    pair: 'ETH/USDT',
    side: 'buy',
    price: 3_450,
    amount: 0.01,
    placedAt: Date.UTC(2026, 2, 2, 9, 0),
  });
  // Yesterday's order is not an order of the day.
  addFakeOrder(monitor, paper, {
    tradeId: 99,
    pair: 'SOL/USDT',
    side: 'sell',
    price: 140,
    placedAt: Date.UTC(2026, 2, 1, 23, 59),
  });
  return { live, paper, liveTrade, paperTrade };
}

export async function region(name: string) {
  return screen.findByRole('region', { name });
}

/** The dashboard's channels are subscribed and the re-read that follows has been answered. */
export async function settled(api: FakeApi) {
  await waitFor(() =>
    expect(api.ws.received).toContainEqual({
      type: 'subscribe',
      channels: ['bots', 'orders', 'positions', 'alerts'],
    }),
  );
  await waitFor(() =>
    expect(api.requestsTo('GET', '/api/dashboard/positions').length).toBeGreaterThan(1),
  );
}
