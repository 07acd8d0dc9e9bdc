import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

const PASSWORD = 'correct horse battery';
const KEY = 'A'.repeat(60) + 'WXYZ';
const SECRET = 'S'.repeat(64);
let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

function signIn(role: 'admin' | 'viewer' = 'admin') {
  if (role === 'viewer') api.addUser({ username: 'root', password: PASSWORD, role: 'admin' });
  api.signIn(api.addUser({ username: 'ana', password: PASSWORD, role }));
}

async function region(name: string) {
  renderApp(api, '/settings');
  return screen.findByRole('region', { name });
}

function saveKey(card: HTMLElement) {
  fireEvent.change(within(card).getByLabelText('API key'), { target: { value: KEY } });
  fireEvent.change(within(card).getByLabelText('Secret key'), { target: { value: SECRET } });
  fireEvent.click(within(card).getByRole('button', { name: 'Check and save' }));
}

describe('settings › Binance key, Live switch, blocked pairs', () => {
  test('when a key is saved, then only its hint, rights, warning and the balances show', async () => {
    signIn();
    const card = await region('Binance API key');
    expect(await within(card).findByText('No key is saved.')).toBeTruthy();

    saveKey(card);

    expect(
      await within(card).findByText('The key was checked with Binance and saved.'),
    ).toBeTruthy();
    expect(within(card).getByText('…WXYZ')).toBeTruthy();
    expect(within(card).getByText(/not restricted to trusted IP addresses/)).toBeTruthy();
    expect(within(card).getByRole('cell', { name: '1,250.5' })).toBeTruthy();
    expect((within(card).getByLabelText('API key') as HTMLInputElement).value).toBe('');
    expect(card.textContent).not.toContain(KEY);
    expect(api.requestsTo('PUT', '/api/settings/exchange')[0]?.body).toEqual({
      apiKey: KEY,
      secret: SECRET,
    });
  });

  test('when Binance says the key can withdraw, then it is refused with the setting to change', async () => {
    signIn();
    api.state.bots.keyCheck.error = 'exchange-key-can-withdraw';
    const card = await region('Binance API key');
    await within(card).findByText('No key is saved.');

    saveKey(card);

    expect((await within(card).findByRole('alert')).textContent).toMatch(
      /turn off "Enable Withdrawals"/,
    );
    expect(api.state.bots.exchangeKey).toBeNull();
  });

  test('when a key is too short, then the field says so in place', async () => {
    signIn();
    const card = await region('Binance API key');
    await within(card).findByText('No key is saved.');
    fireEvent.change(within(card).getByLabelText('API key'), { target: { value: 'short' } });
    fireEvent.change(within(card).getByLabelText('Secret key'), { target: { value: SECRET } });

    fireEvent.click(within(card).getByRole('button', { name: 'Check and save' }));

    expect(await within(card).findByText('Use at least 16 characters.')).toBeTruthy();
  });

  test('when the key is removed, then a confirmation comes first and the gate closes', async () => {
    signIn();
    api.state.bots.exchangeKey = {
      hint: 'WXYZ',
      canTrade: true,
      canWithdraw: false,
      ipRestricted: true,
      warnings: [],
      checkedAt: api.state.bots.now,
    };
    const card = await region('Binance API key');
    fireEvent.click(await within(card).findByRole('button', { name: 'Remove key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the Binance key?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove key' }));

    expect(await within(card).findByText('No key is saved.')).toBeTruthy();
    expect(api.state.bots.exchangeKey).toBeNull();
  });

  test('when the Live switch is turned on, then the password is checked first', async () => {
    signIn();
    const card = await region('Live trading');
    const gates = await within(card).findByRole('list', { name: 'Live gates' });
    expect(within(gates).getByText(/Set SPOTDESK_LIVE_TRADING=enabled/)).toBeTruthy();
    expect(within(card).getByText('The Live switch is off.')).toBeTruthy();

    fireEvent.change(within(card).getByLabelText('Your current password'), {
      target: { value: 'wrong one' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Turn Live switch on' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'The password is not correct. Live steps need your current password.',
    );
    fireEvent.change(within(card).getByLabelText('Your current password'), {
      target: { value: PASSWORD },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Turn Live switch on' }));

    expect(await within(card).findByText('The Live switch is now on.')).toBeTruthy();
    expect(within(card).getByText('The Live switch is on.')).toBeTruthy();
    expect(api.state.bots.live.masterSwitch).toBe(true);
    expect(within(card).getByRole('button', { name: 'Turn Live switch off' })).toBeTruthy();
  });

  test('when blocked pairs are edited, then they are saved, and a bad one is marked', async () => {
    signIn();
    const card = await region('Blocked pairs');
    await within(card).findByText('No pair is blocked.');

    fireEvent.change(within(card).getByLabelText('Pair to block'), {
      target: { value: 'luna/usdt' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Block pair' }));
    fireEvent.change(within(card).getByLabelText('Pair to block'), { target: { value: 'NOPE' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Block pair' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Save blocked pairs' }));

    const bad = (await within(card).findByText('NOPE')).closest('li');
    await waitFor(() => expect(bad?.textContent).toContain('Write it as BASE/QUOTE in capitals'));
    fireEvent.click(within(card).getByRole('button', { name: 'Unblock NOPE' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Save blocked pairs' }));

    expect(await within(card).findByText('Blocked pairs saved.')).toBeTruthy();
    expect(api.state.bots.blockedPairs).toEqual(['LUNA/USDT']);
  });

  test('when a viewer opens Settings, then the money settings are read-only', async () => {
    signIn('viewer');
    api.state.bots.blockedPairs = ['LUNA/USDT'];

    const key = await region('Binance API key');

    expect(
      await within(key).findByText('Only an administrator can save or remove the key.'),
    ).toBeTruthy();
    expect(within(key).queryByLabelText('API key')).toBeNull();
    const live = screen.getByRole('region', { name: 'Live trading' });
    expect(await within(live).findByText('The Live switch is off.')).toBeTruthy();
    expect(within(live).queryByRole('button')).toBeNull();
    const blocked = screen.getByRole('region', { name: 'Blocked pairs' });
    expect(await within(blocked).findByText('LUNA/USDT')).toBeTruthy();
    expect(within(blocked).queryByRole('button')).toBeNull();
  });
});
