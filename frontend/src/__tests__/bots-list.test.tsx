import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { addFakeBot } from '../testing/fake-bots-state';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

function signIn(role: 'admin' | 'viewer' = 'admin') {
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role }));
}

async function botCard(name: string) {
  const heading = await screen.findByRole('heading', { level: 2, name });
  const card = heading.closest('li');
  if (!card) throw new Error(`no card for ${name}`);
  return card;
}

describe('bots › list', () => {
  test('when bots are in every state, then each shows its mode, state, reason, figures and allowed actions', async () => {
    signIn();
    const bots = api.state.bots;
    addFakeBot(bots, {
      name: 'Trend rider',
      desiredState: 'RUNNING',
      state: 'RUNNING',
      openTrades: 2,
      profitAbs: 1.5,
      realisedToday: -0.25,
    });
    addFakeBot(bots, {
      name: 'Real deal',
      mode: 'REAL_MARKET_SPOT',
      dailyLossLimit: 10,
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    addFakeBot(bots, {
      name: 'Broken',
      desiredState: 'RUNNING',
      state: 'ERROR',
      errorReason: 'crash-looping',
      stateReason: 'the process kept exiting right after starting (exit status 2)',
    });
    addFakeBot(bots, {
      name: 'Leaving',
      desiredState: 'STOPPED',
      state: 'RUNNING',
      stateReason: 'stopping',
    });
    addFakeBot(bots, {
      name: 'Burnt',
      desiredState: 'PAUSED',
      state: 'PAUSED',
      lossLimitTrippedAt: Date.UTC(2026, 2, 2, 11, 0),
      lossLimitTripReason: 'realised loss 12 USDT ≥ limit 10 USDT',
    });

    renderApp(api, '/bots');

    const trend = await botCard('Trend rider');
    expect(within(trend).getByText('Paper')).toBeTruthy();
    expect(within(trend).getByText('Running')).toBeTruthy();
    expect(within(trend).getByText('+1.5 USDT')).toBeTruthy();
    expect(within(trend).getByText('-0.25 USDT')).toBeTruthy();
    const actions = within(trend).getByRole('group', { name: 'Actions for Trend rider' });
    const names = within(actions)
      .getAllByRole('button')
      .map((b) => b.textContent);
    // A running bot cannot be deleted or change mode: those are left out.
    expect(names).toEqual(['Pause', 'Restart', 'Stop']);
    expect(within(actions).getByRole('link', { name: 'Edit' })).toBeTruthy();

    const live = await botCard('Real deal');
    expect(within(live).getByText('LIVE · real money')).toBeTruthy();
    const liveActions = within(live).getByRole('group', { name: 'Actions for Real deal' });
    expect(
      within(liveActions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Start (Live)', 'Switch to Paper', 'Delete']);
    expect(within(live).getAllByText('not known yet')).toHaveLength(3);

    const broken = await botCard('Broken');
    expect(
      within(broken).getByText('The bot’s process keeps exiting right after it starts.'),
    ).toBeTruthy();
    expect(within(broken).getByText(/exit status 2/)).toBeTruthy();
    expect(within(broken).getByRole('button', { name: 'Retry' })).toBeTruthy();

    const leaving = await botCard('Leaving');
    expect(within(leaving).getByText(/Running · stopping…/)).toBeTruthy();
    expect(within(leaving).getByText('Stopping its process…')).toBeTruthy();

    const burnt = await botCard('Burnt');
    expect(within(burnt).getByText(/Daily loss limit hit on/)).toBeTruthy();
    expect(
      within(burnt).getByRole('button', { name: 'Resume' }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(within(burnt).getByRole('button', { name: 'Re-arm' })).toBeTruthy();
  });

  test('when a viewer opens Bots, then everything shows and nothing can be changed', async () => {
    api.addUser({ username: 'root', password: 'correct horse battery', role: 'admin' });
    api.signIn(api.addUser({ username: 'bruno', password: 'viewer passphrase', role: 'viewer' }));
    addFakeBot(api.state.bots, { name: 'Trend rider', desiredState: 'RUNNING', state: 'RUNNING' });

    renderApp(api, '/bots');

    const card = await botCard('Trend rider');
    expect(screen.getByText(/only an administrator can change them/)).toBeTruthy();
    expect(within(card).queryByRole('group')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Create bot' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause all' })).toBeNull();
    expect(within(card).getByRole('button', { name: 'Show configuration' })).toBeTruthy();
  });

  test('when the server pushes a bot event, then the card changes without reloading the list', async () => {
    signIn();
    const bot = addFakeBot(api.state.bots, {
      name: 'Trend rider',
      desiredState: 'RUNNING',
      state: 'RUNNING',
    });
    renderApp(api, '/bots');
    const card = await botCard('Trend rider');
    await waitFor(() =>
      expect(api.ws.received).toContainEqual({
        type: 'subscribe',
        channels: expect.arrayContaining(['bots']),
      }),
    );
    // The first read, then the one the subscription asks for; an event needs no further read.
    await waitFor(() => expect(api.requestsTo('GET', '/api/bots')).toHaveLength(2));

    api.changeBot(bot.id, (b) => {
      b.state = 'ERROR';
      b.errorReason = 'api-unreachable';
      b.stateReason = 'its API does not answer: connect ECONNREFUSED';
    });

    expect(
      await within(card).findByText('The bot’s API has not answered for too long.'),
    ).toBeTruthy();
    expect(within(card).getByText('Error')).toBeTruthy();
    expect(api.requestsTo('GET', '/api/bots')).toHaveLength(2);
  });

  test('when another tab deletes a bot, then its card goes away without a reload', async () => {
    signIn();
    const bot = addFakeBot(api.state.bots, {
      name: 'Short lived',
      desiredState: 'STOPPED',
      state: 'STOPPED',
    });
    addFakeBot(api.state.bots, { name: 'Stays', desiredState: 'STOPPED', state: 'STOPPED' });
    renderApp(api, '/bots');
    await botCard('Short lived');
    await waitFor(() => expect(api.requestsTo('GET', '/api/bots')).toHaveLength(2));

    api.state.bots.bots = api.state.bots.bots.filter((b) => b.id !== bot.id);
    api.ws.publish('bots', { deletedId: bot.id }, bot.id);

    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Short lived' })).toBeNull());
    expect(await botCard('Stays')).toBeTruthy();
    expect(api.requestsTo('GET', '/api/bots')).toHaveLength(2);
  });

  test('when the socket drops and comes back, then the list is read again so no change is missed', async () => {
    signIn();
    const bot = addFakeBot(api.state.bots, {
      name: 'Trend rider',
      desiredState: 'RUNNING',
      state: 'RUNNING',
    });
    renderApp(api, '/bots');
    const card = await botCard('Trend rider');
    // The first read, then the one every (re)subscription asks for.
    await waitFor(() => expect(api.requestsTo('GET', '/api/bots')).toHaveLength(2));
    const reads = api.requestsTo('GET', '/api/bots').length;

    api.ws.dropAll();
    bot.desiredState = 'PAUSED';
    bot.state = 'PAUSED';

    expect(await within(card).findByText('Paused', {}, { timeout: 15_000 })).toBeTruthy();
    expect(api.requestsTo('GET', '/api/bots').length).toBeGreaterThan(reads);
  }, 30_000);

  test('when the configuration is opened, then the redacted config and its history diff show', async () => {
    signIn();
    const bot = addFakeBot(api.state.bots, { name: 'Trend rider' });
    bot.stakeAmount = 25;
    const { recordConfig } = await import('../testing/fake-bots-state');
    recordConfig(api.state.bots, bot, 'edited');
    renderApp(api, '/bots');
    const card = await botCard('Trend rider');

    fireEvent.click(within(card).getByRole('button', { name: 'Show configuration' }));

    const region = await within(card).findByRole('region', {
      name: 'Configuration of Trend rider',
    });
    const config = await within(region).findByLabelText(/Current Freqtrade configuration/);
    expect(config.textContent).toContain('"stake_amount": 25');
    expect(config.textContent).toContain('"password": "[redacted]"');
    expect(config.textContent).not.toContain('loopback-password');
    expect(within(region).getByText('Version 2').closest('p')?.textContent).toMatch(/· edited$/);
    const newest = within(region).getByText('Version 2').closest('li');
    if (!newest) throw new Error('no version 2');
    expect(
      within(newest)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['stake_amountbefore: 20 → after: 25']);
  });

  test('when bots exist, then the dashboard counts them by state and says how many are Live', async () => {
    signIn();
    addFakeBot(api.state.bots, { desiredState: 'RUNNING', state: 'RUNNING' });
    addFakeBot(api.state.bots, { desiredState: 'RUNNING', state: 'RUNNING' });
    addFakeBot(api.state.bots, { mode: 'REAL_MARKET_SPOT', dailyLossLimit: 5 });

    renderApp(api, '/');

    const card = await screen.findByRole('region', { name: 'Bots' });
    expect(await within(card).findByText('Running')).toBeTruthy();
    expect(within(card).getByText('Running').nextElementSibling?.textContent).toBe('2');
    expect(within(card).getByText('Created').nextElementSibling?.textContent).toBe('1');
    expect(within(card).getByText('1 Live bot(s) trade real money.')).toBeTruthy();
  });
});
