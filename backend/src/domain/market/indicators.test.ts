// Checks every indicator against values computed by real TA-Lib (scripts/market-reference/, see
// ./README.md) on committed candles, then the edge cases TA-Lib's conventions decide.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { indicatorsSchema, seriesSchema } from '../../http/routes/market-schemas.js';
import {
  atr,
  atrValues,
  bollinger,
  computeIndicators,
  ema,
  macd,
  rsi,
  sma,
  volumeAverage,
  volumeRatio,
} from './indicators.js';
import type { Candle, Series } from './indicators.js';

const FIXTURES = new URL('../../../test/fixtures/market/', import.meta.url);

interface Reference {
  library: string;
  candles: string;
  volumeRatio: number | null;
  indicators: Record<string, Series>;
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

const fixtureNames = readdirSync(FIXTURES)
  .map((f) => /^candles-(.+)\.json$/.exec(f)?.[1])
  .filter((name): name is string => name !== undefined)
  .sort();

/** |ours − theirs| ≤ 1e-6·max(1, |theirs|): absolute below 1, relative above (BTC is ~1e5). */
const TOLERANCE = 1e-6;
const agrees = (ours: number, theirs: number): boolean =>
  Math.abs(ours - theirs) <= TOLERANCE * Math.max(1, Math.abs(theirs));

/** Each disagreement as text (the first ten), so a failure says where and by how much. */
function mismatches(ours: Series, theirs: Series, warmUp: number): string[] {
  const out: string[] = [];
  if (ours.length !== theirs.length) return [`length ${ours.length} ≠ ${theirs.length}`];
  for (let i = 0; i < theirs.length && out.length < 10; i += 1) {
    const a = ours[i] ?? null;
    const b = theirs[i] ?? null;
    if (i < warmUp) {
      if (a !== null || b !== null) out.push(`[${i}] in the warm-up: ours ${a}, TA-Lib ${b}`);
    } else if (a === null || b === null || !agrees(a, b)) {
      out.push(`[${i}] ours ${a}, TA-Lib ${b}`);
    }
  }
  return out;
}

/** Each reference indicator: how we compute it, and its first index (TA-Lib's lookback). */
const INDICATORS: Record<string, { warmUp: number; compute: (candles: Candle[]) => Series }> = {
  sma20: { warmUp: 19, compute: (c) => sma(closesOf(c), 20) },
  ema9: { warmUp: 8, compute: (c) => ema(closesOf(c), 9) },
  ema12: { warmUp: 11, compute: (c) => ema(closesOf(c), 12) },
  ema21: { warmUp: 20, compute: (c) => ema(closesOf(c), 21) },
  ema26: { warmUp: 25, compute: (c) => ema(closesOf(c), 26) },
  ema50: { warmUp: 49, compute: (c) => ema(closesOf(c), 50) },
  ema200: { warmUp: 199, compute: (c) => ema(closesOf(c), 200) },
  rsi14: { warmUp: 14, compute: (c) => rsi(closesOf(c), 14) },
  macd: { warmUp: 33, compute: (c) => macd(closesOf(c), 12, 26, 9).macd },
  macdSignal: { warmUp: 33, compute: (c) => macd(closesOf(c), 12, 26, 9).signal },
  macdHistogram: { warmUp: 33, compute: (c) => macd(closesOf(c), 12, 26, 9).histogram },
  atr14: { warmUp: 14, compute: (c) => atr(c, 14) },
  bollingerUpper: { warmUp: 19, compute: (c) => bollinger(closesOf(c), 20, 2).upper },
  bollingerMiddle: { warmUp: 19, compute: (c) => bollinger(closesOf(c), 20, 2).middle },
  bollingerLower: { warmUp: 19, compute: (c) => bollinger(closesOf(c), 20, 2).lower },
  volumeAverage20: {
    warmUp: 19,
    compute: (c) =>
      volumeAverage(
        c.map((x) => x.volume),
        20,
      ),
  },
};

const closesOf = (candles: Candle[]): number[] => candles.map((c) => c.close);

function candle(i: number, close: number, spread = 1, volume = 10): Candle {
  return {
    time: i * 60_000,
    open: close,
    high: close + spread,
    low: close - spread,
    close,
    volume,
  };
}

const allFiniteOrNull = (series: Series): boolean =>
  series.every((v) => v === null || Number.isFinite(v));

describe('the reference fixtures', () => {
  it('hold at least two series of 600+ realistic candles, each with its TA-Lib reference', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(2);
    for (const name of fixtureNames) {
      const { candles } = readJson<{ candles: Candle[] }>(`candles-${name}.json`);
      expect(candles.length, name).toBeGreaterThanOrEqual(600);
      const bad = candles.filter(
        (c) =>
          c.high < Math.max(c.open, c.close) || c.low > Math.min(c.open, c.close) || c.volume < 0,
      );
      expect(bad, name).toEqual([]);
      if (name.includes('gaps')) {
        // Its purpose: candles whose true range reaches back to the previous close.
        const gapped = candles.filter((c, i) => {
          const prev = candles[i - 1]?.close ?? c.open;
          return Math.max(Math.abs(prev - c.high), Math.abs(prev - c.low)) > c.high - c.low;
        });
        expect(gapped.length, name).toBeGreaterThanOrEqual(50);
      }
      const ref = readJson<Reference>(`reference-${name}.json`);
      expect(ref.library).toMatch(/^talib /);
      expect(ref.candles).toBe(`candles-${name}.json`);
      expect(Object.keys(ref.indicators).sort()).toEqual(Object.keys(INDICATORS).sort());
    }
  });
});

describe.each(fixtureNames)('against TA-Lib on candles-%s.json', (name) => {
  const { candles } = readJson<{ candles: Candle[] }>(`candles-${name}.json`);
  const ref = readJson<Reference>(`reference-${name}.json`);

  it.each(Object.entries(INDICATORS))(
    '%s: null in the warm-up, then TA-Lib ± 1e-6',
    (key, spec) => {
      const theirs = ref.indicators[key] as Series;
      // TA-Lib's own first index is the warm-up documented in README.md.
      expect(theirs.findIndex((v) => v !== null)).toBe(spec.warmUp);
      expect(theirs.slice(spec.warmUp).every((v) => v !== null)).toBe(true);
      expect(mismatches(spec.compute(candles), theirs, spec.warmUp)).toEqual([]);
    },
  );

  it('computeIndicators gives the same series and last values', () => {
    const { series, last } = computeIndicators(candles);
    const r = ref.indicators;
    const pairs: [Series, string][] = [
      [series.ema9, 'ema9'],
      [series.ema21, 'ema21'],
      [series.ema50, 'ema50'],
      [series.ema200, 'ema200'],
      [series.bollingerUpper, 'bollingerUpper'],
      [series.bollingerMiddle, 'bollingerMiddle'],
      [series.bollingerLower, 'bollingerLower'],
      [series.rsi14, 'rsi14'],
      [series.macd, 'macd'],
      [series.macdSignal, 'macdSignal'],
      [series.macdHistogram, 'macdHistogram'],
    ];
    for (const [ours, key] of pairs) {
      expect(mismatches(ours, r[key] as Series, INDICATORS[key]?.warmUp ?? -1), key).toEqual([]);
    }
    const lastOf = (key: string) => (r[key] as Series).at(-1) as number;
    const expected: Record<string, number> = {
      close: (candles.at(-1) as Candle).close,
      volume: (candles.at(-1) as Candle).volume,
      volumeRatio: ref.volumeRatio as number,
      ...Object.fromEntries(
        Object.keys(last)
          .filter((k) => k in r)
          .map((k) => [k, lastOf(k)]),
      ),
    };
    expect(Object.keys(expected).sort()).toEqual(Object.keys(last).sort());
    for (const [key, value] of Object.entries(last)) {
      expect(value, key).not.toBeNull();
      expect(agrees(value as number, expected[key] as number), `${key}: ${value}`).toBe(true);
    }
    expect(volumeRatio(candles.map((c) => c.volume))).toBe(last.volumeRatio);
    expect(Array.from(atrValues(candles, 14)).at(-1)).toBe(last.atr14);
  });

  it('would catch a MACD built from standalone EMA12 − EMA26 (the seeding pitfall)', () => {
    const closes = closesOf(candles);
    const fast = ema(closes, 12);
    const slow = ema(closes, 26);
    const naive = closes.map((_, i) => {
      const f = fast[i] ?? null;
      const s = slow[i] ?? null;
      return i >= 33 && f !== null && s !== null ? f - s : null;
    });
    expect(mismatches(naive, ref.indicators.macd as Series, 33).length).toBeGreaterThan(0);
  });
});

describe('the contract with market-schemas.ts', () => {
  it('has exactly the schema fields, and parses', () => {
    const { candles } = readJson<{ candles: Candle[] }>(`candles-${fixtureNames[0]}.json`);
    const { series, last } = computeIndicators(candles);
    expect(Object.keys(series).sort()).toEqual(Object.keys(seriesSchema.shape).sort());
    expect(Object.keys(last).sort()).toEqual(Object.keys(indicatorsSchema.shape).sort());
    expect(() => seriesSchema.strict().parse(series)).not.toThrow();
    expect(() => indicatorsSchema.strict().parse(last)).not.toThrow();
    const empty = computeIndicators([]);
    expect(() => seriesSchema.strict().parse(empty.series)).not.toThrow();
    expect(() => indicatorsSchema.strict().parse(empty.last)).not.toThrow();
  });
});

describe('edge cases', () => {
  it('computes a small EMA by hand: SMA seed, then k = 2/(p+1)', () => {
    // seed mean(1,2,3) = 2 at index 2; k = 0.5: (4−2)·0.5+2 = 3, (5−3)·0.5+3 = 4.
    expect(ema([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
    expect(sma([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
  });

  it('ATR: true range reaches back to the previous close across a gap; TR[0] is not used', () => {
    const c = (high: number, low: number, close: number, i: number): Candle => ({
      time: i,
      open: close,
      high,
      low,
      close,
      volume: 1,
    });
    // TR[1] = 12 − 10 = 2 (no gap), TR[2] = |11 − 5| = 6 (gap down), TR[3] = |5 − 9| = 4 (gap up).
    // Candle 0's range (100) must not count.
    const candles = [c(150, 50, 10, 0), c(12, 10, 11, 1), c(6, 5, 5, 2), c(9, 8.5, 9, 3)];
    expect(atr(candles, 2)).toEqual([null, null, 4, 4]); // (2 + 6) / 2, then (4·1 + 4) / 2
    expect(atr(candles, 1)).toEqual([null, 2, 6, 4]);
  });

  it('gives all null with fewer values than the warm-up needs', () => {
    const closes = Array.from({ length: 33 }, (_, i) => 100 + Math.sin(i));
    const allNull = (s: Series) => s.length > 0 && s.every((v) => v === null);
    expect(allNull(sma(closes.slice(0, 19), 20))).toBe(true);
    expect(allNull(ema(closes.slice(0, 8), 9))).toBe(true);
    expect(allNull(rsi(closes.slice(0, 14), 14))).toBe(true); // needs 15: 14 changes
    const m = macd(closes, 12, 26, 9); // needs 34
    expect(allNull(m.macd) && allNull(m.signal) && allNull(m.histogram)).toBe(true);
    const b = bollinger(closes.slice(0, 19), 20, 2);
    expect(allNull(b.upper) && allNull(b.middle) && allNull(b.lower)).toBe(true);
    expect(
      allNull(
        atr(
          closes.slice(0, 14).map((c, i) => candle(i, c)),
          14,
        ),
      ),
    ).toBe(true);
    expect(volumeRatio(closes.slice(0, 19), 20)).toBeNull();
    // One more value gives exactly one: the warm-up index is the first one.
    expect(rsi(closes.slice(0, 15), 14).findIndex((v) => v !== null)).toBe(14);
    expect(macd(closes.concat(100), 12, 26, 9).macd.findIndex((v) => v !== null)).toBe(33);
    expect(ema([], 9)).toEqual([]);
  });

  it('computeIndicators on too few candles: aligned all-null series, only close/volume', () => {
    // 8 < 9, the shortest warm-up (EMA9).
    const candles = Array.from({ length: 8 }, (_, i) => candle(i, 100 + i));
    const { series, last } = computeIndicators(candles);
    for (const [key, s] of Object.entries(series)) {
      expect(s, key).toEqual(new Array(8).fill(null));
    }
    const { close, volume, ...rest } = last;
    expect([close, volume]).toEqual([107, 10]);
    expect(Object.values(rest).every((v) => v === null)).toBe(true);
    const empty = computeIndicators([]);
    expect(Object.values(empty.last).every((v) => v === null)).toBe(true);
    expect(Object.values(empty.series).every((s) => s.length === 0)).toBe(true);
  });

  it('constant prices: RSI 0 as TA-Lib (no gain, no loss), bands collapse, MACD 0', () => {
    const candles = Array.from({ length: 300 }, (_, i) => candle(i, 50, 0.5));
    const { series, last } = computeIndicators(candles);
    expect(series.rsi14.slice(14).every((v) => v === 0)).toBe(true);
    expect(last).toMatchObject({
      rsi14: 0,
      ema9: 50,
      ema200: 50,
      macd: 0,
      macdSignal: 0,
      macdHistogram: 0,
      bollingerUpper: 50,
      bollingerMiddle: 50,
      bollingerLower: 50,
      atr14: 1,
      volumeRatio: 1,
    });
    for (const s of Object.values(series)) expect(allFiniteOrNull(s)).toBe(true);
  });

  it('RSI is 100 when prices only rise, and 0 when they only fall', () => {
    const up = Array.from({ length: 30 }, (_, i) => 10 + i);
    expect(
      rsi(up, 14)
        .slice(14)
        .every((v) => v === 100),
    ).toBe(true);
    expect(
      rsi([...up].reverse(), 14)
        .slice(14)
        .every((v) => v === 0),
    ).toBe(true);
  });

  it('zero volume: the average is 0 and the ratio is null, not Infinity or NaN', () => {
    const candles = Array.from({ length: 40 }, (_, i) => candle(i, 100 + (i % 3), 1, 0));
    const { last } = computeIndicators(candles);
    expect(last.volumeAverage20).toBe(0);
    expect(last.volumeRatio).toBeNull();
    expect(
      volumeRatio(
        candles.map((c) => c.volume),
        20,
      ),
    ).toBeNull();
  });

  it('never outputs NaN or Infinity, even from a bad input value', () => {
    for (const name of fixtureNames) {
      const { candles } = readJson<{ candles: Candle[] }>(`candles-${name}.json`);
      const { series, last } = computeIndicators(candles);
      for (const s of Object.values(series)) expect(allFiniteOrNull(s)).toBe(true);
      expect(allFiniteOrNull(Object.values(last))).toBe(true);
    }
    const closes = Array.from({ length: 60 }, (_, i) => 100 + i);
    closes[40] = Number.NaN;
    const e = ema(closes, 9);
    expect(allFiniteOrNull(e)).toBe(true);
    expect(e[39]).not.toBeNull();
    expect(e[40]).toBeNull();
    expect(allFiniteOrNull(bollinger(closes, 20, 2).upper)).toBe(true);
    expect(allFiniteOrNull(rsi(closes, 14))).toBe(true);
  });

  it('refuses a period that is not a positive integer', () => {
    expect(() => sma([1, 2, 3], 0)).toThrow(RangeError);
    expect(() => ema([1, 2, 3], 2.5)).toThrow(RangeError);
    expect(() => macd([1, 2, 3], 12, 26, 0)).toThrow(RangeError);
  });
});
