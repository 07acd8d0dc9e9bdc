import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { AppProvider } from '../app/provider';
import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
  // React logs caught render errors to the console; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await api.close();
});

describe('error boundaries', () => {
  test('when /api/system answers a shape we do not know, then only its card fails, and retry recovers', async () => {
    api.answer('GET', '/api/system', { status: 200, body: { version: 7 } });
    renderApp(api, '/');

    // The loading card is replaced by the fallback, so look the region up once it has failed.
    await screen.findByText('This card could not be shown.');
    const failed = screen.getByRole('region', { name: 'System' });
    expect(within(failed).getByRole('alert').textContent).toBe(
      'The server sent an answer this panel does not understand.',
    );
    const status = screen.getByRole('region', { name: 'Orchestrator status' });
    expect(await within(status).findByText('Ready')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'PnL today' })).toBeTruthy();

    api.state.canned.clear();
    fireEvent.click(within(failed).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('0.1.0-test')).toBeTruthy();
    expect(screen.queryByText('This card could not be shown.')).toBeNull();
  });

  test('when /api/system answers 500 internal-error, then its card says so in the panel’s words', async () => {
    api.answer('GET', '/api/system', {
      status: 500,
      body: { error: { code: 'internal-error', message: 'Internal error' } },
    });
    renderApp(api, '/');

    await screen.findByText('This card could not be shown.');
    const card = screen.getByRole('region', { name: 'System' });
    expect(within(card).getByRole('alert').textContent).toBe(
      'Something went wrong on the server. The details are in the server log.',
    );
  });

  test('when /api/system answers a code the panel does not know, then its card shows the server message translated around it', async () => {
    api.answer('GET', '/api/system', {
      status: 502,
      body: { error: { code: 'gateway-exploded', message: 'Bad gateway' } },
    });
    renderApp(api, '/');

    await screen.findByText('This card could not be shown.');
    const card = screen.getByRole('region', { name: 'System' });
    expect(within(card).getByRole('alert').textContent).toBe('Something went wrong: Bad gateway');
  });

  test('when the session cannot be loaded, then a translated message offers a retry', async () => {
    api.answer('GET', '/api/session', { status: 200, rawBody: 'not json' });
    renderApp(api, '/');

    expect(
      await screen.findByRole('heading', { name: 'Spotdesk could not reach its server.' }),
    ).toBeTruthy();

    api.state.canned.clear();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
  });

  test('when a component throws outside the router, then the root boundary shows a way back', async () => {
    let shouldThrow = true;
    function Fragile() {
      if (shouldThrow) throw new Error('render exploded');
      return <p>recovered</p>;
    }
    render(
      <AppProvider queryClient={new QueryClient()} apiBaseUrl={api.url}>
        <Fragile />
      </AppProvider>,
    );

    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Something went wrong: render exploded');
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();

    shouldThrow = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('recovered')).toBeTruthy();
  });
});
