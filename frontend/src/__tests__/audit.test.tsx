import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import type { FakeAuditItem } from '../testing/fake-api-state';
import { renderApp } from '../testing/render-app';

let api: FakeApi;

function auditItem(id: number, overrides: Partial<FakeAuditItem> = {}): FakeAuditItem {
  return {
    id,
    at: new Date(Date.UTC(2026, 2, 1, 12, 0, id)).toISOString(),
    actor: { id: 1, username: 'ana' },
    action: 'login',
    target: null,
    before: null,
    after: null,
    reason: null,
    ip: '127.0.0.1',
    ...overrides,
  };
}

beforeEach(async () => {
  api = await startFakeApi();
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));
});

afterEach(async () => {
  await api.close();
});

describe('audit log', () => {
  test('when filters are applied, then the request carries them as the API expects', async () => {
    renderApp(api, '/audit');
    await screen.findByText('No entries match these filters.');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByLabelText('Actor'), { target: { value: ' ana ' } });
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'user-add' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(api.requestsTo('GET', '/api/audit')).toHaveLength(2));
    expect(api.requestsTo('GET', '/api/audit')[0]?.query).toEqual({ limit: '50' });
    expect(api.requestsTo('GET', '/api/audit')[1]?.query).toEqual({
      limit: '50',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 31, 23, 59, 59, 999).toISOString(),
      actor: 'ana',
      action: 'user-add',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(api.requestsTo('GET', '/api/audit').length).toBeGreaterThanOrEqual(2),
    );
    expect((screen.getByLabelText('Actor') as HTMLInputElement).value).toBe('');
  });

  test('when the range is reversed, then it is refused before asking the server', async () => {
    renderApp(api, '/audit');
    await screen.findByText('No entries match these filters.');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-04-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(await screen.findByText('The start date must not be after the end date.')).toBeTruthy();
    expect(api.requestsTo('GET', '/api/audit')).toHaveLength(1);
  });

  test('when there are more pages, then Next sends the cursor and Previous goes back', async () => {
    api.state.audit = Array.from({ length: 60 }, (_, index) => auditItem(index + 1));
    renderApp(api, '/audit');
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('Page 2')).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(11),
    );
    expect(api.requestsTo('GET', '/api/audit').at(-1)?.query).toEqual({
      limit: '50',
      cursor: '50',
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next page' }).hasAttribute('disabled')).toBe(true),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Page 1')).toBeTruthy();
  });

  test('when an entry has before and after, then changed, added and removed keys are shown', async () => {
    api.state.audit = [
      auditItem(1, {
        actor: { id: null, username: 'system' },
        action: 'user-add',
        target: 'user:2',
        before: { role: 'viewer', note: 'old' },
        after: { role: 'admin', username: 'bruno' },
        reason: 'promotion',
      }),
    ];
    renderApp(api, '/audit');
    const table = await screen.findByRole('table');

    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('user-add')).toBeTruthy();
    expect(within(row).getByText('system')).toBeTruthy();
    expect(within(row).getByText('promotion')).toBeTruthy();
    expect(row.querySelector('.diff-changed')?.textContent).toBe(
      'rolebefore: "viewer" → after: "admin"',
    );
    expect(row.querySelector('.diff-added')?.textContent).toBe('usernameafter: "bruno"');
    expect(row.querySelector('.diff-removed')?.textContent).toBe('notebefore: "old"');
  });
});
