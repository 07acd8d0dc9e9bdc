import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { region, signIn, tradingDay } from './dashboard-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

/** A section inside a card, named by its heading (the mode badge). */
function part(card: HTMLElement, name: string) {
  return within(card).getByRole('region', { name: new RegExp(`^${name}`) });
}

/** The text of each cell of the table row whose header or first cell is `first`. */
function rowCells(table: HTMLElement, first: string | RegExp) {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => {
      const text = r.firstElementChild?.textContent ?? '';
      return typeof first === 'string' ? text.startsWith(first) : first.test(text);
    });
  if (!row) throw new Error(`no row starting with ${String(first)}`);
  return Array.from(row.children, (cell) => cell.textContent);
}

describe('dashboard › figures', () => {
  test('when Live and Paper bots traded today, then each mode shows its own PnL, trades and exposure, never a sum', async () => {
    signIn(api);
    tradingDay(api);

    renderApp(api, '/');

    const pnl = await region('PnL today');
    const live = await within(pnl).findByRole('region', { name: /^LIVE · real money/ });
    expect(within(live).getByText('+12.5 USDT')).toBeTruthy();
    expect(within(live).getByText('(+2.50%)')).toBeTruthy();
    expect(within(live).getByText('Open trades').nextElementSibling?.textContent).toBe('1');
    expect(within(live).getByText('Exposure').nextElementSibling?.textContent).toBe('19.95 USDT');
    expect(within(live).getByText('Active bots').nextElementSibling?.textContent).toBe('1 of 1');
    const paper = part(pnl, 'Paper');
    expect(within(paper).getByText('-10 USDT')).toBeTruthy();
    expect(within(paper).getByText('(-1.00%)')).toBeTruthy();
    expect(within(paper).getByText('Exposure').nextElementSibling?.textContent).toBe('34.5 USDT');
    // The two are never added together: +12.5 − 10 would read +2.5.
    expect(within(pnl).queryByText(/\+2\.5 USDT/)).toBeNull();
    expect(within(pnl).getByText(/Today started at .* \(time zone UTC\)\./)).toBeTruthy();

    const tip = within(live).getByRole('button', { name: 'About PnL today' });
    const definition = document.getElementById(tip.getAttribute('aria-describedby') ?? '');
    expect(definition?.textContent).toBe(
      'PnL today = realised + unrealised since the trading day’s start (time zone UTC); % = PnL today ÷ equity at the day’s start.',
    );

    const balances = await region('Balances');
    const account = part(balances, 'LIVE · real money');
    expect(rowCells(account, 'USDT')).toEqual(['USDT', '1,250.5', '20']);
    expect(rowCells(account, 'BTC')).toEqual(['BTC', '0.0003', '0']);
    const wallets = part(balances, 'Paper');
    expect(rowCells(wallets, 'Trend rider')).toEqual(['Trend rider', '1,000 USDT', '990 USDT']);
    expect(within(wallets).queryByText('Real deal')).toBeNull();

    const exchange = await region('Exchange (Binance)');
    expect(within(exchange).getByText('Clock offset').nextElementSibling?.textContent).toBe(
      '-42 ms',
    );
    expect(
      within(exchange).getByText('Request weight used (1 min)').nextElementSibling?.textContent,
    ).toMatch(/^87 of 6,000/);
  });

  test('when bots run, then the monitor table shows each one with its link, state, counts and feed', async () => {
    signIn(api);
    const { live, paper } = tradingDay(api);

    renderApp(api, '/');

    const monitor = await region('Monitor');
    const table = await within(monitor).findByRole('table');
    const link = within(table).getByRole('link', { name: 'Trend rider' });
    expect(link.getAttribute('href')).toBe(`/bots/${paper.id}`);
    const paperRow = rowCells(table, 'Trend rider');
    expect(paperRow.slice(1, 4)).toEqual([
      'RsiMeanReversionStrategy',
      'ETH/USDT, SOL/USDT',
      'Running',
    ]);
    expect(paperRow[4]).toMatch(/sec/);
    expect(paperRow.slice(5, 7)).toEqual(['1', '1']);
    expect(paperRow[7]).toContain('Not live');
    expect(within(table).getByRole('link', { name: 'Real deal' }).getAttribute('href')).toBe(
      `/bots/${live.id}`,
    );
    expect(rowCells(table, /^Real deal/)[7]).toBe('Live feed');
  });

  test('when trades are open and orders were placed, then positions and the orders of the day are listed', async () => {
    signIn(api);
    tradingDay(api);

    renderApp(api, '/');

    const positions = await region('Open positions');
    const table = await within(positions).findByRole('table');
    expect(rowCells(table, /^Real deal/)).toEqual([
      'Real deal Live',
      'BTC/USDT',
      '66,500',
      '59,850',
      '67,830',
      '67,000',
      '+0.15 USDT+0.75%',
    ]);
    expect(rowCells(table, /^Trend rider/).slice(1, 7)).toEqual([
      'ETH/USDT',
      '3,450',
      '3,174',
      '3,519',
      '3,400',
      '-0.5 USDT-1.45%',
    ]);
    const target = within(table).getByRole('button', { name: 'About Target' });
    expect(
      document.getElementById(target.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Target = open rate × (1 + the ROI step in force now).');
    const stop = within(table).getByRole('button', { name: 'About Stop' });
    expect(document.getElementById(stop.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Stop = the current stop-loss rate.',
    );

    const orders = await region('Orders of the day');
    const list = await within(orders).findByRole('table');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(Array.from(rows[0]?.children ?? [], (c) => c.textContent).slice(1)).toEqual([
      'Real deal Live',
      'BTC/USDT',
      'Buy',
      '66,500 USDT',
      '0.0003',
      'Filled',
    ]);
    expect(within(list).queryByText('SOL/USDT')).toBeNull();
  });

  test('when the language is Português, then the figures use its number format', async () => {
    localStorage.setItem('spotdesk.language', 'pt-BR');
    signIn(api);
    tradingDay(api);

    renderApp(api, '/');

    const pnl = await region('Resultado de hoje');
    const live = await within(pnl).findByRole('region', { name: /^REAL · dinheiro de verdade/ });
    expect(within(live).getByText('+12,5 USDT')).toBeTruthy();
    expect(within(live).getByText('(+2,50%)')).toBeTruthy();
    const balances = await region('Saldos');
    expect(within(balances).getByText('1.250,5')).toBeTruthy();
  });

  test('when a viewer opens the dashboard, then the figures show but no quick action does', async () => {
    signIn(api, 'viewer');
    tradingDay(api);

    renderApp(api, '/');

    const pnl = await region('PnL today');
    expect(await within(pnl).findByText('+12.5 USDT')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Quick actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close all positions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause all' })).toBeNull();
  });

  test('when no Binance key is set, then the Live account says so instead of inventing balances', async () => {
    signIn(api);
    tradingDay(api);
    api.state.monitor.account = null;

    renderApp(api, '/');

    const balances = await region('Balances');
    expect(
      await within(balances).findByText(/No Binance key is set, so there is no Live account/),
    ).toBeTruthy();
    expect(within(balances).getByRole('link', { name: 'Add a key in Settings' })).toBeTruthy();
  });
});
