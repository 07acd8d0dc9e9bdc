import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { card, openTradeRow, runningBotWithTrades, signIn } from './bot-page-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

describe('bot page › forced exits', () => {
  test('when an admin forces one trade out, then it is confirmed first, sent, and the trade moves to the closed ones', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    const row = await openTradeRow(/BTC\/USDT #3/);

    fireEvent.click(within(row).getByRole('button', { name: 'Force exit trade #3 (BTC/USDT)' }));
    const asking = await screen.findByRole('dialog', { name: 'Exit trade #3 (BTC/USDT)?' });
    fireEvent.click(within(asking).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/forceexit`)).toHaveLength(0);
    const readsBefore = api.requestsTo('GET', `/api/bots/${bot.id}/trades`).length;

    fireEvent.click(within(row).getByRole('button', { name: 'Force exit trade #3 (BTC/USDT)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Exit trade #3 (BTC/USDT)?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sell now' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const sent = api.requestsTo('POST', `/api/bots/${bot.id}/forceexit`);
    expect(sent.map((r) => r.body)).toEqual([{ tradeId: 3, orderType: 'market' }]);
    expect(sent[0]?.headers['x-csrf-token']).toBe(api.state.csrfToken);
    const open = await card('Open trades');
    expect(await within(open).findByText('No open trades.')).toBeTruthy();
    expect(within(open).getByRole('status').textContent).toBe('Exit of trade #3 requested.');
    const closed = await card('Closed trades');
    const row3 = await within(closed).findByRole('row', { name: /BTC\/USDT #3/ });
    expect(within(row3).getByText('force_exit')).toBeTruthy();
    expect(api.requestsTo('GET', `/api/bots/${bot.id}/trades`).length).toBeGreaterThan(readsBefore);
  });

  test('when an admin exits every trade, then the dialog names the count and sends tradeId "all"', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    await openTradeRow(/BTC\/USDT #3/);

    fireEvent.click(screen.getByRole('button', { name: 'Exit all' }));
    const dialog = await screen.findByRole('dialog', { name: 'Exit every trade of Trend rider?' });
    expect(within(dialog).getByText(/sells all 1 open positions now/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sell all now' }));

    expect(await within(await card('Open trades')).findByText('No open trades.')).toBeTruthy();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/forceexit`).map((r) => r.body)).toEqual([
      { tradeId: 'all', orderType: 'market' },
    ]);
  });

  test('when the bot stopped or the trade closed meanwhile, then the dialog says why in words and the page catches up', async () => {
    signIn(api);
    const { bot, trades } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    const row = await openTradeRow(/BTC\/USDT #3/);
    const exitButton = { name: 'Force exit trade #3 (BTC/USDT)' };

    bot.desiredState = 'STOPPED';
    bot.state = 'STOPPED';
    fireEvent.click(within(row).getByRole('button', exitButton));
    let dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sell now' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /^This bot is not trading now \(paused or stopped\)/,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    bot.desiredState = 'RUNNING';
    bot.state = 'RUNNING';
    trades.open.isOpen = false;
    fireEvent.click(within(await openTradeRow(/BTC\/USDT #3/)).getByRole('button', exitButton));
    dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sell now' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This trade is no longer open.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    // The refusal re-read the trades: the row is gone.
    expect(await within(await card('Open trades')).findByText('No open trades.')).toBeTruthy();
  });

  test('when a viewer opens the page, then trades show but no forced exit or entry is offered', async () => {
    signIn(api, 'viewer');
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);

    const row = await openTradeRow(/BTC\/USDT #3/);
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Exit all' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Force entry' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit settings' })).toBeNull();
  });
});

describe('bot page › forced entry', () => {
  async function submitEntry(stake: string, pair = 'BTC/USDT') {
    const entry = await card('Force entry');
    fireEvent.change(within(entry).getByLabelText('Pair'), { target: { value: pair } });
    fireEvent.change(within(entry).getByLabelText('Stake (USDT, optional)'), {
      target: { value: stake },
    });
    fireEvent.click(within(entry).getByRole('button', { name: 'Enter trade' }));
    const dialog = await screen.findByRole('dialog', { name: `Buy ${pair} now?` });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    return entry;
  }

  test('when the stake is under the exchange minimum, then the server’s reason shows beside the stake field', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);

    const entry = await submitEntry('2');

    const stake = within(entry).getByLabelText('Stake (USDT, optional)');
    const message = 'Must be at least 5, the smallest order Binance accepts on BTC/USDT.';
    await waitFor(() => expect(stake.getAttribute('aria-invalid')).toBe('true'));
    const described = (stake.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain(message);
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/forceenter`).map((r) => r.body)).toEqual([
      { pair: 'BTC/USDT', orderType: 'market', stakeAmount: 2 },
    ]);
  });

  test('when the entry is accepted, then it says so and the new trade appears among the open ones', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);

    const entry = await submitEntry('25,5', 'ETH/USDT');

    expect((await within(entry).findByRole('status')).textContent).toBe(
      'Entry requested: trade #4 on ETH/USDT.',
    );
    expect(await openTradeRow(/ETH\/USDT #4/)).toBeTruthy();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/forceenter`)[0]?.body).toEqual({
      pair: 'ETH/USDT',
      orderType: 'market',
      stakeAmount: 25.5,
    });
  });

  test('when a limit order has no price, then the form asks for one and sends nothing', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    const entry = await card('Force entry');

    fireEvent.change(within(entry).getByLabelText('Order type'), { target: { value: 'limit' } });
    fireEvent.click(within(entry).getByRole('button', { name: 'Enter trade' }));

    expect(
      await within(entry).findByText('A limit order needs a price greater than 0.'),
    ).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/forceenter`)).toHaveLength(0);
  });

  test('when the bot was paused meanwhile, then the refusal is translated and the form explains why it is unavailable', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);
    await card('Force entry');
    bot.desiredState = 'PAUSED';
    bot.state = 'PAUSED';

    const entry = await submitEntry('');

    expect((await within(entry).findByRole('alert')).textContent).toMatch(
      /^This bot is not trading now \(paused or stopped\)/,
    );
    expect(
      await within(entry).findByText(/this one is paused, so it opens no new trades/),
    ).toBeTruthy();
    expect(within(entry).queryByRole('button', { name: 'Enter trade' })).toBeNull();
  });

  test('when the bot is stopped, then the form is not offered and the reason is given', async () => {
    signIn(api);
    const { bot } = runningBotWithTrades(api, { desiredState: 'STOPPED', state: 'STOPPED' });
    renderApp(api, `/bots/${bot.id}`);

    const entry = await card('Force entry');
    expect(
      await within(entry).findByText(
        'A forced entry needs a running bot: this one is stopped. Start it on the Bots page first.',
      ),
    ).toBeTruthy();
    expect(within(entry).queryByRole('button', { name: 'Enter trade' })).toBeNull();
  });
});

describe('bot page › em português', () => {
  test('when the language is pt-BR, then a refused stake is explained in Portuguese beside its field', async () => {
    localStorage.setItem('spotdesk.language', 'pt-BR');
    signIn(api);
    const { bot } = runningBotWithTrades(api);
    renderApp(api, `/bots/${bot.id}`);

    const entry = await card('Forçar entrada');
    const stake = within(entry).getByLabelText('Valor (USDT, opcional)');
    fireEvent.change(stake, { target: { value: '3' } });
    fireEvent.click(within(entry).getByRole('button', { name: 'Entrar na operação' }));
    const dialog = await screen.findByRole('dialog', { name: 'Comprar BTC/USDT agora?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Comprar' }));

    expect(
      await within(entry).findByText(
        'Precisa ser pelo menos 5, a menor ordem que a Binance aceita em BTC/USDT.',
      ),
    ).toBeTruthy();
    expect(within(await card('Operações abertas')).getByText('Forçar saída')).toBeTruthy();
  });
});
