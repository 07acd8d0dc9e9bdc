import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { LANGUAGE_STORAGE_KEY } from '../i18n/languages';
import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { addFakeBot } from '../testing/fake-bots-state';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
});

afterEach(async () => {
  await api.close();
});

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function addPair(label: string, pair: string) {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value: pair } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

/** The error text announced with a field (its aria-describedby), as a screen reader hears it. */
function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('bots › create and edit', () => {
  test('when the server refuses the settings, then each field shows its reason in Portuguese', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'pt-BR');
    addFakeBot(api.state.bots, { name: 'Alfa' });
    renderApp(api, '/bots/new');
    await screen.findByRole('heading', { level: 1, name: 'Criar um robô' });
    await screen.findByRole('option', { name: 'EmaCrossStrategy' });

    type('Nome', 'alfa');
    fireEvent.change(screen.getByLabelText('Estratégia'), {
      target: { value: 'EmaCrossStrategy' },
    });
    addPair('Par a adicionar', 'doge');
    addPair('Par a adicionar', 'BTC/USDT');
    type('Valor por operação (USDT)', '1');
    type('Máximo de operações abertas', '2');
    type('Exposição máxima (USDT)', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Criar robô' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Corrija os campos indicados abaixo.',
    );
    expect(describedBy(screen.getByLabelText('Nome'))).toContain(
      'Já existe um robô com este nome.',
    );
    const doge = screen.getByText('DOGE/USDT').closest('li');
    expect(doge?.textContent).toContain('A Binance não tem mercado à vista com este nome.');
    expect(describedBy(screen.getByLabelText('Valor por operação (USDT)'))).toContain(
      'Precisa ser pelo menos 5, a menor ordem que a Binance aceita em BTC/USDT.',
    );
    expect(describedBy(screen.getByLabelText('Exposição máxima (USDT)'))).toContain(
      'Precisa ser pelo menos 2 (valor por operação × máximo de operações abertas).',
    );
    expect(api.state.bots.bots).toHaveLength(1);
  });

  test('when the form is filled well, then the bot is created on paper and listed', async () => {
    renderApp(api, '/bots/new');
    await screen.findByRole('option', { name: 'RsiMeanReversionStrategy' });

    type('Name', 'Dip buyer');
    fireEvent.change(screen.getByLabelText('Strategy'), {
      target: { value: 'RsiMeanReversionStrategy' },
    });
    expect(screen.getByText(/Buys oversold dips/)).toBeTruthy();
    expect((screen.getByLabelText('Timeframe') as HTMLSelectElement).value).toBe('15m');
    addPair('Pair to add', 'sol');
    addPair('Pair to add', 'btc');
    expect(
      await screen.findByText('Binance’s smallest order here is 10 USDT (on SOL/USDT).'),
    ).toBeTruthy();
    type('Stake per trade (USDT)', '12,5');
    type('Max open trades', '2');
    type('Max exposure (USDT)', '30');
    type('Daily loss limit', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Create bot' }));

    expect(
      await screen.findByText('Dip buyer was created on paper. Start it when you are ready.'),
    ).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Dip buyer' })).toBeTruthy();
    expect(api.requestsTo('POST', '/api/bots')[0]?.body).toEqual({
      name: 'Dip buyer',
      description: '',
      mode: 'SIMULATED',
      strategy: 'RsiMeanReversionStrategy',
      strategyParams: {},
      timeframe: '15m',
      pairs: ['SOL/USDT', 'BTC/USDT'],
      stakeAmount: 12.5,
      maxOpenTrades: 2,
      maxExposure: 30,
      stoploss: null,
      minimalRoi: null,
      dailyLossLimit: 5,
    });
  });

  test('when required fields are empty, then the form says so before asking the server', async () => {
    renderApp(api, '/bots/new');
    await screen.findByRole('option', { name: 'EmaCrossStrategy' });

    fireEvent.click(screen.getByRole('button', { name: 'Create bot' }));

    expect(describedBy(screen.getByLabelText('Name'))).toContain('This field is required.');
    expect(screen.getByText('Add at least one pair.')).toBeTruthy();
    expect(describedBy(screen.getByLabelText('Stake per trade (USDT)'))).toContain(
      'This field is required.',
    );
    expect(api.requestsTo('POST', '/api/bots')).toHaveLength(0);
  });

  test('when a running bot is edited, then the person chooses to save for the next start', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Trend rider',
      desiredState: 'RUNNING',
      state: 'RUNNING',
      strategyParams: { buy_fast: 9 },
    });
    renderApp(api, '/bots');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Trend rider' });
    fireEvent.click(
      within(heading.closest('li') as HTMLElement).getByRole('link', { name: 'Edit' }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Edit Trend rider' });
    await screen.findByLabelText('Stake per trade (USDT)');

    type('Stake per trade (USDT)', '25');
    fireEvent.click(screen.getByRole('checkbox', { name: /Use my own ROI table/ }));
    type('After minutes', '0');
    type('Take profit at ratio', '0.05');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Apply the new settings of Trend rider',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save for next start' }));

    expect(await screen.findByText('The settings of Trend rider were saved.')).toBeTruthy();
    expect(await screen.findByText(/Saved settings wait for the next start/)).toBeTruthy();
    const put = api.requestsTo('PUT', `/api/bots/${bot.id}`)[0]?.body as Record<string, unknown>;
    expect(put).toMatchObject({
      apply: 'next-start',
      stakeAmount: 25,
      minimalRoi: { '0': 0.05 },
      strategyParams: { buy_fast: 9 },
      mode: 'SIMULATED',
    });
    expect(bot.pendingRestart).toBe(true);
  });

  test('when a stopped bot is edited, then it is saved without asking how to apply', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Idle',
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    renderApp(api, `/bots/${bot.id}/edit`);
    await screen.findByRole('heading', { level: 1, name: 'Edit Idle' });
    await screen.findByLabelText('Name');

    type('Name', 'Idle two');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('The settings of Idle two were saved.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.requestsTo('PUT', `/api/bots/${bot.id}`)[0]?.body).toMatchObject({
      name: 'Idle two',
      apply: 'restart',
    });
    await waitFor(() => expect(bot.configVersion).toBe(2));
  });

  test('when a viewer opens the create form, then it is not offered', async () => {
    api.signIn(api.addUser({ username: 'bruno', password: 'viewer passphrase', role: 'viewer' }));

    renderApp(api, '/bots/new');

    expect(await screen.findByText('Only an administrator can create or edit bots.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create bot' })).toBeNull();
  });
});
