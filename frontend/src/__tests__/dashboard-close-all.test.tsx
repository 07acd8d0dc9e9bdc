import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { region, signIn, tradingDay } from './dashboard-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  signIn(api);
});

afterEach(async () => {
  await api.close();
});

describe('dashboard › close all', () => {
  test('when CLOSE ALL is not typed exactly, then nothing is sent; once it is, the report lists every bot', async () => {
    const { live, paper } = tradingDay(api);
    api.state.monitor.closeOutcomes.set(paper.id, {
      result: 'failed',
      error: 'the bot API did not answer within 45 s',
    });
    renderApp(api, '/');
    const actions = await region('Quick actions');

    fireEvent.click(within(actions).getByRole('button', { name: 'Close all positions' }));

    const dialog = await screen.findByRole('dialog', { name: 'Close every position?' });
    const confirm = within(dialog).getByRole('button', { name: 'Close all now' });
    const phrase = within(dialog).getByRole('textbox', { name: 'Type CLOSE ALL to confirm' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(phrase, { target: { value: 'close all' } });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(phrase, { key: 'Enter' });
    expect(
      await within(dialog).findByText('Type CLOSE ALL exactly, in capitals, to confirm.'),
    ).toBeTruthy();
    expect(api.requestsTo('POST', '/api/emergency/close-all')).toHaveLength(0);

    fireEvent.change(phrase, { target: { value: 'CLOSE ALL' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason/ }), {
      target: { value: 'exchange outage' },
    });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);

    const report = await screen.findByRole('dialog', { name: 'Close-all report' });
    expect(within(report).getByText('1 of 2 bot(s) are flat.')).toBeTruthy();
    const table = within(report).getByRole('table', { name: 'Result per bot' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['Real deal Live', 'Closed', '1 → 0'],
      [
        'Trend rider Paper',
        'Failedthe bot API did not answer within 45 s',
        'not known yet → not known yet',
      ],
    ]);
    expect(api.requestsTo('POST', '/api/emergency/close-all').map((r) => r.body)).toEqual([
      { confirm: 'CLOSE ALL', reason: 'exchange outage' },
    ]);
    expect(live.desiredState).toBe('PAUSED');
    expect(paper.desiredState).toBe('PAUSED');

    fireEvent.click(within(report).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const positions = await region('Open positions');
    await waitFor(() => expect(within(positions).queryByText('BTC/USDT')).toBeNull());
    expect(within(positions).getByText('ETH/USDT')).toBeTruthy();
  });

  test('when the server refuses close-all, then the dialog shows why in the panel’s words', async () => {
    tradingDay(api);
    api.answer('POST', '/api/emergency/close-all', {
      status: 403,
      body: { error: { code: 'forbidden', message: 'admins only' } },
    });
    renderApp(api, '/');
    fireEvent.click(await screen.findByRole('button', { name: 'Close all positions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close every position?' });

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Type CLOSE ALL to confirm' }), {
      target: { value: 'CLOSE ALL' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close all now' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Your role does not allow this action.',
    );
  });
});
