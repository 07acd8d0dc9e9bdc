import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

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

async function botCard(name: string) {
  const heading = await screen.findByRole('heading', { level: 2, name });
  const card = heading.closest('li');
  if (!card) throw new Error(`no card for ${name}`);
  return card;
}

async function act(card: HTMLElement, button: string, dialogName: string, confirm: string) {
  fireEvent.click(within(card).getByRole('button', { name: button }));
  const dialog = await screen.findByRole('dialog', { name: dialogName });
  fireEvent.click(within(dialog).getByRole('button', { name: confirm }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('bots › actions', () => {
  test('when a Paper bot is started, paused, resumed and stopped, then each step is confirmed and shown', async () => {
    const bot = addFakeBot(api.state.bots, { name: 'Trend rider' });
    renderApp(api, '/bots');
    const card = await botCard('Trend rider');

    fireEvent.click(within(card).getByRole('button', { name: 'Start' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start Trend rider?' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/start`)).toHaveLength(0);

    await act(card, 'Start', 'Start Trend rider?', 'Start');
    expect(await within(card).findByText('Running')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Trend rider: request accepted/);
    const start = api.requestsTo('POST', `/api/bots/${bot.id}/start`)[0];
    expect(start?.body).toEqual({});
    expect(start?.headers['x-csrf-token']).toBe(api.state.csrfToken);

    await act(card, 'Pause', 'Pause Trend rider?', 'Pause');
    expect(await within(card).findByText('Paused')).toBeTruthy();

    await act(card, 'Resume', 'Resume Trend rider?', 'Resume');
    expect(await within(card).findByText('Running')).toBeTruthy();

    await act(card, 'Stop', 'Stop Trend rider?', 'Stop');
    expect(await within(card).findByText('Stopped')).toBeTruthy();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/stop`)[0]?.body).toEqual({});
    expect(bot.desiredState).toBe('STOPPED');
  });

  test('when a bot known to hold trades is stopped, then the person chooses to leave them open', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Holder',
      desiredState: 'RUNNING',
      state: 'RUNNING',
      openTrades: 2,
    });
    renderApp(api, '/bots');
    const card = await botCard('Holder');

    fireEvent.click(within(card).getByRole('button', { name: 'Stop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Holder holds 2 open trade(s)' });
    expect(within(dialog).getByText(/stay in the paper wallet/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop and leave 2 open' }));

    expect(await within(card).findByText('Stopped')).toBeTruthy();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/stop`)[0]?.body).toEqual({
      openTrades: 'leave',
    });
  });

  test('when the server says the bot holds trades, then the dialog turns into the choice and can close them', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Holder',
      mode: 'REAL_MARKET_SPOT',
      dailyLossLimit: 10,
      desiredState: 'RUNNING',
      state: 'RUNNING',
      openTrades: 0,
    });
    renderApp(api, '/bots');
    const card = await botCard('Holder');
    const runtime = api.state.bots.runtime.get(bot.id);
    if (runtime) runtime.openTrades = 3;

    fireEvent.click(within(card).getByRole('button', { name: 'Stop' }));
    const first = await screen.findByRole('dialog', { name: 'Stop Holder?' });
    fireEvent.click(within(first).getByRole('button', { name: 'Stop' }));

    const choice = await screen.findByRole('dialog', { name: 'Holder holds 3 open trade(s)' });
    expect(within(choice).getByText(/exchange stop-loss orders/)).toBeTruthy();
    expect(within(choice).queryByRole('alert')).toBeNull();
    fireEvent.click(within(choice).getByRole('button', { name: 'Close 3 first, then stop' }));

    expect(await within(card).findByText('Stopped')).toBeTruthy();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/stop`).map((r) => r.body)).toEqual([
      {},
      { openTrades: 'close' },
    ]);
    expect(runtime?.openTrades).toBe(0);
  });

  test('when a stopped bot is deleted, then it leaves the list after the confirmation', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Old one',
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    addFakeBot(api.state.bots, { name: 'Keeper' });
    renderApp(api, '/bots');
    const card = await botCard('Old one');

    await act(card, 'Delete', 'Delete Old one?', 'Delete');

    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Old one' })).toBeNull());
    expect(screen.getByText('Old one was deleted.')).toBeTruthy();
    expect(api.requestsTo('DELETE', `/api/bots/${bot.id}`)).toHaveLength(1);
    expect(api.state.bots.bots.map((b) => b.name)).toEqual(['Keeper']);
  });

  test('when the server refuses a move the list did not know about, then the refusal is shown in words', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Racer',
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    renderApp(api, '/bots');
    const card = await botCard('Racer');
    // Another tab started it meanwhile; this one still shows it stopped.
    bot.desiredState = 'RUNNING';
    bot.state = 'RUNNING';

    fireEvent.click(within(card).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Racer?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This bot cannot be deleted while it is running.',
    );
    expect(await within(card).findByText('Running')).toBeTruthy();
  });

  test('when the daily loss limit tripped, then re-arming asks for a reason', async () => {
    const bot = addFakeBot(api.state.bots, {
      name: 'Burnt',
      desiredState: 'PAUSED',
      state: 'PAUSED',
      lossLimitTrippedAt: Date.UTC(2026, 2, 2, 11, 0),
      lossLimitTripReason: 'realised loss 12 USDT',
    });
    renderApp(api, '/bots');
    const card = await botCard('Burnt');

    fireEvent.click(within(card).getByRole('button', { name: 'Re-arm' }));
    const dialog = await screen.findByRole('dialog', { name: 'Re-arm Burnt?' });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'ok' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Re-arm' }));
    expect(await within(dialog).findByText('Use at least 3 characters.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'checked the market, limits fine' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Re-arm' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(card).queryByText(/Daily loss limit hit/)).toBeNull());
    expect(
      within(card).getByRole('button', { name: 'Resume' }).getAttribute('aria-disabled'),
    ).toBeNull();
    expect(api.requestsTo('POST', `/api/bots/${bot.id}/rearm`)[0]?.body).toEqual({
      reason: 'checked the market, limits fine',
    });
  });

  test('when Pause all is confirmed, then every running bot pauses', async () => {
    addFakeBot(api.state.bots, { name: 'One', desiredState: 'RUNNING', state: 'RUNNING' });
    addFakeBot(api.state.bots, { name: 'Two', desiredState: 'RUNNING', state: 'RUNNING' });
    addFakeBot(api.state.bots, { name: 'Three', desiredState: 'STOPPED', state: 'STOPPED' });
    renderApp(api, '/bots');
    await botCard('One');

    fireEvent.click(screen.getByRole('button', { name: 'Pause all' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pause every bot?' });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'news spike' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pause all' }));

    expect(await screen.findByText('Every running bot was asked to pause.')).toBeTruthy();
    expect(within(await botCard('One')).getByText('Paused')).toBeTruthy();
    expect(within(await botCard('Two')).getByText('Paused')).toBeTruthy();
    expect(within(await botCard('Three')).getByText('Stopped')).toBeTruthy();
    expect(api.requestsTo('POST', '/api/emergency/pause-all')[0]?.body).toEqual({
      reason: 'news spike',
    });
  });

  test('when Stop all is confirmed, then running and paused bots stop', async () => {
    addFakeBot(api.state.bots, { name: 'One', desiredState: 'RUNNING', state: 'RUNNING' });
    addFakeBot(api.state.bots, { name: 'Two', desiredState: 'PAUSED', state: 'PAUSED' });
    renderApp(api, '/bots');
    await botCard('One');

    fireEvent.click(screen.getByRole('button', { name: 'Stop all' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop every bot?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop all' }));

    expect(await screen.findByText('Every running or paused bot was asked to stop.')).toBeTruthy();
    expect(within(await botCard('One')).getByText('Stopped')).toBeTruthy();
    expect(within(await botCard('Two')).getByText('Stopped')).toBeTruthy();
  });
});
