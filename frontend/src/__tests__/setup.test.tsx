import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  api.state.setupRequired = true;
});

afterEach(async () => {
  await api.close();
});

function fill(values: { token: string; password: string; confirm: string; username?: string }) {
  fireEvent.change(screen.getByLabelText('Setup token'), { target: { value: values.token } });
  if (values.username !== undefined) {
    fireEvent.change(screen.getByLabelText('Admin username'), {
      target: { value: values.username },
    });
  }
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: values.password } });
  fireEvent.change(screen.getByLabelText('Confirm password'), {
    target: { value: values.confirm },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Create admin account' }));
}

describe('setup', () => {
  test('when the confirmation differs, then it is marked and nothing is sent', async () => {
    renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Set up Spotdesk' });

    fill({ token: api.state.setupToken, password: 'a long passphrase', confirm: 'another one!' });

    expect(await screen.findByText('The passwords do not match.')).toBeTruthy();
    expect(api.requestsTo('POST', '/api/setup')).toHaveLength(0);
  });

  test('when the token is wrong, then the message says to copy it from the log', async () => {
    renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Set up Spotdesk' });

    fill({ token: 'not-the-token', password: 'a long passphrase', confirm: 'a long passphrase' });

    expect((await screen.findByRole('alert')).textContent).toMatch(/setup token is not correct/);
    expect(api.state.setupRequired).toBe(true);
  });

  test('when the password is weak, then the server rule is shown in the panel’s words', async () => {
    renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Set up Spotdesk' });

    fill({ token: api.state.setupToken, password: 'short', confirm: 'short' });

    expect((await screen.findByRole('alert')).textContent).toBe(
      'This password is too weak. Use at least 10 characters.',
    );
  });

  test('when the server rejects a field by a rule the panel does not know, then its message shows beside the field', async () => {
    api.answer('POST', '/api/setup', {
      status: 400,
      body: {
        error: {
          code: 'validation-failed',
          message: 'Invalid request',
          details: {
            issues: [
              {
                path: 'username',
                rule: 'rule-of-a-newer-server',
                params: {},
                message: 'Use letters, digits, dot or dash',
              },
            ],
          },
        },
      },
    });
    renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Set up Spotdesk' });

    fill({
      token: 'x',
      username: 'a b',
      password: 'a long passphrase',
      confirm: 'a long passphrase',
    });

    expect(await screen.findByText('Use letters, digits, dot or dash')).toBeTruthy();
    expect(screen.getByLabelText('Admin username').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Please correct the fields marked below.');
  });

  test('when the token and password are good, then the admin exists and the dashboard shows', async () => {
    const { router } = renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Set up Spotdesk' });

    fill({
      token: api.state.setupToken,
      password: 'a long passphrase',
      confirm: 'a long passphrase',
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    expect(api.state.users.map((u) => [u.username, u.role])).toEqual([['admin', 'admin']]);
    expect(api.requestsTo('POST', '/api/setup')[0]?.body).toEqual({
      setupToken: api.state.setupToken,
      username: 'admin',
      password: 'a long passphrase',
    });
    expect(api.requestsTo('GET', '/api/session').length).toBeGreaterThanOrEqual(2);
  });
  test('when another tab finished setup first, then this one moves on to Login', async () => {
    const { router } = renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Set up Spotdesk' });
    api.state.setupRequired = false;

    fill({
      token: api.state.setupToken,
      password: 'a long passphrase',
      confirm: 'a long passphrase',
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(api.state.users).toHaveLength(0);
  });
});
