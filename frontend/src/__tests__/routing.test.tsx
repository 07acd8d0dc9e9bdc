import { screen, waitFor, within } from '@testing-library/react';
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

describe('routing by session state', () => {
  test('when setup is required, then any page shows Setup', async () => {
    api.state.setupRequired = true;

    const { router } = renderApp(api, '/audit');

    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Spotdesk' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/setup');
    expect(screen.getByText(/docker compose logs spotdesk/)).toBeTruthy();
    expect(screen.getByText(/<data>\/run\/setup-token/)).toBeTruthy();
    expect((screen.getByLabelText('Admin username') as HTMLInputElement).value).toBe('admin');
  });

  test('when nobody is signed in, then a page sends to Login and remembers where to return', async () => {
    api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' });

    const { router } = renderApp(api, '/bots');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?redirectTo=%2Fbots');
  });

  test('when set up already, then /setup sends to Login', async () => {
    const { router } = renderApp(api, '/setup');

    await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' });
    expect(router.state.location.pathname).toBe('/login');
  });

  test('when signed in, then /login sends to the dashboard with its cards', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));

    const { router } = renderApp(api, '/login');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    const status = screen.getByRole('region', { name: 'Orchestrator status' });
    expect(await within(status).findByText('Ready')).toBeTruthy();
    expect(within(status).getByText('Database')).toBeTruthy();
    const system = screen.getByRole('region', { name: 'System' });
    expect(await within(system).findByText('0.1.0-test')).toBeTruthy();
    expect(within(system).getByText('Live trading: disabled by environment')).toBeTruthy();
    const started = within(system).getByText((_, el) => el?.tagName === 'TIME');
    expect(started.getAttribute('datetime')).toBe('2026-01-15T09:30:00.000Z');
    expect(started.textContent).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(
        new Date('2026-01-15T09:30:00.000Z'),
      ),
    );
    const bots = screen.getByRole('region', { name: 'Bots' });
    expect(await within(bots).findByText(/No bots exist yet/)).toBeTruthy();
    expect(within(bots).getByRole('link', { name: 'Go to Bots' }).getAttribute('href')).toBe(
      '/bots',
    );
    const positions = screen.getByRole('region', { name: 'Open positions' });
    expect(await within(positions).findByText('No open positions.')).toBeTruthy();
    const pnl = screen.getByRole('region', { name: 'PnL today' });
    expect(await within(pnl).findByText('No Live bots.')).toBeTruthy();
    expect(within(pnl).getByText('No Paper bots.')).toBeTruthy();
    expect(screen.queryByText('OFFLINE DEMO — simulated market')).toBeNull();
  });

  test('when the orchestrator is not ready (503), then the status card shows each failing check', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    api.state.ready = {
      status: 'not-ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'supervisord', ok: false, reason: 'socket /data/run/supervisor.sock refused' },
      ],
    };

    renderApp(api, '/');

    const status = await screen.findByRole('region', { name: 'Orchestrator status' });
    expect(await within(status).findByText('Not ready')).toBeTruthy();
    expect(within(status).getByText('Failing')).toBeTruthy();
    expect(within(status).getByText('socket /data/run/supervisor.sock refused')).toBeTruthy();
  });

  test('when the instance is a simulation, then the demo banner is on every page', async () => {
    api.state.instance.simulation = true;
    const user = api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' });

    renderApp(api, '/login');
    expect(await screen.findByText('OFFLINE DEMO — simulated market')).toBeTruthy();

    api.signIn(user);
    renderApp(api, '/bots');
    await screen.findByRole('heading', { level: 1, name: 'Bots' });
    expect(screen.getAllByText('OFFLINE DEMO — simulated market')).toHaveLength(2);
  });

  test('when a data request answers 401, then the session is re-read and Login shown', async () => {
    const user = api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' });
    api.signIn(user);
    const { router } = renderApp(api, '/');
    await screen.findByText('0.1.0-test');
    await screen.findByText('Ready');
    // The dashboard re-reads its figures once its WebSocket channels are subscribed; let that pass.
    await waitFor(() =>
      expect(api.requestsTo('GET', '/api/dashboard/summary').length).toBeGreaterThan(1),
    );

    api.state.sessionUserId = null;
    await router.navigate('/settings');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Log in to Spotdesk' }),
    ).toBeTruthy();
    await waitFor(() => expect(api.requestsTo('GET', '/api/session').length).toBeGreaterThan(1));
    expect(api.requestsTo('GET', '/api/users').length).toBeGreaterThan(0);
  });

  test('when no bot exists, then the Bots page says so and links to the create form', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));

    renderApp(api, '/bots');

    expect(await screen.findByRole('heading', { level: 2, name: 'No bots yet' })).toBeTruthy();
    const create = screen.getByRole('link', { name: 'Create bot' });
    expect(create.getAttribute('href')).toBe('/bots/new');
  });
});
