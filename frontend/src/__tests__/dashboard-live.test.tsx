import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { addFakeTrade } from '../testing/fake-api-bot-page';
import { renderApp } from '../testing/render-app';
import { region, settled, signIn, tradingDay } from './dashboard-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  signIn(api);
});

afterEach(async () => {
  await api.close();
});

const positionReads = () => api.requestsTo('GET', '/api/dashboard/positions').length;

describe('dashboard › live updates', () => {
  test('when a fill arrives on alerts, then a dismissable toast says so and the positions are read again', async () => {
    const { paper } = tradingDay(api);
    renderApp(api, '/');
    await settled(api);
    await waitFor(() => expect(document.title).toBe('(2) Dashboard · Spotdesk'));
    const before = positionReads();

    addFakeTrade(api.state.botPage, paper, {
      pair: 'SOL/USDT',
      openedAt: api.state.bots.now,
      openRate: 148.6,
      amount: 0.2,
      stakeAmount: 29.72,
      currentRate: 148.9,
    });
    api.ws.publish(
      'alerts',
      {
        kind: 'fill',
        botId: paper.id,
        botName: 'Trend rider',
        mode: 'SIMULATED',
        at: new Date(api.state.bots.now).toISOString(),
        tradeId: 2,
        pair: 'SOL/USDT',
        side: 'buy',
        stage: 'filled',
        orderType: 'limit',
        price: 148.6,
        amount: 0.2,
      },
      paper.id,
    );

    const toasts = await region('Notifications');
    const status = within(toasts).getByRole('log');
    expect(await within(status).findByText('Trend rider (Paper) bought SOL/USDT')).toBeTruthy();
    expect(within(status).getByText('0.2 at 148.6 USDT')).toBeTruthy();
    await waitFor(() => expect(positionReads()).toBe(before + 1));
    const positions = await region('Open positions');
    expect(await within(positions).findByText('SOL/USDT')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('(3) Dashboard · Spotdesk'));

    fireEvent.click(
      within(status).getByRole('button', { name: 'Dismiss: Trend rider (Paper) bought SOL/USDT' }),
    );
    expect(within(status).queryByText('Trend rider (Paper) bought SOL/USDT')).toBeNull();
  });

  test('when a burst of events arrives, then each query is read again once', async () => {
    const { live } = tradingDay(api);
    renderApp(api, '/');
    await settled(api);
    const positions = positionReads();
    const orders = api.requestsTo('GET', '/api/orders').length;

    for (let i = 0; i < 3; i += 1) {
      api.ws.publish('positions', { botId: live.id }, live.id);
      api.ws.publish('orders', { botId: live.id, stage: 'placed' }, live.id);
    }

    await waitFor(() => expect(positionReads()).toBe(positions + 1));
    await waitFor(() => expect(api.requestsTo('GET', '/api/orders').length).toBe(orders + 1));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(positionReads()).toBe(positions + 1);
    expect(screen.queryByText(/bought|sold/)).toBeNull();
  });

  test('when the socket drops and comes back, then the dashboard re-reads its figures', async () => {
    tradingDay(api);
    renderApp(api, '/');
    await settled(api);
    const summaries = api.requestsTo('GET', '/api/dashboard/summary').length;

    api.ws.dropAll();

    await waitFor(
      () =>
        expect(api.requestsTo('GET', '/api/dashboard/summary').length).toBeGreaterThan(summaries),
      { timeout: 15_000 },
    );
  });

  test('when the dashboard is left, then the tab title loses the count', async () => {
    tradingDay(api);
    const { router } = renderApp(api, '/');
    await waitFor(() => expect(document.title).toBe('(2) Dashboard · Spotdesk'));

    await router.navigate('/audit');

    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    expect(document.title).toBe('Audit log · Spotdesk');
  });
});
