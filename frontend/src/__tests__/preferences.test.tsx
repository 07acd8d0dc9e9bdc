import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
});

afterEach(async () => {
  await api.close();
});

describe('language', () => {
  test('when Português is picked in the top bar, then the page, <html lang> and the next visit use it', async () => {
    const first = renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'pt-BR' },
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Painel' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sair' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Navegação principal' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('pt-BR');
    expect(localStorage.getItem('spotdesk.language')).toBe('pt-BR');
    expect(await screen.findByText('Operação real: desativada pelo ambiente')).toBeTruthy();

    first.unmount();
    renderApp(api, '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Painel' })).toBeTruthy();
  });

  test('when Settings changes the language back, then English returns', async () => {
    localStorage.setItem('spotdesk.language', 'pt-BR');
    renderApp(api, '/settings');
    await screen.findByRole('heading', { level: 1, name: 'Configurações' });

    const picker = screen
      .getAllByRole('combobox')
      .find((element) => element.closest('section') !== null);
    expect(picker).toBeTruthy();
    fireEvent.change(picker as HTMLElement, { target: { value: 'en' } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(localStorage.getItem('spotdesk.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('theme', () => {
  test('when Dark is chosen, then it applies and is remembered; System removes the override', async () => {
    const first = renderApp(api, '/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(
      (screen.getByRole('radio', { name: 'Same as the system' }) as HTMLInputElement).checked,
    ).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));

    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(localStorage.getItem('spotdesk.theme')).toBe('dark');

    first.unmount();
    document.documentElement.removeAttribute('data-theme');
    renderApp(api, '/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');

    fireEvent.click(screen.getByRole('radio', { name: 'Same as the system' }));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem('spotdesk.theme')).toBe('system');
  });
});
