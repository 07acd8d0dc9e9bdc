import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../../../testing/fake-api';
import { startFakeApi } from '../../../testing/fake-api';
import { addFakeBot } from '../../../testing/fake-bots-state';
import { fakeWatchRow } from '../../../testing/fake-market-state';
import { renderApp } from '../../../testing/render-app';
import { card, lastBody, marketSubscribed, signIn } from './market-helpers';

const WATCHLIST = '/api/market/watchlist';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

const rowOf = async (pair: string) => {
  const link = await screen.findByRole('link', { name: pair });
  const row = link.closest('tr');
  if (!row) throw new Error(`no row for ${pair}`);
  return row;
};

describe('market page › the watchlist', () => {
  test('when it opens from the navigation, then each pair shows its live figures, a sparkline and why it is watched', async () => {
    signIn(api);
    addFakeBot(api.state.bots, {
      name: 'Trend rider',
      pairs: ['ETH/USDT', 'SOL/USDT'],
      desiredState: 'RUNNING',
      state: 'RUNNING',
    });
    renderApp(api, '/');

    fireEvent.click(await screen.findByRole('link', { name: 'Market' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Market' })).toBeTruthy();
    const btc = await rowOf('BTC/USDT');
    const expected = fakeWatchRow(api.state.market, api.state.bots, 'BTC/USDT');
    const price = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
    expect(within(btc).getByText(price.format(expected.ticker?.last ?? 0))).toBeTruthy();
    const change = expected.ticker?.change24hPct ?? 0;
    // Direction is an arrow and a sign, not only a colour.
    expect(
      within(btc).getByText(
        new Intl.NumberFormat('en', {
          style: 'percent',
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
          signDisplay: 'exceptZero',
        }).format(change / 100),
      ).parentElement?.textContent,
    ).toMatch(change > 0 ? /^▲\+/ : /^▼-/);
    expect(within(btc).getByRole('img', { name: /^Last 48 closes, from/ })).toBeTruthy();
    expect(within(btc).getByText('Watchlist')).toBeTruthy();
    const eth = await rowOf('ETH/USDT');
    expect(within(eth).getByText('Watchlist')).toBeTruthy();
    expect(within(eth).getByText('Traded by Trend rider')).toBeTruthy();
    const sol = await rowOf('SOL/USDT');
    expect(within(sol).getByText('Traded by Trend rider')).toBeTruthy();
    expect(within(sol).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(btc).getByRole('link', { name: 'BTC/USDT' }).getAttribute('href')).toBe(
      '/market/BTC-USDT',
    );
  });

  test('when a market-row event arrives, then that row changes in place without a re-read', async () => {
    signIn(api);
    renderApp(api, '/market');
    await rowOf('BTC/USDT');
    await marketSubscribed(api, WATCHLIST);
    const reads = api.requestsTo('GET', WATCHLIST).length;

    const row = fakeWatchRow(api.state.market, api.state.bots, 'BTC/USDT');
    api.ws.publish(
      'market',
      {
        kind: 'market-row',
        row: {
          ...row,
          ticker: row.ticker && { ...row.ticker, last: 70_123.45, change24hPct: -1.5 },
          rsi14: 28.5,
          trend: 'down',
          regime: 'volatile',
          stale: true,
          source: 'rest',
        },
      },
      null,
    );

    const btc = await rowOf('BTC/USDT');
    expect(await within(btc).findByText('70,123.45')).toBeTruthy();
    expect(within(btc).getByText('-1.50%').parentElement?.textContent).toBe('▼-1.50%');
    expect(within(btc).getByText('28.5')).toBeTruthy();
    expect(within(btc).getByText('Down')).toBeTruthy();
    expect(within(btc).getByText('Volatile')).toBeTruthy();
    expect(within(btc).getByText('Stale')).toBeTruthy();
    expect(within(btc).getByText('REST')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.requestsTo('GET', WATCHLIST)).toHaveLength(reads);
  });

  test('when the watchlist setting changes elsewhere or the socket comes back, then it is read again', async () => {
    signIn(api);
    renderApp(api, '/market');
    await marketSubscribed(api, WATCHLIST);
    const reads = api.requestsTo('GET', WATCHLIST).length;

    api.state.market.pairs = [...api.state.market.pairs, 'SOL/USDT'];
    api.ws.publish('market', { kind: 'watchlist-changed' }, null);

    expect(await rowOf('SOL/USDT')).toBeTruthy();
    expect(api.requestsTo('GET', WATCHLIST)).toHaveLength(reads + 1);

    api.ws.dropAll();

    await waitFor(
      () => expect(api.requestsTo('GET', WATCHLIST).length).toBeGreaterThan(reads + 1),
      {
        timeout: 15_000,
      },
    );
  });

  test('when a pair’s feed is down and the whole exchange is away, then the row says why and a banner sits over the last rows', async () => {
    signIn(api);
    api.state.market.feeds.set('ETH/USDT', {
      stale: true,
      source: 'rest',
      issue: { code: 'exchange-rate-limited', message: 'slow down' },
    });
    api.state.market.issue = { code: 'exchange-banned', message: 'banned until later' };
    renderApp(api, '/market');

    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toBe(
      'Market data is interrupted: Binance has banned this IP address for a while; figures resume when the ban ends. The table shows the last figures received.',
    );
    const eth = await rowOf('ETH/USDT');
    expect(
      within(eth).getByText(
        'Binance is limiting this installation’s requests; figures resume when it allows them again.',
      ),
    ).toBeTruthy();
    expect(within(eth).getByText('Stale')).toBeTruthy();
    expect(await rowOf('BTC/USDT')).toBeTruthy();
  });

  test('when nothing is watched and no bot runs, then an empty state explains where pairs come from', async () => {
    signIn(api);
    api.state.market.pairs = [];
    renderApp(api, '/market');

    expect(
      await screen.findByText(
        'The watchlist is empty and no running bot trades a pair yet. Add a pair above, e.g. BTC/USDT; the pairs your running bots trade appear here on their own.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('market page › changing the watchlist', () => {
  test('when an admin adds a pair typed loosely, then it is sent as BASE/QUOTE and its row appears', async () => {
    signIn(api);
    renderApp(api, '/market');
    const watchlist = await card('Watchlist');

    fireEvent.change(await within(watchlist).findByLabelText('Pair to add'), {
      target: { value: ' sol-usdt ' },
    });
    fireEvent.click(within(watchlist).getByRole('button', { name: 'Add pair' }));

    expect(await within(watchlist).findByText('SOL/USDT was added to the watchlist.')).toBeTruthy();
    expect(await rowOf('SOL/USDT')).toBeTruthy();
    expect(lastBody(api, 'POST', WATCHLIST)).toEqual({ pair: 'SOL/USDT' });
    expect(api.state.market.pairs).toEqual(['BTC/USDT', 'ETH/USDT', 'SOL/USDT']);
  });

  test('when the pair is not BASE/QUOTE or already listed, then the form says so and sends nothing', async () => {
    signIn(api);
    renderApp(api, '/market');
    const watchlist = await card('Watchlist');
    const field = await within(watchlist).findByLabelText('Pair to add');

    fireEvent.change(field, { target: { value: 'BTCUSDT' } });
    fireEvent.click(within(watchlist).getByRole('button', { name: 'Add pair' }));
    expect(
      await within(watchlist).findByText('Write the pair as BASE/QUOTE, e.g. BTC/USDT.'),
    ).toBeTruthy();

    fireEvent.change(field, { target: { value: 'eth/usdt' } });
    fireEvent.click(within(watchlist).getByRole('button', { name: 'Add pair' }));
    expect(
      await within(watchlist).findByText('ETH/USDT is already on the watchlist.'),
    ).toBeTruthy();
    expect(api.requestsTo('POST', WATCHLIST)).toHaveLength(0);
  });

  test('when the server refuses a pair Binance does not list, or a full list, then its reason shows', async () => {
    signIn(api);
    renderApp(api, '/market');
    const watchlist = await card('Watchlist');
    const field = await within(watchlist).findByLabelText('Pair to add');

    fireEvent.change(field, { target: { value: 'DOGE/USDT' } });
    fireEvent.click(within(watchlist).getByRole('button', { name: 'Add pair' }));
    expect(
      await within(watchlist).findByText('Binance has no spot market with this name.'),
    ).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    api.answer('POST', WATCHLIST, {
      status: 409,
      body: { error: { code: 'watchlist-full', message: 'the watchlist holds at most 50 pairs' } },
    });
    fireEvent.change(field, { target: { value: 'SOL/USDT' } });
    fireEvent.click(within(watchlist).getByRole('button', { name: 'Add pair' }));
    expect((await within(watchlist).findByRole('alert')).textContent).toBe(
      'The watchlist is full (50 pairs). Remove a pair first.',
    );
    expect(api.state.market.pairs).toEqual(['BTC/USDT', 'ETH/USDT']);
  });

  test('when an admin removes a pair, then it is asked for by its URL form and its row goes', async () => {
    signIn(api);
    renderApp(api, '/market');
    const btc = await rowOf('BTC/USDT');

    fireEvent.click(
      within(btc).getByRole('button', { name: 'Remove BTC/USDT from the watchlist' }),
    );

    expect(await screen.findByText('BTC/USDT was removed from the watchlist.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'BTC/USDT' })).toBeNull());
    expect(api.requestsTo('DELETE', `${WATCHLIST}/BTC-USDT`)).toHaveLength(1);
    expect(api.state.market.pairs).toEqual(['ETH/USDT']);
  });

  test('when an admin picks another timeframe, then the watchlist is saved with it', async () => {
    signIn(api);
    renderApp(api, '/market');
    const watchlist = await card('Watchlist');

    fireEvent.change(await within(watchlist).findByLabelText('Timeframe'), {
      target: { value: '4h' },
    });

    await waitFor(() => expect(api.state.market.timeframe).toBe('4h'));
    expect(lastBody(api, 'PUT', WATCHLIST)).toEqual({ timeframe: '4h' });
    await waitFor(() =>
      expect((within(watchlist).getByLabelText('Timeframe') as HTMLSelectElement).value).toBe('4h'),
    );
  });

  test('when a viewer opens it, then the figures show but nothing can be changed', async () => {
    signIn(api, 'viewer');
    renderApp(api, '/market');

    const btc = await rowOf('BTC/USDT');

    expect(within(btc).queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText('Pair to add')).toBeNull();
    expect(screen.getByText('Only an admin can change the watchlist.')).toBeTruthy();
    expect(screen.getByText('1h')).toBeTruthy();
  });
});
