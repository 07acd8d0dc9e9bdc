import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' });
});

afterEach(async () => {
  await api.close();
});

function submitLogin(
  username: string,
  password: string,
  labels = { user: 'Username', pass: 'Password', submit: 'Log in' },
) {
  fireEvent.change(screen.getByLabelText(labels.user), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(labels.pass), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: labels.submit }));
}

describe('login', () => {
  test('when the password is wrong, then a clear message shows and no session starts', async () => {
    renderApp(api, '/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });

    submitLogin('ana', 'wrong password');

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.');
    expect(api.state.sessionUserId).toBeNull();
    const [request] = api.requestsTo('POST', '/api/auth/login');
    expect(request?.body).toEqual({ username: 'ana', password: 'wrong password' });
    expect(request?.headers['x-csrf-token']).toBe('csrf-0');
  });

  test('when the password is wrong in Portuguese, then the message is Portuguese', async () => {
    localStorage.setItem('spotdesk.language', 'pt-BR');
    renderApp(api, '/login');
    await screen.findByRole('heading', { level: 1, name: 'Entrar no Spotdesk' });

    submitLogin('ana', 'errada', { user: 'Usuário', pass: 'Senha', submit: 'Entrar' });

    expect((await screen.findByRole('alert')).textContent).toBe('Usuário ou senha incorretos.');
    expect(document.documentElement.lang).toBe('pt-BR');
  });

  test('when logins are throttled, then the wait is shown in seconds in both languages', async () => {
    api.state.loginThrottleSeconds = 1200;
    renderApp(api, '/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });

    submitLogin('ana', 'whatever');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many failed attempts. Try again in 1,200 seconds.',
    );

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'pt-BR' },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Muitas tentativas sem sucesso. Tente de novo em 1.200 segundos.',
    );
  });

  test('when fields are empty, then each is marked and nothing is sent', async () => {
    renderApp(api, '/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });

    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findAllByText('This field is required.')).toHaveLength(2);
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
    expect(api.requestsTo('POST', '/api/auth/login')).toHaveLength(0);
  });

  test('when the wait is one second, then the message is singular', async () => {
    api.state.loginThrottleSeconds = 1;
    renderApp(api, '/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });

    submitLogin('ana', 'whatever');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many failed attempts. Try again in 1 second.',
    );
  });

  test('when the server is down, then a network message shows', async () => {
    renderApp(api, '/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });
    await api.close();

    submitLogin('ana', 'correct horse battery');

    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be reached/);
  });

  test('when login succeeds, then the dashboard shows; logout sends the new CSRF token and returns to Login', async () => {
    const { router } = renderApp(api, '/login?redirectTo=%2Fbots');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });

    submitLogin('ana', 'correct horse battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bots' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/bots');
    expect(screen.getByText('Signed in as ana (admin)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' }),
    ).toBeTruthy();
    expect(router.state.location.pathname + router.state.location.search).toBe('/login');
    const [logoutRequest] = api.requestsTo('POST', '/api/auth/logout');
    expect(logoutRequest?.headers['x-csrf-token']).toBe('csrf-1');
    expect(api.state.sessionUserId).toBeNull();
  });

  test('when a redirect target is another site, then login goes to the dashboard instead', async () => {
    const { router } = renderApp(api, '/login?redirectTo=%2F%2Fevil.example');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });

    submitLogin('ana', 'correct horse battery');

    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
