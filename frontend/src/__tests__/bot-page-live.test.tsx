import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { addFakeTrade, closeFakeTrade } from '../testing/fake-api-bot-page';
import { botView } from '../testing/fake-bots-state';
import { renderApp } from '../testing/render-app';
import {
  MINUTE,
  card,
  openTradeRow,
  runningBotWithTrades,
  settled,
  signIn,
  subscribedTo,
} from './bot-page-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  signIn(api);
});

afterEach(async () => {
  await api.close();
});

function candleReads(botId: number, pair = 'BTC/USDT') {
  return api
    .requestsTo('GET', `/api/bots/${botId}/candles`)
    .filter((r) => r.query['pair'] === pair);
}

describe('bot page › chart', () => {
  test('when the chart loads, then its source, last candle, open-trade levels and markers are what the chart is given', async () => {
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    const chart = await card('Chart');

    expect(
      await within(chart).findByText(
        'Candles from the bot’s own analysis at 5m: the data its strategy decides on.',
      ),
    ).toBeTruthy();
    // jsdom has no canvas: the chart is skipped and says so; its data is still there.
    expect(
      within(chart).getByText('This browser cannot draw the chart; its data is below.'),
    ).toBeTruthy();
    const read = candleReads(bot.id)[0];
    expect(read?.query).toEqual({ pair: 'BTC/USDT', timeframe: '5m', limit: '300' });

    const levels = within(chart).getByRole('table', { name: 'Levels of the open trades' });
    const cells = within(within(levels).getByRole('row', { name: /#3/ }))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['67,000', '60,300', '69,680']);

    // Trade #1 (BTC, closed) and #3 (BTC, open) are on this pair; #2 traded ETH.
    fireEvent.click(within(chart).getByText('Entries and exits on the chart (3)'));
    const markers = within(chart)
      .getAllByRole('row')
      .filter((row) => within(row).queryAllByRole('cell').length === 5)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1)
          .map((c) => c.textContent),
      );
    expect(markers).toEqual([
      ['#1', 'Entry', '66,800', '—'],
      ['#1', 'Exit', '67,468', '+1% · roi'],
      ['#3', 'Entry', '67,000', '—'],
    ]);
  });

  test('when the open trade has no ROI target, then only its entry and stop lines are drawn', async () => {
    const { bot } = runningBotWithTrades(api, { minimalRoi: { '0': 100 } });
    renderApp(api, `/bots/${bot.id}`);
    const chart = await card('Chart');
    const levels = await within(chart).findByRole('table', { name: 'Levels of the open trades' });
    const cells = within(within(levels).getByRole('row', { name: /#3/ }))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['67,000', '60,300', '—']);
  });

  test('when another pair and timeframe are picked, then the exchange’s candles of that pair are read and labelled so', async () => {
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    const chart = await card('Chart');
    await within(chart).findByText(/the data its strategy decides on/);

    fireEvent.change(within(chart).getByLabelText('Pair'), { target: { value: 'ETH/USDT' } });
    fireEvent.change(within(chart).getByLabelText('Timeframe'), { target: { value: '1h' } });

    expect(
      await within(chart).findByText(
        'Candles from Binance at 1h: the bot analyses another timeframe or is not running.',
      ),
    ).toBeTruthy();
    expect(candleReads(bot.id, 'ETH/USDT').map((r) => r.query['timeframe'])).toContain('1h');
    expect(within(chart).queryByRole('table', { name: 'Levels of the open trades' })).toBeNull();
  });

  test('when the server says the bot’s candles of the shown pair were refreshed, then they are read again, and not for another pair', async () => {
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    const chart = await card('Chart');
    await within(chart).findByText(/the data its strategy decides on/);
    await subscribedTo(api, 'market');
    const before = await settled(() => candleReads(bot.id).length);
    const lastCandle = () =>
      within(chart).getByText('Last candle').nextElementSibling?.querySelector('time')?.dateTime;
    const lastBefore = lastCandle();

    // Five minutes later a new candle exists.
    api.state.bots.now += 5 * MINUTE;
    api.ws.publish('market', { kind: 'bot-candles', botId: bot.id, pair: 'ETH/USDT' }, bot.id);
    api.ws.publish(
      'market',
      { kind: 'bot-candles', botId: bot.id + 1, pair: 'BTC/USDT' },
      bot.id + 1,
    );
    api.ws.publish('market', { kind: 'bot-candles', botId: bot.id, pair: 'BTC/USDT' }, bot.id);

    await waitFor(() => expect(candleReads(bot.id)).toHaveLength(before + 1));
    await waitFor(() => expect(lastCandle()).toBe(new Date(api.state.bots.now).toISOString()));
    expect(lastBefore).toBe(new Date(api.state.bots.now - 5 * MINUTE).toISOString());
    expect(candleReads(bot.id, 'ETH/USDT')).toHaveLength(0);
  });
});

describe('bot page › live updates', () => {
  test('when an order event arrives, then the trades and the chart markers are read again', async () => {
    const { bot, trades } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    await openTradeRow(/BTC\/USDT #3/);
    await subscribedTo(api, 'orders');
    const candlesBefore = candleReads(bot.id).length;

    closeFakeTrade(trades.open, 67_900, api.state.bots.now, 'exit_signal');
    api.ws.publish('orders', { botId: bot.id, tradeId: 3, side: 'sell', stage: 'filled' }, bot.id);

    expect(await within(await card('Open trades')).findByText('No open trades.')).toBeTruthy();
    const closed = await card('Closed trades');
    const row = await within(closed).findByRole('row', { name: /BTC\/USDT #3/ });
    expect(within(row).getByText('exit_signal')).toBeTruthy();
    await waitFor(() => expect(candleReads(bot.id).length).toBeGreaterThan(candlesBefore));
    const chart = await card('Chart');
    await waitFor(() =>
      expect(within(chart).queryByRole('table', { name: 'Levels of the open trades' })).toBeNull(),
    );
  });

  test('when a positions event arrives for another bot, then nothing is read again', async () => {
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    await openTradeRow(/BTC\/USDT #3/);
    await subscribedTo(api, 'positions');
    await subscribedTo(api, 'orders');
    const reads = () => api.requestsTo('GET', `/api/bots/${bot.id}/trades`).length;
    const before = await settled(reads);

    api.ws.publish('positions', { botId: bot.id + 5 }, bot.id + 5);
    api.ws.publish('positions', { botId: bot.id }, bot.id);

    await waitFor(() => expect(reads()).toBe(before + 2));
  });

  test('when the bot’s state changes, then the header follows and the entry form goes away', async () => {
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    const entry = await card('Force entry');
    expect(within(entry).getByRole('button', { name: 'Enter trade' })).toBeTruthy();
    await subscribedTo(api, 'bots');

    api.changeBot(bot.id, (b) => {
      b.desiredState = 'PAUSED';
      b.state = 'PAUSED';
    });

    expect(await within(entry).findByText(/this one is paused/)).toBeTruthy();
    expect(screen.getByText('Paused')).toBeTruthy();
    expect(botView(api.state.bots, bot).state).toBe('PAUSED');
  });
});

describe('bot page › log tail', () => {
  test('when the log is read and lines are pushed, then they show in time order with their level, and other bots’ lines do not', async () => {
    const { bot } = runningBotWithTrades(api);
    const now = api.state.bots.now;
    api.state.botPage.logs.set(bot.id, [
      {
        at: now - 2 * MINUTE,
        level: 'INFO',
        logger: 'freqtrade.worker',
        message: "Bot heartbeat. PID=4242, version=2025.3, state='RUNNING'",
      },
      {
        at: now - MINUTE,
        level: 'WARNING',
        logger: 'freqtrade.exchange',
        message: 'Pair ETH/USDT has no recent volume.',
      },
    ]);
    renderApp(api, `/bots/${bot.id}`);
    const log = await screen.findByRole('log', { name: 'Log lines of the bot, newest last' });
    await within(log).findByText(/Bot heartbeat/);
    await subscribedTo(api, 'logs');

    api.ws.publish(
      'logs',
      {
        botId: bot.id + 1,
        botName: 'Other',
        mode: 'SIMULATED',
        level: 'info',
        kind: 'status',
        text: 'not mine',
        at: new Date(now).toISOString(),
      },
      bot.id + 1,
    );
    api.ws.publish(
      'logs',
      {
        botId: bot.id,
        botName: bot.name,
        mode: 'SIMULATED',
        level: 'error',
        kind: 'exception',
        text: 'Exchange rejected the order: insufficient balance',
        at: new Date(now).toISOString(),
      },
      bot.id,
    );

    const pushed = await within(log).findByText(
      'Exchange rejected the order: insufficient balance',
    );
    const line = pushed.closest('li');
    expect(line?.className).toContain('log-error');
    expect(line && within(line).getByText('error')).toBeTruthy();
    const messages = within(log)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.log-message')?.textContent);
    expect(messages).toEqual([
      "Bot heartbeat. PID=4242, version=2025.3, state='RUNNING'",
      'Pair ETH/USDT has no recent volume.',
      'Exchange rejected the order: insufficient balance',
    ]);
    expect(within(log).queryByText('not mine')).toBeNull();
  });

  test('when many closed trades exist in the chart window, then they are all markers', async () => {
    const { bot } = runningBotWithTrades(api);
    const now = api.state.bots.now;
    for (let i = 0; i < 3; i += 1) {
      const t = addFakeTrade(api.state.botPage, bot, {
        pair: 'BTC/USDT',
        openedAt: now - (90 - i * 10) * MINUTE,
        openRate: 67_100,
      });
      closeFakeTrade(t, 67_200, now - (85 - i * 10) * MINUTE, 'roi');
    }
    renderApp(api, `/bots/${bot.id}`);
    const chart = await card('Chart');
    expect(await within(chart).findByText('Entries and exits on the chart (9)')).toBeTruthy();
  });
});
