// The installation's trading day starts at local midnight in its time zone, DST included.
import { describe, expect, it } from 'vitest';

import { isTimeZone, tradingDayStart, zoneOffsetMinutes } from '../../src/domain/trading-day.js';

const start = (at: string, zone: string) =>
  new Date(tradingDayStart(Date.parse(at), zone)).toISOString();

describe('tradingDayStart', () => {
  it('is midnight UTC by default and local midnight elsewhere', () => {
    expect(start('2026-03-10T02:30:00Z', 'UTC')).toBe('2026-03-10T00:00:00.000Z');
    expect(zoneOffsetMinutes(Date.parse('2026-03-10T02:30:00Z'), 'America/Sao_Paulo')).toBe(-180);
    // 02:30 UTC is still the 9th in São Paulo.
    expect(start('2026-03-10T02:30:00Z', 'America/Sao_Paulo')).toBe('2026-03-09T03:00:00.000Z');
    expect(start('2026-03-10T01:00:00Z', 'Asia/Tokyo')).toBe('2026-03-09T15:00:00.000Z');
  });

  it('follows a DST change: New York midnight is 05:00 UTC before it and 04:00 after', () => {
    expect(start('2026-03-08T12:00:00Z', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(start('2026-03-09T12:00:00Z', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
