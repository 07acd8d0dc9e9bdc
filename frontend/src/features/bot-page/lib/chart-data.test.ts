import { describe, expect, test } from 'vitest';

import type { Candles } from '../api/get-candles';
import { toChartData } from './chart-data';

const candle = (time: string, close: number) => ({
  time,
  open: close - 1,
  high: close + 2,
  low: close - 2,
  close,
  volume: 3,
});

const answer: Candles = {
  pair: 'BTC/USDT',
  timeframe: '5m',
  source: 'bot',
  candles: [
    candle('2026-03-02T11:55:00.000Z', 102),
    candle('2026-03-02T11:45:00.000Z', 100),
    candle('2026-03-02T11:50:00.000Z', 101),
    candle('2026-03-02T11:50:00.000Z', 101),
  ],
  signals: [],
  markers: [
    {
      tradeId: 2,
      kind: 'exit',
      time: '2026-03-02T11:57:30.000Z',
      price: 102.5,
      profitRatio: 0.01,
      exitReason: 'roi',
    },
    { tradeId: 1, kind: 'entry', time: '2026-03-02T11:30:00.000Z', price: 95 },
    { tradeId: 2, kind: 'entry', time: '2026-03-02T11:47:10.000Z', price: 100.5 },
    { tradeId: 3, kind: 'entry', time: null, price: null },
  ],
  lines: [{ tradeId: 4, entry: 101, stop: 95, target: null }],
};

describe('toChartData', () => {
  test('when candles come out of order or twice, then they are sorted by time, each once, in seconds', () => {
    const data = toChartData(answer);
    expect(data.candles.map((c) => c.time)).toEqual([
      Date.UTC(2026, 2, 2, 11, 45) / 1000,
      Date.UTC(2026, 2, 2, 11, 50) / 1000,
      Date.UTC(2026, 2, 2, 11, 55) / 1000,
    ]);
  });

  test('when a fill happened inside a candle, then its marker sits on that candle; earlier or timeless ones are left out', () => {
    const data = toChartData(answer);
    expect(data.markers).toEqual([
      {
        tradeId: 2,
        kind: 'entry',
        time: Date.UTC(2026, 2, 2, 11, 45) / 1000,
        at: '2026-03-02T11:47:10.000Z',
        price: 100.5,
        profitRatio: null,
        exitReason: null,
      },
      {
        tradeId: 2,
        kind: 'exit',
        time: Date.UTC(2026, 2, 2, 11, 55) / 1000,
        at: '2026-03-02T11:57:30.000Z',
        price: 102.5,
        profitRatio: 0.01,
        exitReason: 'roi',
      },
    ]);
  });

  test('when an open trade has no target, then only its entry and stop become lines', () => {
    expect(toChartData(answer).lines).toEqual([
      { tradeId: 4, kind: 'entry', price: 101 },
      { tradeId: 4, kind: 'stop', price: 95 },
    ]);
  });
});
