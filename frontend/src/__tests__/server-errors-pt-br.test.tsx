import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

// The fake refuses with the orchestrator's own schemas and password policy, so these are the
// rules and params the real server sends; the panel must say them in Portuguese.
let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  localStorage.setItem('spotdesk.language', 'pt-BR');
});

afterEach(async () => {
  await api.close();
});

async function openUsers() {
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
  renderApp(api, '/settings');
  const region = await screen.findByRole('region', { name: 'Usuários' });
  await within(region).findByRole('table');
  return region;
}

function addViewer(region: HTMLElement, username: string, password: string) {
  fireEvent.change(within(region).getByLabelText('Usuário do novo observador'), {
    target: { value: username },
  });
  fireEvent.change(within(region).getByLabelText('Senha do novo observador'), {
    target: { value: password },
  });
  fireEvent.click(within(region).getByRole('button', { name: 'Adicionar observador' }));
}

describe('server errors in Portuguese', () => {
  test('when a new username is too short, then the field says so in Portuguese with the minimum', async () => {
    const region = await openUsers();

    addViewer(region, 'bo', 'viewer passphrase');

    expect(await within(region).findByText('Use pelo menos 3 caracteres.')).toBeTruthy();
    const field = within(region).getByLabelText('Usuário do novo observador');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(region).getByRole('alert').textContent).toBe(
      'Corrija os campos indicados abaixo.',
    );
    expect(api.requestsTo('POST', '/api/users')).toHaveLength(1);
    expect(api.state.users).toHaveLength(1);
  });

  test('when a new username has a space, then the allowed characters are named in Portuguese', async () => {
    const region = await openUsers();

    addViewer(region, 'ana maria', 'viewer passphrase');

    expect(
      await within(region).findByText('Use apenas letras, números, ponto, hífen e sublinhado.'),
    ).toBeTruthy();
    expect(region.textContent).not.toMatch(/may contain only/);
  });

  test('when the viewer password equals the username, then the reason is Portuguese', async () => {
    const region = await openUsers();

    addViewer(region, 'bruno.silva', 'Bruno.Silva');

    expect((await within(region).findByRole('alert')).textContent).toBe(
      'Esta senha é fraca demais. Ela não pode ser igual ao nome de usuário.',
    );
    expect(api.state.users).toHaveLength(1);
  });

  test('when the setup password is short, then the minimum length is said in Portuguese', async () => {
    api.state.setupRequired = true;
    renderApp(api, '/');
    await screen.findByRole('heading', { level: 1, name: 'Configurar o Spotdesk' });

    fireEvent.change(screen.getByLabelText('Token de configuração'), {
      target: { value: api.state.setupToken },
    });
    fireEvent.change(screen.getByLabelText('Senha'), { target: { value: 'curta' } });
    fireEvent.change(screen.getByLabelText('Confirme a senha'), { target: { value: 'curta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Criar conta de administrador' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Esta senha é fraca demais. Use pelo menos 10 caracteres.',
    );
    expect(api.state.setupRequired).toBe(true);
  });

  test('when the new password is a common one, then the change is refused in Portuguese', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
    renderApp(api, '/settings');
    const account = await screen.findByRole('region', { name: 'Conta' });

    fireEvent.change(within(account).getByLabelText('Senha atual'), {
      target: { value: 'correct horse battery' },
    });
    for (const label of ['Nova senha', 'Confirme a nova senha']) {
      fireEvent.change(within(account).getByLabelText(label), { target: { value: 'password123' } });
    }
    fireEvent.click(within(account).getByRole('button', { name: 'Trocar senha' }));

    expect((await within(account).findByRole('alert')).textContent).toBe(
      'Esta senha é fraca demais. Ela aparece em listas de senhas comuns; escolha outra.',
    );
    expect(api.state.users[0]?.password).toBe('correct horse battery');
  });

  test('when the user to remove is already gone, then user-not-found is said in Portuguese', async () => {
    api.addUser({ username: 'bruno', password: 'viewer passphrase', role: 'viewer' });
    const region = await openUsers();
    fireEvent.click(within(region).getByRole('button', { name: 'Remover o usuário bruno' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remover o usuário bruno?' });
    api.state.users = api.state.users.filter((user) => user.username !== 'bruno');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remover usuário' }));

    expect(await within(region).findByText('Este usuário não existe mais.')).toBeTruthy();
    expect(api.requestsTo('DELETE', '/api/users/1')).toHaveLength(1);
  });

  test('when the server refuses to remove the last admin, then last-admin is said in Portuguese', async () => {
    api.addUser({ username: 'bia', password: 'another passphrase', role: 'admin' });
    api.answer('DELETE', '/api/users/1', {
      status: 409,
      body: { error: { code: 'last-admin', message: 'the last admin cannot be removed' } },
    });
    const region = await openUsers();
    fireEvent.click(within(region).getByRole('button', { name: 'Remover o usuário bia' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remover o usuário bia?' });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remover usuário' }));

    expect(
      await within(region).findByText('O último administrador não pode ser removido.'),
    ).toBeTruthy();
    expect(api.state.users.map((user) => user.username)).toEqual(['bia', 'ana']);
  });
});
