import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { region, signIn } from './dashboard-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

describe('settings › trading day', () => {
  test('when an unknown time zone is saved, then the server’s refusal shows beside the field; a known one is kept', async () => {
    signIn(api);
    renderApp(api, '/settings');
    const card = await region('Trading day');
    const field = await within(card).findByRole('combobox', { name: 'Time zone' });
    expect((field as HTMLInputElement).value).toBe('UTC');

    fireEvent.change(field, { target: { value: 'Mars/Olympus_Mons' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save time zone' }));

    expect(
      await within(card).findByText(
        'Not a known time zone. Use a name like UTC or America/Sao_Paulo.',
      ),
    ).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(api.state.monitor.timeZone).toBe('UTC');

    fireEvent.change(field, { target: { value: 'America/Sao_Paulo' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save time zone' }));

    expect(
      await within(card).findByText('The trading day now starts at midnight in America/Sao_Paulo.'),
    ).toBeTruthy();
    expect(api.state.monitor.timeZone).toBe('America/Sao_Paulo');
    expect(api.requestsTo('PUT', '/api/settings/trading').map((r) => r.body)).toEqual([
      { timeZone: 'Mars/Olympus_Mons' },
      { timeZone: 'America/Sao_Paulo' },
    ]);
  });

  test('when the language is Português, then the refusal is in Portuguese', async () => {
    localStorage.setItem('spotdesk.language', 'pt-BR');
    signIn(api);
    renderApp(api, '/settings');
    const card = await region('Dia de operação');
    const field = await within(card).findByRole('combobox', { name: 'Fuso horário' });

    fireEvent.change(field, { target: { value: 'Lua/Cratera' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Salvar fuso horário' }));

    expect(
      await within(card).findByText(
        'Fuso horário desconhecido. Use um nome como UTC ou America/Sao_Paulo.',
      ),
    ).toBeTruthy();
  });

  test('when a viewer opens Settings, then the time zone is shown read-only', async () => {
    signIn(api, 'viewer');
    api.state.monitor.timeZone = 'Europe/Lisbon';
    renderApp(api, '/settings');

    const card = await region('Trading day');

    expect(await within(card).findByText('Europe/Lisbon')).toBeTruthy();
    expect(within(card).queryByRole('combobox')).toBeNull();
    expect(within(card).queryByRole('textbox')).toBeNull();
    expect(within(card).getByText('Only an administrator can change it.')).toBeTruthy();
  });
});

describe('settings › fill alerts', () => {
  test('when the sound is turned on, then it is remembered; notifications say when the browser has none', async () => {
    signIn(api);
    const first = renderApp(api, '/settings');
    const card = await region('Fill alerts');
    const sound = within(card).getByRole('checkbox', { name: 'A short sound for every fill' });
    expect((sound as HTMLInputElement).checked).toBe(false);

    fireEvent.click(sound);
    fireEvent.click(
      within(card).getByRole('checkbox', { name: 'A system notification for every fill' }),
    );

    expect(localStorage.getItem('spotdesk.fillSound')).toBe('on');
    expect(await within(card).findByText('This browser cannot show notifications.')).toBeTruthy();
    expect(localStorage.getItem('spotdesk.fillNotification')).toBeNull();
    first.unmount();
    renderApp(api, '/settings');
    const again = await region('Fill alerts');
    await waitFor(() =>
      expect(
        (
          within(again).getByRole('checkbox', {
            name: 'A short sound for every fill',
          }) as HTMLInputElement
        ).checked,
      ).toBe(true),
    );
    expect(screen.queryByText('This browser cannot show notifications.')).toBeNull();
  });
});
