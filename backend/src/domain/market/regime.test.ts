// Constructed candle series, one per label, each asserting the deciding rule and its numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { regimeSchema } from '../../http/routes/market-schemas.js';
import { atrValues, computeIndicators } from './indicators.js';
import type { Candle } from './indicators.js';
import { REGIME_THRESHOLDS, classifyRegime } from './regime.js';
import type { RegimeResult } from './regime.js';

/** Candles whose open is the previous close, with wicks of `wick(i)` beyond the body. */
function candlesFrom(closes: number[], wick: (i: number) => number): Candle[] {
  return closes.map((close, i) => {
    const open = i === 0 ? close : (closes[i - 1] as number);
    const w = wick(i);
    return {
      time: i * 3_600_000,
      open,
      high: Math.max(open, close) + w,
      low: Math.min(open, close) - w,
      close,
      volume: 100,
    };
  });
}

const growth = (n: number, rate: number): number[] =>
  Array.from({ length: n }, (_, i) => 100 * rate ** i);
/** ±2 % around 100, one cycle every 30 candles. */
const sine = (n: number): number[] =>
  Array.from({ length: n }, (_, i) => 100 + 2 * Math.sin((2 * Math.PI * i) / 30));

const fixture = (name: string): Candle[] =>
  (
    JSON.parse(
      readFileSync(
        new URL(`../../../test/fixtures/market/candles-${name}.json`, import.meta.url),
        'utf8',
      ),
    ) as { candles: Candle[] }
  ).candles;

function classify(candles: Candle[]): RegimeResult {
  const result = classifyRegime(candles, computeIndicators(candles));
  // Every result must be what the API promises: a known label and finite numbers.
  expect(() => regimeSchema.parse(result)).not.toThrow();
  for (const [k, v] of Object.entries(result.numbers)) expect(Number.isFinite(v), k).toBe(true);
  return result;
}

describe('classifyRegime', () => {
  it('unknown below 60 candles (EMA50 plus its 10-candle slope)', () => {
    const r = classify(candlesFrom(growth(59, 1.003), () => 0.2));
    expect(r).toEqual({
      label: 'unknown',
      rule: 'not-enough-candles',
      numbers: { candles: 59, minCandles: 60 },
    });
    // One more candle is enough to decide.
    expect(classify(candlesFrom(growth(60, 1.003), () => 0.2)).label).toBe('trend-up');
    expect(REGIME_THRESHOLDS.minCandles).toBe(60);
  });

  it('trend-up: close > EMA50, EMA21 > EMA50 > EMA200 and EMA50 rising', () => {
    const candles = candlesFrom(growth(250, 1.003), (i) => 0.2 * 1.003 ** i);
    const r = classify(candles);
    expect([r.label, r.rule]).toEqual(['trend-up', 'ema-stack-up']);
    const { last, series } = computeIndicators(candles);
    const n = r.numbers;
    expect(n.close).toBe(last.close);
    expect(n.ema21).toBe(last.ema21);
    expect(n.ema50).toBe(last.ema50);
    expect(n.ema200).toBe(last.ema200);
    expect(n.ema50Slope10Pct).toBeCloseTo(
      ((last.ema50 as number) / (series.ema50[239] as number) - 1) * 100,
      12,
    );
    expect(n.close).toBeGreaterThan(n.ema50 as number);
    expect(n.ema21).toBeGreaterThan(n.ema50 as number);
    expect(n.ema50).toBeGreaterThan(n.ema200 as number);
    expect(n.ema50Slope10Pct).toBeGreaterThan(0);
    // It was checked for volatility first, and was not: steady growth keeps ATR% at its median.
    expect(n.atrPct).toBeCloseTo(n.atrPctMedian100 as number, 5);
    expect(n.atrPct).toBeCloseTo(((last.atr14 as number) / (last.close as number)) * 100, 12);
    expect(n.bandwidthPct).toBeLessThan(2 * (n.bandwidthPctMedian100 as number));
  });

  it('trend-up without EMA200 before candle 200: the rule goes without it', () => {
    const r = classify(candlesFrom(growth(120, 1.003), (i) => 0.2 * 1.003 ** i));
    expect([r.label, r.rule]).toEqual(['trend-up', 'ema-stack-up']);
    expect(r.numbers).not.toHaveProperty('ema200');
    expect(Object.keys(r.numbers)).toEqual(
      expect.arrayContaining(['close', 'ema21', 'ema50', 'ema50Slope10Pct']),
    );
  });

  it('trend-down: the mirror image', () => {
    const r = classify(candlesFrom(growth(250, 0.997), (i) => 0.2 * 0.997 ** i));
    expect([r.label, r.rule]).toEqual(['trend-down', 'ema-stack-down']);
    const n = r.numbers;
    expect(n.close).toBeLessThan(n.ema50 as number);
    expect(n.ema21).toBeLessThan(n.ema50 as number);
    expect(n.ema50).toBeLessThan(n.ema200 as number);
    expect(n.ema50Slope10Pct).toBeLessThan(0);
  });

  it('range: an oscillation whose EMAs are not stacked either way', () => {
    const r = classify(candlesFrom(sine(200), () => 0.3));
    expect([r.label, r.rule]).toEqual(['range', 'no-trend-stack']);
    const n = r.numbers;
    // Close is below EMA50 but EMA21 above it: neither stack holds.
    expect(n.close).toBeLessThan(n.ema50 as number);
    expect(n.ema21).toBeGreaterThan(n.ema50 as number);
    expect(n.atrPct).toBeLessThan(2 * (n.atrPctMedian100 as number));
    expect(n.bandwidthPct).toBeLessThan(2 * (n.bandwidthPctMedian100 as number));
  });

  it('range: a rebound still under EMA200 is not an uptrend yet', () => {
    // 220 candles down 0.3 % each, then 30 up 0.3 % each.
    const closes = Array.from({ length: 250 }, (_, i) =>
      i < 220 ? 100 * 0.997 ** i : 100 * 0.997 ** 219 * 1.003 ** (i - 219),
    );
    const r = classify(candlesFrom(closes, () => 0.2));
    expect([r.label, r.rule]).toEqual(['range', 'no-trend-stack']);
    const n = r.numbers;
    // Everything of the up stack holds except EMA50 > EMA200.
    expect(n.close).toBeGreaterThan(n.ema50 as number);
    expect(n.ema21).toBeGreaterThan(n.ema50 as number);
    expect(n.ema50Slope10Pct).toBeGreaterThan(0);
    expect(n.ema50).toBeLessThan(n.ema200 as number);
  });

  // Slices of the fixture series where every condition of a stack holds but one: range.
  it.each([
    ['btcusdt-4h-trend', 505, 'down', 'ema21'], // a bounce in a fall: EMA21 back above EMA50
    ['btcusdt-4h-trend', 98, 'up', 'ema21'], // no EMA200 yet; EMA21 still below EMA50
    ['dogeusdt-1h-down', 130, 'down', 'slope'], // below the EMAs but EMA50 already turning up
    ['btcusdt-4h-trend', 243, 'up', 'slope'], // above the EMAs but EMA50 already turning down
    ['ethusdt-1h-chop', 240, 'down', 'ema200'], // a dip while EMA50 is still above EMA200
  ] as const)('range: %s[0..%i) is %s but for %s', (name, length, side, missing) => {
    const r = classify(fixture(name).slice(0, length));
    expect([r.label, r.rule]).toEqual(['range', 'no-trend-stack']);
    const n = r.numbers;
    const sign = side === 'up' ? 1 : -1;
    const beyond = (a: number | undefined, b: number | undefined) =>
      sign * ((a as number) - (b as number)) > 0;
    expect(beyond(n.close, n.ema50)).toBe(true);
    if (n.ema200 !== undefined) expect(beyond(n.ema50, n.ema200)).toBe(missing !== 'ema200');
    expect(beyond(n.ema21, n.ema50)).toBe(missing !== 'ema21');
    expect(sign * (n.ema50Slope10Pct as number) > 0).toBe(missing !== 'slope');
  });

  it('labels the whole fixture series', () => {
    expect(classify(fixture('btcusdt-4h-trend'))).toMatchObject({
      label: 'volatile',
      rule: 'bandwidth-spike',
    });
    expect(classify(fixture('ethusdt-1h-chop'))).toMatchObject({
      label: 'trend-down',
      rule: 'ema-stack-down',
    });
    expect(classify(fixture('dogeusdt-1h-down'))).toMatchObject({
      label: 'range',
      rule: 'no-trend-stack',
    });
  });

  it('range, not volatile, when prices never moved (all medians 0)', () => {
    const r = classify(candlesFrom(new Array<number>(100).fill(100), () => 0));
    expect([r.label, r.rule]).toEqual(['range', 'no-trend-stack']);
    expect(r.numbers).toMatchObject({ atrPct: 0, atrPctMedian100: 0, ema50Slope10Pct: 0 });
  });

  it('volatile by ATR: wide candles at the end, ATR% ≥ 2× its 100-candle median', () => {
    const candles = candlesFrom(sine(210), (i) => (i >= 205 ? 6 : 0.3));
    const r = classify(candles);
    expect([r.label, r.rule]).toEqual(['volatile', 'atr-spike']);
    const n = r.numbers;
    expect(n.atrPct).toBeGreaterThanOrEqual(2 * (n.atrPctMedian100 as number));
    expect(n.spikeFactor).toBe(2);
    // The median really is over the last 100 ATR% values.
    const atr = atrValues(candles, 14);
    const pcts = candles
      .slice(-100)
      .map((c, j) => ((atr[110 + j] as number) / c.close) * 100)
      .sort((a, b) => a - b);
    expect(n.atrPctMedian100).toBeCloseTo(((pcts[49] as number) + (pcts[50] as number)) / 2, 12);
    // The trend rules were never reached.
    expect(n).not.toHaveProperty('ema50');
  });

  it('the ATR threshold is 2×: 1.85× is not volatile, 2.2× is', () => {
    const below = classify(candlesFrom(sine(210), (i) => (i >= 205 ? 1.5 : 0.3)));
    const ratioBelow = (below.numbers.atrPct as number) / (below.numbers.atrPctMedian100 as number);
    expect(ratioBelow).toBeGreaterThan(1.8);
    expect(ratioBelow).toBeLessThan(2);
    expect([below.label, below.rule]).toEqual(['trend-down', 'ema-stack-down']);
    const above = classify(candlesFrom(sine(210), (i) => (i >= 205 ? 2 : 0.3)));
    const ratioAbove = (above.numbers.atrPct as number) / (above.numbers.atrPctMedian100 as number);
    expect(ratioAbove).toBeGreaterThan(2);
    expect(ratioAbove).toBeLessThan(2.3);
    expect([above.label, above.rule]).toEqual(['volatile', 'atr-spike']);
  });

  it('volatile by band width: closes start swinging inside unchanged wicks', () => {
    const closes = Array.from({ length: 200 }, (_, i) =>
      i >= 185 ? 100 + (i % 2 ? 1.5 : -1.5) : 100 + (i % 2) * 0.05,
    );
    const r = classify(candlesFrom(closes, () => 3));
    expect([r.label, r.rule]).toEqual(['volatile', 'bandwidth-spike']);
    const n = r.numbers;
    // ATR was checked first and did not spike.
    expect(n.atrPct).toBeLessThan(2 * (n.atrPctMedian100 as number));
    expect(n.bandwidthPct).toBeGreaterThanOrEqual(2 * (n.bandwidthPctMedian100 as number));
    const { last } = computeIndicators(candlesFrom(closes, () => 3));
    const width =
      (((last.bollingerUpper as number) - (last.bollingerLower as number)) /
        (last.bollingerMiddle as number)) *
      100;
    expect(n.bandwidthPct).toBeCloseTo(width, 12);
  });

  it('unknown when a figure cannot be computed (a price of 0 gives no ATR %)', () => {
    const r = classify(candlesFrom(new Array<number>(80).fill(0), () => 0));
    expect([r.label, r.rule]).toEqual(['unknown', 'indicators-unavailable']);
    expect(r.numbers).toEqual({ candles: 80 });
  });

  it('refuses indicators computed over other candles', () => {
    const candles = candlesFrom(growth(100, 1.003), () => 0.2);
    expect(() => classifyRegime(candles, computeIndicators(candles.slice(1)))).toThrow(RangeError);
  });
});
