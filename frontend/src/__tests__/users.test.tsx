import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

async function openUsers() {
  renderApp(api, '/settings');
  const region = await screen.findByRole('region', { name: 'Users' });
  await within(region).findByRole('table');
  return region;
}

describe('settings › users', () => {
  test('when an admin adds a viewer, then the list shows them and the server has them', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    const region = await openUsers();

    fireEvent.change(within(region).getByLabelText('New viewer username'), {
      target: { value: 'bruno' },
    });
    fireEvent.change(within(region).getByLabelText('New viewer password'), {
      target: { value: 'viewer passphrase' },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Add viewer' }));

    expect(await within(region).findByText('Viewer bruno added.')).toBeTruthy();
    expect(await within(region).findByRole('cell', { name: 'bruno' })).toBeTruthy();
    expect(api.state.users.find((u) => u.username === 'bruno')?.role).toBe('viewer');
    expect(api.requestsTo('POST', '/api/users')[0]?.body).toEqual({
      username: 'bruno',
      password: 'viewer passphrase',
      role: 'viewer',
    });
  });

  test('when the name is taken, then the admin is told so', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    api.addUser({ username: 'bruno', password: 'viewer passphrase', role: 'viewer' });
    const region = await openUsers();

    fireEvent.change(within(region).getByLabelText('New viewer username'), {
      target: { value: 'bruno' },
    });
    fireEvent.change(within(region).getByLabelText('New viewer password'), {
      target: { value: 'viewer passphrase' },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Add viewer' }));

    expect((await within(region).findByRole('alert')).textContent).toBe(
      'A user with this name already exists.',
    );
    expect(api.state.users).toHaveLength(2);
  });

  test('when removing, then a dialog asks first; Escape keeps the user, confirming removes them', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    api.addUser({ username: 'bruno', password: 'viewer passphrase', role: 'viewer' });
    const region = await openUsers();
    expect(within(region).queryByRole('button', { name: 'Remove user ana' })).toBeNull();

    fireEvent.click(within(region).getByRole('button', { name: 'Remove user bruno' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove user bruno?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo('DELETE', '/api/users/2')).toHaveLength(0);

    fireEvent.click(within(region).getByRole('button', { name: 'Remove user bruno' }));
    const again = await screen.findByRole('dialog', { name: 'Remove user bruno?' });
    fireEvent.click(within(again).getByRole('button', { name: 'Remove user' }));

    expect(await within(region).findByText('User bruno removed.')).toBeTruthy();
    await waitFor(() => expect(within(region).queryByRole('cell', { name: 'bruno' })).toBeNull());
    expect(api.state.users.map((u) => u.username)).toEqual(['ana']);
    expect(api.requestsTo('DELETE', '/api/users/2')[0]?.headers['x-csrf-token']).toBe('csrf-0');
  });

  test('when Tab leaves the last button of the dialog, then focus wraps to the first', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    api.addUser({ username: 'bruno', password: 'viewer passphrase', role: 'viewer' });
    const region = await openUsers();
    fireEvent.click(within(region).getByRole('button', { name: 'Remove user bruno' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Remove user' });
    confirm.focus();

    fireEvent.keyDown(dialog, { key: 'Tab' });

    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
  });

  test('when a viewer opens Settings, then users are listed read-only', async () => {
    api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' });
    api.signIn(api.addUser({ username: 'bruno', password: 'viewer passphrase', role: 'viewer' }));

    const region = await openUsers();

    expect(within(region).getByText('Only an administrator can add or remove users.')).toBeTruthy();
    expect(within(region).getByRole('cell', { name: 'ana' })).toBeTruthy();
    expect(within(region).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(region).queryByLabelText('New viewer username')).toBeNull();
    expect(screen.getByRole('button', { name: 'Change password' })).toBeTruthy();
  });

  test('when the current password is wrong, then the change is refused with a message', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    renderApp(api, '/settings');
    const account = await screen.findByRole('region', { name: 'Account' });

    fireEvent.change(within(account).getByLabelText('Current password'), {
      target: { value: 'nope' },
    });
    fireEvent.change(within(account).getByLabelText('New password'), {
      target: { value: 'brand new passphrase' },
    });
    fireEvent.change(within(account).getByLabelText('Confirm new password'), {
      target: { value: 'brand new passphrase' },
    });
    fireEvent.click(within(account).getByRole('button', { name: 'Change password' }));

    expect((await within(account).findByRole('alert')).textContent).toBe(
      'Wrong username or password.',
    );
    expect(api.state.users[0]?.password).toBe('correct horse battery');

    fireEvent.change(within(account).getByLabelText('Current password'), {
      target: { value: 'correct horse battery' },
    });
    fireEvent.click(within(account).getByRole('button', { name: 'Change password' }));

    expect(await within(account).findByText(/Password changed/)).toBeTruthy();
    expect(api.state.users[0]?.password).toBe('brand new passphrase');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });
  test('when the CSRF token went stale, then the user is told to retry and the retry succeeds', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    const region = await openUsers();
    api.state.csrfToken = 'rotated-by-a-restart';

    fireEvent.change(within(region).getByLabelText('New viewer username'), {
      target: { value: 'bruno' },
    });
    fireEvent.change(within(region).getByLabelText('New viewer password'), {
      target: { value: 'viewer passphrase' },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Add viewer' }));
    expect((await within(region).findByRole('alert')).textContent).toMatch(/session changed/);
    await waitFor(() => expect(api.requestsTo('GET', '/api/session').length).toBe(2));

    fireEvent.click(within(region).getByRole('button', { name: 'Add viewer' }));

    expect(await within(region).findByText('Viewer bruno added.')).toBeTruthy();
    expect(api.requestsTo('POST', '/api/users').at(-1)?.headers['x-csrf-token']).toBe(
      'rotated-by-a-restart',
    );
  });
});
