import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getJson, startSim } from './helpers.js';

const klines = async (sim, query) => (await getJson(`${sim.httpUrl}/api/v3/klines?${query}`)).body;

/** Folds lower-timeframe rows into one candle the way Binance aggregates. */
function fold(rows) {
  return {
    o: rows[0][1],
    h: Math.max(...rows.map((r) => Number(r[2]))),
    l: Math.min(...rows.map((r) => Number(r[3]))),
    c: rows.at(-1)[4],
    v: rows.reduce((s, r) => s + Math.round(Number(r[5]) * 1e5), 0),
  };
}

describe('seeded price path and klines', () => {
  let a;
  let b;
  let other;
  const day = 86400000;

  beforeAll(async () => {
    [a, b, other] = await Promise.all([
      startSim({ seed: 11 }),
      startSim({ seed: 11 }),
      startSim({ seed: 12 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), other.close()]);
  });

  it('when two sims share a seed, then closed candles are identical; another seed differs', async () => {
    const end = Math.floor(Date.now() / 3600000) * 3600000 - 1;
    const q = `symbol=SOLUSDT&interval=1h&limit=200&endTime=${end}`;

    const [x, y, z] = await Promise.all([klines(a, q), klines(b, q), klines(other, q)]);

    expect(x).toHaveLength(200);
    expect(y).toEqual(x);
    expect(z).not.toEqual(x);
  });

  it('when 1m, 5m, 1h and 1d candles cover the same span, then OHLCV agree exactly', async () => {
    const dayStart = Math.floor(Date.now() / day) * day - 3 * day;
    const mins = [
      ...(await klines(a, `symbol=BTCUSDT&interval=1m&limit=1000&startTime=${dayStart}`)),
      ...(await klines(
        a,
        `symbol=BTCUSDT&interval=1m&limit=440&startTime=${dayStart + 1000 * 60000}`,
      )),
    ];
    const fives = await klines(a, `symbol=BTCUSDT&interval=5m&limit=288&startTime=${dayStart}`);
    const hours = await klines(a, `symbol=BTCUSDT&interval=1h&limit=24&startTime=${dayStart}`);
    const [daily] = await klines(a, `symbol=BTCUSDT&interval=1d&limit=1&startTime=${dayStart}`);

    expect(mins).toHaveLength(1440);
    expect(fold(mins)).toEqual(fold([daily]));
    expect(fold(fives)).toEqual(fold([daily]));
    expect(fold(hours)).toEqual(fold([daily]));
    for (let i = 0; i < 24; i += 1)
      expect(fold(fives.slice(i * 12, i * 12 + 12))).toEqual(fold([hours[i]]));
    expect(new Set(mins.map((r) => r[4])).size).toBeGreaterThan(200);
  });

  it('when 1s candles cover a minute, then they fold into that 1m candle', async () => {
    const start = Math.floor(Date.now() / 60000) * 60000 - 5 * 60000;

    const secs = await klines(a, `symbol=ETHUSDT&interval=1s&limit=60&startTime=${start}`);
    const [minute] = await klines(a, `symbol=ETHUSDT&interval=1m&limit=1&startTime=${start}`);

    expect(secs).toHaveLength(60);
    expect(fold(secs)).toEqual(fold([minute]));
  });

  it('when weeks and months are asked for, then weeks open on Monday and months on the 1st', async () => {
    const weeks = await klines(a, 'symbol=BTCUSDT&interval=1w&limit=3');
    const months = await klines(a, 'symbol=BTCUSDT&interval=1M&limit=3');
    const threeDays = await klines(a, 'symbol=BTCUSDT&interval=3d&limit=2');

    expect(weeks.map((r) => new Date(r[0]).getUTCDay())).toEqual([1, 1, 1]);
    expect(months.map((r) => new Date(r[0]).getUTCDate())).toEqual([1, 1, 1]);
    expect(new Date(months[1][6] + 1).getUTCDate()).toBe(1);
    expect(threeDays[0][0] % (3 * day)).toBe(0);
  });

  it('when a 90-day 5m backtest pages through history, then every page is full and contiguous', async () => {
    let since = Math.floor((Date.now() - 91 * day) / 300000) * 300000;
    const started = Date.now();
    let total = 0;
    let expected = since;

    while (total < 90 * 288) {
      const rows = await klines(a, `symbol=ETHUSDT&interval=5m&limit=1000&startTime=${since}`);
      for (const r of rows) {
        expect(r[0]).toBe(expected);
        expected += 300000;
      }
      total += rows.length;
      since = rows.at(-1)[0] + 300000;
    }

    expect(total).toBeGreaterThanOrEqual(90 * 288);
    expect(Date.now() - started).toBeLessThan(20000);
  });

  it('when startTime, endTime and limit combine, then Binance selection rules apply', async () => {
    const now = Date.now();
    const hour = 3600000;
    const end = now - 10 * hour;

    const fromStart = await klines(
      a,
      `symbol=BTCUSDT&interval=1h&startTime=${end - 5 * hour + 1}&endTime=${end}`,
    );
    const toEnd = await klines(a, `symbol=BTCUSDT&interval=1h&endTime=${end}&limit=3`);
    const latest = await klines(a, 'symbol=BTCUSDT&interval=1h&limit=2');
    const future = await klines(a, `symbol=BTCUSDT&interval=1h&startTime=${now + 5 * hour}`);
    const beforeListing = await klines(a, 'symbol=BTCUSDT&interval=1d&endTime=1600000000000');
    const defaultLimit = await klines(a, 'symbol=BTCUSDT&interval=1m');
    const capped = await klines(a, 'symbol=BTCUSDT&interval=1m&limit=5000');
    const reversed = await getJson(
      `${a.httpUrl}/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=${now}&endTime=${now - hour}`,
    );

    expect(fromStart.map((r) => r[0])).toEqual(
      [1, 2, 3, 4, 5].map((i) => Math.floor((end - 5 * hour) / hour) * hour + i * hour),
    );
    expect(toEnd.at(-1)[0]).toBe(Math.floor(end / hour) * hour);
    expect(toEnd).toHaveLength(3);
    expect(latest[1][0]).toBe(Math.floor(now / hour) * hour);
    expect(latest[1][6]).toBe(latest[1][0] + hour - 1);
    expect(future).toEqual([]);
    expect(beforeListing).toEqual([]);
    expect(defaultLimit).toHaveLength(500);
    expect(capped).toHaveLength(1000);
    expect(reversed.body.code).toBe(-1023);
  });

  it('when a price is set then released, then candles around it stay consistent and the path resumes from it', async () => {
    a.control.setPrice('ADAUSDT', '0.5');
    await new Promise((r) => setTimeout(r, 1100));
    const held = await klines(a, 'symbol=ADAUSDT&interval=1s&limit=1');

    a.control.releasePrice('ADAUSDT');
    const resumed = a.control.getPrice('ADAUSDT');
    const mins = await klines(a, 'symbol=ADAUSDT&interval=1m&limit=3');
    const secs = await klines(a, `symbol=ADAUSDT&interval=1s&limit=1000&startTime=${mins[2][0]}`);

    expect(held[0][4]).toBe('0.50000000');
    expect(Math.abs(Number(resumed) - 0.5)).toBeLessThan(0.01);
    expect(fold(secs)).toEqual(fold([mins[2]]));
  });
});
