import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'viewer' }));
});

afterEach(async () => {
  await api.close();
});

describe('app shell', () => {
  test('when the phone menu opens, then Escape closes it and focus returns to the button', async () => {
    renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    within(nav).getByRole('link', { name: 'Bots' }).focus();
    fireEvent.keyDown(nav, { key: 'Escape' });

    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  test('when a nav link is followed, then the page changes, the link is current and the menu folds', async () => {
    const { router } = renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    fireEvent.click(screen.getByRole('button', { name: 'Menu' }));

    fireEvent.click(screen.getByRole('link', { name: 'Audit log' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/audit');
    expect(screen.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe(
        'false',
      ),
    );
    expect(document.title).toBe('Audit log · Spotdesk');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  test('when the page loads, then the skip link points at the main landmark', async () => {
    renderApp(api, '/bots');
    await screen.findByRole('heading', { level: 1, name: 'Bots' });

    const skip = screen.getByRole('link', { name: 'Skip to content' });

    expect(skip.getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
  });

  test('when an unknown page is asked for, then a translated not-found page links home', async () => {
    localStorage.setItem('spotdesk.language', 'pt-BR');
    renderApp(api, '/nope');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Página não encontrada' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voltar ao painel' }).getAttribute('href')).toBe('/');
  });
});
