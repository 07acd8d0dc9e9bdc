import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { addFakeBot } from '../testing/fake-bots-state';
import { renderApp } from '../testing/render-app';

const PASSWORD = 'correct horse battery';
let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  api.signIn(api.addUser({ username: 'ana', password: PASSWORD, role: 'admin' }));
});

afterEach(async () => {
  await api.close();
});

async function botCard(name: string) {
  const heading = await screen.findByRole('heading', { level: 2, name });
  return heading.closest('li') as HTMLElement;
}

function openGates() {
  api.state.bots.live = { environment: true, masterSwitch: true };
  api.state.bots.exchangeKey = {
    hint: 'WXYZ',
    canTrade: true,
    canWithdraw: false,
    ipRestricted: true,
    warnings: [],
    checkedAt: api.state.bots.now,
  };
}

function confirmWith(dialog: HTMLElement, password: string, name: string) {
  fireEvent.change(within(dialog).getByLabelText('Your current password'), {
    target: { value: password },
  });
  fireEvent.change(within(dialog).getByLabelText(/Type the bot’s name/), {
    target: { value: name },
  });
}

describe('bots › Live', () => {
  test('when Live is asked without the environment gate, then the refusal says how to enable it', async () => {
    const bot = addFakeBot(api.state.bots, { name: 'Real one', dailyLossLimit: 10 });
    renderApp(api, '/bots');
    const card = await botCard('Real one');

    fireEvent.click(within(card).getByRole('button', { name: 'Switch to Live' }));
    const dialog = await screen.findByRole('dialog', { name: 'Switch Real one to Live?' });
    const gates = await within(dialog).findByRole('list', { name: 'Live gates' });
    expect(within(gates).getAllByText('closed')).toHaveLength(3);
    expect(within(gates).getByText(/Set SPOTDESK_LIVE_TRADING=enabled/)).toBeTruthy();
    confirmWith(dialog, PASSWORD, 'Real one');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch to Live' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Live trading is switched off for this installation. Set SPOTDESK_LIVE_TRADING=enabled in the environment (.env) and restart Spotdesk, then turn on the Live switch in Settings.',
    );
    expect(bot.mode).toBe('SIMULATED');
    expect(within(card).getByText('Paper')).toBeTruthy();
  });

  test('when the gates are open, then the password and the typed name are both required', async () => {
    openGates();
    const bot = addFakeBot(api.state.bots, { name: 'Real one', dailyLossLimit: 10 });
    renderApp(api, '/bots');
    const card = await botCard('Real one');
    fireEvent.click(within(card).getByRole('button', { name: 'Switch to Live' }));
    const dialog = await screen.findByRole('dialog', { name: 'Switch Real one to Live?' });
    expect(await within(dialog).findAllByText('open')).toHaveLength(3);

    confirmWith(dialog, PASSWORD, 'real one');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch to Live' }));
    expect(
      await within(dialog).findByText('Type the name exactly as shown, capitals included.'),
    ).toBeTruthy();

    confirmWith(dialog, 'not my password', 'Real one');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch to Live' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The password is not correct. Live steps need your current password.',
    );

    confirmWith(dialog, PASSWORD, 'Real one');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch to Live' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(card).findByText('LIVE · real money')).toBeTruthy();
    expect(bot.mode).toBe('REAL_MARKET_SPOT');
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/mode`).map((r) => r.body)).toEqual([
      { mode: 'REAL_MARKET_SPOT', password: 'not my password', confirmName: 'Real one' },
      { mode: 'REAL_MARKET_SPOT', password: PASSWORD, confirmName: 'Real one' },
    ]);
  });

  test('when a Live bot is started, then it asks for re-authentication and then runs', async () => {
    openGates();
    const bot = addFakeBot(api.state.bots, {
      name: 'Real one',
      mode: 'REAL_MARKET_SPOT',
      dailyLossLimit: 10,
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    renderApp(api, '/bots');
    const card = await botCard('Real one');

    fireEvent.click(within(card).getByRole('button', { name: 'Start (Live)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start Real one Live?' });
    expect(within(dialog).getByText(/real orders with real money/)).toBeTruthy();
    confirmWith(dialog, PASSWORD, 'Real one');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start Live' }));

    expect(await within(card).findByText('Running')).toBeTruthy();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/start`)[0]?.body).toEqual({
      password: PASSWORD,
      confirmName: 'Real one',
    });
  });

  test('when the Live switch is off, then starting a Live bot is refused with the reason', async () => {
    openGates();
    api.state.bots.live.masterSwitch = false;
    addFakeBot(api.state.bots, {
      name: 'Real one',
      mode: 'REAL_MARKET_SPOT',
      dailyLossLimit: 10,
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    renderApp(api, '/bots');
    const card = await botCard('Real one');

    fireEvent.click(within(card).getByRole('button', { name: 'Start (Live)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start Real one Live?' });
    expect(await within(dialog).findByRole('link', { name: 'Open Settings' })).toBeTruthy();
    confirmWith(dialog, PASSWORD, 'Real one');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start Live' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The Live switch in Settings is off. An admin must turn it on first.',
    );
  });

  test('when a Live bot goes back to Paper, then a plain confirmation is enough', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Real one',
      mode: 'REAL_MARKET_SPOT',
      dailyLossLimit: 10,
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    renderApp(api, '/bots');
    const card = await botCard('Real one');

    fireEvent.click(within(card).getByRole('button', { name: 'Switch to Paper' }));
    const dialog = await screen.findByRole('dialog', { name: 'Switch Real one to Paper?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch to Paper' }));

    expect(await within(card).findByText('Paper')).toBeTruthy();
    expect(bot.mode).toBe('SIMULATED');
  });

  test('when the bot still holds paper trades, then switching to Live is refused with what to do', async () => {
    openGates();
    const bot = addFakeBot(api.state.bots, {
      name: 'Holder',
      dailyLossLimit: 10,
      desiredState: 'STOPPED',
      state: 'STOPPED',
      openTrades: 1,
    });
    renderApp(api, '/bots');
    const card = await botCard('Holder');

    fireEvent.click(within(card).getByRole('button', { name: 'Switch to Live' }));
    const dialog = await screen.findByRole('dialog', { name: 'Switch Holder to Live?' });
    confirmWith(dialog, PASSWORD, 'Holder');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch to Live' }));

    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /^This bot still holds 1 open trade\(s\) in its current mode\./,
    );
    expect(bot.mode).toBe('SIMULATED');
  });
});
