import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../../../testing/fake-api';
import { startFakeApi } from '../../../testing/fake-api';
import { fakeSnapshot } from '../../../testing/fake-market-state';
import { renderApp } from '../../../testing/render-app';
import { card, marketSubscribed, signIn } from './market-helpers';

const BTC = '/api/market/pairs/BTC-USDT';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  signIn(api);
});

afterEach(async () => {
  await api.close();
});

const indicatorRow = async (name: string) => {
  const table = await card('Indicators (1h)');
  return within(table).getByRole('row', { name: new RegExp(`^${name} `) });
};

describe('pair page › what it shows', () => {
  test('when a pair is followed from the watchlist, then its page asks for 300 candles and shows its figures and regime with the deciding numbers', async () => {
    renderApp(api, '/market');

    fireEvent.click(await screen.findByRole('link', { name: 'BTC/USDT' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'BTC/USDT' })).toBeTruthy();
    const figures = await screen.findByRole('region', { name: 'Figures' });
    expect(api.requestsTo('GET', BTC)[0]?.query).toEqual({ timeframe: '1h', candles: '300' });
    const expected = fakeSnapshot(api.state.market, 'BTC/USDT', '1h', 0, api.state.bots.now);
    const why = within(figures).getByText(/^Why “/);
    expect(why.textContent).toMatch(/^Why “(Trend up|Trend down|Range|Not enough data)”\?$/);
    fireEvent.click(why);
    expect(within(figures).getByText(expected.regime.rule)).toBeTruthy();
    for (const name of Object.keys(expected.regime.numbers)) {
      expect(within(figures).getByText(name)).toBeTruthy();
    }
    // jsdom cannot draw: the page says so and keeps every figure in the table.
    expect(
      screen.getByText(
        'This browser cannot draw the chart; every value is in the indicator table.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'EMA 200' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Bollinger bands (20, 2)' })).toBeTruthy();
  });

  test('when the indicator table shows, then it has a row for every indicator the server sends', async () => {
    renderApp(api, '/market/BTC-USDT');

    const table = await card('Indicators (1h)');

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(16);
    const expected = fakeSnapshot(api.state.market, 'BTC/USDT', '1h', 0, api.state.bots.now);
    const rsi = new Intl.NumberFormat('en', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(expected.indicators.rsi14 ?? 0);
    expect(within(await indicatorRow('RSI \\(14\\)')).getByText(rsi)).toBeTruthy();
  });

  test('when a market-candle event arrives, then the indicators follow it without a re-read', async () => {
    renderApp(api, '/market/BTC-USDT');
    await card('Indicators (1h)');
    await marketSubscribed(api, BTC);
    const reads = api.requestsTo('GET', BTC).length;
    const current = fakeSnapshot(api.state.market, 'BTC/USDT', '1h', 300, api.state.bots.now);
    const last = current.candles?.at(-1);
    if (!last) throw new Error('no candle');

    api.ws.publish(
      'market',
      {
        kind: 'market-candle',
        pair: 'BTC/USDT',
        timeframe: '1h',
        candle: { ...last, close: 71_000 },
        indicators: { ...current.indicators, close: 71_000, rsi14: 81.25 },
        regime: { label: 'volatile', rule: 'atr-high', numbers: { atrPct: 4.2 } },
      },
      null,
    );
    // Another timeframe's candle is not this page's.
    api.ws.publish(
      'market',
      {
        kind: 'market-candle',
        pair: 'BTC/USDT',
        timeframe: '4h',
        candle: { ...last, close: 1 },
        indicators: { ...current.indicators, rsi14: 1 },
        regime: current.regime,
      },
      null,
    );

    expect(await within(await indicatorRow('RSI \\(14\\)')).findByText('81.3')).toBeTruthy();
    expect(within(await indicatorRow('Close')).getByText('71,000')).toBeTruthy();
    const figures = screen.getByRole('region', { name: 'Figures' });
    expect(within(figures).getByText('Why “Volatile”?')).toBeTruthy();
    expect(within(figures).getByText('atrPct')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.requestsTo('GET', BTC)).toHaveLength(reads);
  });

  test('when another timeframe is picked, then it goes into the address and its figures are read', async () => {
    const { router } = renderApp(api, '/market/BTC-USDT');
    await card('Indicators (1h)');

    fireEvent.change(screen.getByLabelText('Timeframe'), { target: { value: '4h' } });

    expect(await card('Indicators (4h)')).toBeTruthy();
    expect(router.state.location.search).toBe('?timeframe=4h');
    expect(api.requestsTo('GET', BTC).at(-1)?.query).toEqual({ timeframe: '4h', candles: '300' });
  });
});

describe('pair page › pairs it cannot show', () => {
  test('when Binance lists no such pair, then the page says so with a way back and the navigation still works', async () => {
    renderApp(api, '/market/DOGE-USDT');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Binance Spot lists no such pair. Check the spelling, e.g. BTC/USDT.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'DOGE/USDT' })).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: 'All pairs (Market)' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Market' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'BTC/USDT' })).toBeTruthy();
  });

  test('when the pair is delisted, then the page says it no longer trades', async () => {
    renderApp(api, '/market/LUNA-USDT');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'This pair is no longer trading on Binance Spot.',
    );
  });

  test('when the address names no pair or an unknown timeframe, then nothing is asked of the server and the page explains', async () => {
    renderApp(api, '/market/BTCUSDT');

    expect((await screen.findByRole('alert')).textContent).toBe(
      '“BTCUSDT” is not a pair. Write it as BASE-QUOTE, e.g. /market/BTC-USDT.',
    );
    expect(screen.getByRole('link', { name: 'Market' })).toBeTruthy();
    expect(api.state.requests.some((r) => r.path.startsWith('/api/market/pairs/'))).toBe(false);
  });

  test('when the timeframe is not one Spotdesk knows, then the page offers the pair at 1h', async () => {
    renderApp(api, '/market/BTC-USDT?timeframe=7h');

    expect((await screen.findByRole('alert')).textContent).toBe(
      '“7h” is not a timeframe Spotdesk knows (e.g. 5m, 1h, 1d).',
    );
    fireEvent.click(screen.getByRole('link', { name: 'BTC/USDT at 1h' }));

    expect(await card('Indicators (1h)')).toBeTruthy();
    expect(api.requestsTo('GET', BTC)[0]?.query).toEqual({ timeframe: '1h', candles: '300' });
  });
});
