import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { addFakeTrade } from '../testing/fake-api-bot-page';
import { addFakeBot } from '../testing/fake-bots-state';
import { renderApp } from '../testing/render-app';
import { MINUTE, card, openTradeRow, runningBotWithTrades, signIn } from './bot-page-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

describe('bot page › what it shows', () => {
  test('when a bot name is followed from the Bots list, then its page opens with its header', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, '/bots');

    fireEvent.click(await screen.findByRole('link', { name: 'Trend rider' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Trend rider' })).toBeTruthy();
    expect(screen.getByText('Paper')).toBeTruthy();
    expect(screen.getAllByText('Running').length).toBeGreaterThan(0);
    expect(screen.getByText('EmaCrossStrategy')).toBeTruthy();
    expect(screen.getByText('BTC/USDT, ETH/USDT')).toBeTruthy();
    expect(api.requestsTo('GET', `/api/bots/${bot.id}`)).toHaveLength(1);
  });

  test('when a running bot has trades, then the open one shows entry, current, stop, target and PnL, and the closed ones their result', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);

    const row = await openTradeRow(/BTC\/USDT #3/);
    await waitFor(() => expect(within(row).getByText('67,500')).toBeTruthy());
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    // opened, entry, current, stop, target (entry × 1.04 from the ROI table), PnL, action
    expect(cells.slice(1, 6)).toEqual([
      '67,000',
      '67,500',
      '60,300',
      '69,680',
      '+0.149255 USDT (+0.75%)',
    ]);

    const closed = await card('Closed trades');
    const win = await within(closed).findByRole('row', { name: /BTC\/USDT #1/ });
    expect(within(win).getByText('+0.2 USDT')).toBeTruthy();
    expect(within(win).getByText('+1%')).toBeTruthy();
    expect(within(win).getByText('roi')).toBeTruthy();
    const loss = within(closed).getByRole('row', { name: /ETH\/USDT #2/ });
    expect(within(loss).getByText('-0.4 USDT')).toBeTruthy();
    expect(within(loss).getByText('stop_loss')).toBeTruthy();
  });

  test('when a bot has no trades and no log yet, then each card says so', async () => {
    signIn(api);
    const bot = addFakeBot(api.state.bots, {
      name: 'Fresh',
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    renderApp(api, `/bots/${bot.id}`);

    expect(await within(await card('Open trades')).findByText('No open trades.')).toBeTruthy();
    expect(
      await within(await card('Closed trades')).findByText('No closed trades yet.'),
    ).toBeTruthy();
    const log = await card('Log');
    expect(await within(log).findByText('No log lines yet.')).toBeTruthy();
    expect(within(log).getByText('The bot is not running: these are its last lines.')).toBeTruthy();
  });

  test('when the bot does not exist, then the page says so in words', async () => {
    signIn(api);
    renderApp(api, '/bots/99');
    expect(
      await screen.findByText('This bot does not exist (it may have been deleted).'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All bots' })).toBeTruthy();
  });

  test('when more closed trades exist than one page, then "Load more" reads the next page before the last one shown', async () => {
    signIn(api);
    const bot = addFakeBot(api.state.bots, {
      name: 'Busy',
      desiredState: 'RUNNING',
      state: 'RUNNING',
    });
    const now = api.state.bots.now;
    for (let i = 0; i < 30; i += 1) {
      addFakeTrade(api.state.botPage, bot, {
        pair: 'BTC/USDT',
        openedAt: now - (100 - i) * 10 * MINUTE,
        openRate: 67_000,
        isOpen: false,
        closedAt: now - (100 - i) * 10 * MINUTE + 5 * MINUTE,
        closeRate: 67_100,
        profitAbs: 0.03,
        profitRatio: 0.0015,
        exitReason: 'roi',
      });
    }
    renderApp(api, `/bots/${bot.id}`);
    const closed = await card('Closed trades');
    const shown = () => [...closed.querySelectorAll('tbody th')].map((th) => th.textContent);
    await within(closed).findByText('#30');
    expect(shown()).toHaveLength(25);
    expect(shown()).not.toContain('BTC/USDT #5');

    fireEvent.click(within(closed).getByRole('button', { name: 'Load more' }));

    await within(closed).findByText('#1');
    expect(shown()).toHaveLength(30);
    expect(shown().at(-1)).toBe('BTC/USDT #1');
    expect(within(closed).queryByRole('button', { name: 'Load more' })).toBeNull();
    const pages = api
      .requestsTo('GET', `/api/bots/${bot.id}/trades`)
      .filter((r) => r.query['status'] === 'closed');
    const sixth = api.state.botPage.trades.find((t) => t.tradeId === 6);
    expect(pages.at(-1)?.query['before']).toBe(new Date(sixth?.openedAt ?? 0).toISOString());
  });
});
