// The dashboard's figures, defined once (domain/figures.ts).
import { describe, expect, it } from 'vitest';

import { pnlToday, roiTarget } from '../../src/domain/figures.js';

const opened = Date.parse('2026-12-01T10:00:00Z');
const minutes = (n: number) => opened + n * 60_000;

describe('roiTarget', () => {
  const roi = { '0': 0.04, '30': 0.02, '60': 0 };

  it('uses the ROI step in force at the trade’s age', () => {
    expect(roiTarget(100, opened, minutes(5), roi)).toBeCloseTo(104, 9);
    expect(roiTarget(100, opened, minutes(30), roi)).toBeCloseTo(102, 9);
    expect(roiTarget(100, opened, minutes(90), roi)).toBeCloseTo(100, 9);
  });

  it('is none without a ROI table, or when the table switches ROI off', () => {
    expect(roiTarget(100, opened, minutes(5), null)).toBeNull();
    expect(roiTarget(100, opened, minutes(5), { '0': 100 })).toBeNull();
    // No step applies before the first key.
    expect(roiTarget(100, opened, minutes(5), { '10': 0.01 })).toBeNull();
  });
});

describe('pnlToday', () => {
  it('is equity now minus equity at the day’s start, and its share of the start', () => {
    expect(pnlToday(1050, 1000)).toEqual({ abs: 50, pct: 0.05 });
    expect(pnlToday(990, 1000)).toEqual({ abs: -10, pct: -0.01 });
  });

  it('has no % when the start equity is unknown or zero', () => {
    expect(pnlToday(1000, null)).toEqual({ abs: 0, pct: null });
    expect(pnlToday(10, 0)).toEqual({ abs: 10, pct: null });
  });
});
