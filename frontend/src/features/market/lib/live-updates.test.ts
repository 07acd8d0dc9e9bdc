import { describe, expect, test } from 'vitest';

import type {
  Indicators,
  MarketEvent,
  MarketSnapshot,
  WatchRow,
  Watchlist,
} from '../../../../../backend/src/http/routes/market-schemas';
import { withCandle, withRow, withRowTicker } from './live-updates';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 9);

const indicators = (close: number): Indicators => ({
  close,
  rsi14: 50,
  ema9: close,
  ema21: close,
  ema50: close,
  ema200: null,
  macd: 1,
  macdSignal: 0.5,
  macdHistogram: 0.5,
  atr14: 2,
  bollingerUpper: close + 1,
  bollingerMiddle: close,
  bollingerLower: close - 1,
  volume: 10,
  volumeAverage20: 10,
  volumeRatio: 1,
});

const candle = (time: number, close: number) => ({
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1,
});

function snapshot(closes: number[]): MarketSnapshot {
  const values = (pick: (close: number) => number | null) => closes.map(pick);
  return {
    pair: 'BTC/USDT',
    timeframe: '1h',
    source: 'stream',
    updatedAt: T0,
    stale: true,
    ticker: null,
    indicators: indicators(closes[closes.length - 1] ?? 0),
    regime: { label: 'range', rule: 'flat', numbers: {} },
    candles: closes.map((close, index) => candle(T0 + index * HOUR, close)),
    series: {
      ema9: values((c) => c),
      ema21: values((c) => c),
      ema50: values((c) => c),
      ema200: values(() => null),
      bollingerUpper: values((c) => c + 1),
      bollingerMiddle: values((c) => c),
      bollingerLower: values((c) => c - 1),
      rsi14: values(() => 50),
      macd: values(() => 1),
      macdSignal: values(() => 0.5),
      macdHistogram: values(() => 0.5),
    },
    issue: null,
  };
}

function candleEvent(time: number, close: number, pair = 'BTC/USDT') {
  return {
    kind: 'market-candle',
    pair,
    timeframe: '1h',
    candle: candle(time, close),
    indicators: indicators(close),
    regime: { label: 'trend-up', rule: 'ema-stack-up', numbers: { ema50Slope: 0.4 } },
  } satisfies Extract<MarketEvent, { kind: 'market-candle' }>;
}

describe('withCandle', () => {
  test('when the open candle changes, then it is replaced and the series end with its values', () => {
    const before = snapshot([10, 11, 12]);

    const after = withCandle(before, candleEvent(T0 + 2 * HOUR, 13), T0 + 3 * HOUR, 300);

    expect(after.candles?.map((c) => c.close)).toEqual([10, 11, 13]);
    expect(after.series?.ema9).toEqual([10, 11, 13]);
    expect(after.regime.label).toBe('trend-up');
    expect(after.stale).toBe(false);
    expect(after.updatedAt).toBe(T0 + 3 * HOUR);
  });

  test('when a new candle opens, then it is appended and a full window drops its oldest', () => {
    const before = snapshot([10, 11, 12]);

    const grown = withCandle(before, candleEvent(T0 + 3 * HOUR, 14), T0, 300);
    const slid = withCandle(before, candleEvent(T0 + 3 * HOUR, 14), T0, 3);

    expect(grown.candles?.map((c) => c.close)).toEqual([10, 11, 12, 14]);
    expect(slid.candles?.map((c) => c.close)).toEqual([11, 12, 14]);
    expect(slid.series?.bollingerUpper).toEqual([12, 13, 15]);
  });

  test('when the candle is older or of another pair, then nothing changes', () => {
    const before = snapshot([10, 11, 12]);

    expect(withCandle(before, candleEvent(T0, 9), T0, 300)).toBe(before);
    expect(withCandle(before, candleEvent(T0 + 3 * HOUR, 9, 'ETH/USDT'), T0, 300)).toBe(before);
  });
});

const row = (pair: string, last: number): WatchRow => ({
  pair,
  origin: 'watchlist',
  bots: [],
  ticker: {
    last,
    bid: null,
    ask: null,
    change24hPct: 1,
    volume24hQuote: 1000,
    high24h: null,
    low24h: null,
    at: T0,
  },
  rsi14: 50,
  trend: 'up',
  regime: 'range',
  sparkline: [],
  source: 'rest',
  stale: false,
  updatedAt: T0,
  issue: null,
});

describe('withRow', () => {
  test('when a listed row is pushed, then it replaces its old copy in place', () => {
    const list: Watchlist = {
      timeframe: '1h',
      pairs: ['BTC/USDT', 'ETH/USDT'],
      rows: [row('BTC/USDT', 1), row('ETH/USDT', 2)],
      issue: null,
    };

    const next = withRow(list, row('BTC/USDT', 5));

    expect(next?.rows.map((r) => r.ticker?.last)).toEqual([5, 2]);
    expect(withRow(list, row('SOL/USDT', 5))).toBeNull();
  });

  test('when the pair page gets its row, then only its ticker follows (the feed state is of another timeframe)', () => {
    const next = withRowTicker(snapshot([10]), row('BTC/USDT', 77));

    expect(next.ticker?.last).toBe(77);
    expect(next.source).toBe('stream');
    expect(withRowTicker(snapshot([10]), row('ETH/USDT', 77)).ticker).toBeNull();
  });
});
