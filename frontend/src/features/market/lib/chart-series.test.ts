import { describe, expect, test } from 'vitest';

import type { MarketSnapshot } from '../../../../../backend/src/http/routes/market-schemas';
import { toChartData } from './chart-series';

const empty = { ema9: [], ema21: [], ema50: [], ema200: [], bollingerUpper: [] };

describe('toChartData', () => {
  test('when series hold nulls, then the chart gets gaps at those candles and times in seconds', () => {
    const snapshot = {
      pair: 'BTC/USDT',
      timeframe: '1h',
      candles: [
        { time: 1_700_000_000_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 },
        { time: 1_700_003_600_000, open: 1.5, high: 2, low: 1, close: 1.8, volume: 3 },
      ],
      series: {
        ...empty,
        bollingerMiddle: [],
        bollingerLower: [],
        rsi14: [null, 55],
        macd: [],
        macdSignal: [],
        macdHistogram: [null, -0.2],
      },
    } as unknown as MarketSnapshot; // only the fields the conversion reads

    const data = toChartData(snapshot);

    expect(data.key).toBe('BTC/USDT|1h');
    expect(data.candles[1]).toEqual({
      time: 1_700_003_600,
      open: 1.5,
      high: 2,
      low: 1,
      close: 1.8,
    });
    expect(data.lines.rsi14).toEqual([{ time: 1_700_000_000 }, { time: 1_700_003_600, value: 55 }]);
    expect(data.histogram[1]).toEqual({ time: 1_700_003_600, value: -0.2 });
    expect(data.lines.ema9).toEqual([{ time: 1_700_000_000 }, { time: 1_700_003_600 }]);
  });
});
