// Writes the candle fixtures of backend/src/domain/market's tests, once, from the repo's own
// Binance simulator (sim/exchange): its price path is a pure function of (seed, symbol, time), so
// a fixed seed and fixed start times give the same candles on every run. See README.md here.
//
//   node scripts/market-reference/make-candles.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startExchange } from '../../sim/exchange/src/index.js';

const SEED = 42;
const LIMIT = 800;
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../backend/test/fixtures/market');

/** name → where in the simulated history it is taken (chosen for their shape, see README.md). */
const FIXTURES = [
  // +35 % over 133 days at BTC prices (~1e5): a trending series with large numbers.
  { name: 'btcusdt-4h-trend', symbol: 'BTCUSDT', interval: '4h', start: Date.UTC(2024, 6, 1) },
  // +0.1 % over 33 days with 15 % swings: a choppy one.
  { name: 'ethusdt-1h-chop', symbol: 'ETHUSDT', interval: '1h', start: Date.UTC(2024, 9, 1) },
  // -14 % at DOGE prices (~0.2): small numbers, where an absolute tolerance alone would be blind.
  { name: 'dogeusdt-1h-down', symbol: 'DOGEUSDT', interval: '1h', start: Date.UTC(2025, 3, 1) },
  // The simulator opens every candle at the previous close, so true range is always high − low.
  // This one gets gaps (see withGaps) so that ATR's |close[i−1] − high/low| terms are exercised.
  {
    name: 'solusdt-1h-gaps',
    symbol: 'SOLUSDT',
    interval: '1h',
    start: Date.UTC(2024, 3, 1),
    gaps: true,
  },
];

/**
 * Every 9th candle, from the 5th, moves the rest of the series by ±1–3 % (alternating up and
 * down), so that candle opens away from the previous close like after an exchange halt.
 * Deterministic; rounding to the cent keeps high ≥ open/close ≥ low.
 */
function withGaps(candles) {
  let factor = 1;
  const cent = (x) => Math.round(x * factor * 100) / 100;
  return candles.map((c, i) => {
    if (i % 9 === 4) factor *= 1 + (Math.floor(i / 9) % 2 === 0 ? 1 : -1) * 0.01 * (1 + (i % 3));
    return { ...c, open: cent(c.open), high: cent(c.high), low: cent(c.low), close: cent(c.close) };
  });
}

const sim = await startExchange({
  seed: SEED,
  symbols: [...new Set(FIXTURES.map((f) => f.symbol))],
});
try {
  await mkdir(OUT_DIR, { recursive: true });
  for (const f of FIXTURES) {
    const url = `${sim.httpUrl}/api/v3/klines?symbol=${f.symbol}&interval=${f.interval}&startTime=${f.start}&limit=${LIMIT}`;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const rows = await res.json();
    if (rows.length !== LIMIT) throw new Error(`${f.name}: got ${rows.length} candles`);
    const raw = rows.map((r) => ({
      time: r[0],
      open: Number(r[1]),
      high: Number(r[2]),
      low: Number(r[3]),
      close: Number(r[4]),
      volume: Number(r[5]),
    }));
    const candles = f.gaps ? withGaps(raw) : raw;
    for (const c of candles) {
      if (!(c.high >= Math.max(c.open, c.close) && c.low <= Math.min(c.open, c.close))) {
        throw new Error(`${f.name}: bad candle ${JSON.stringify(c)}`);
      }
    }
    const head = {
      source: `sim/exchange seed ${SEED}, GET /api/v3/klines?symbol=${f.symbol}&interval=${f.interval}&startTime=${f.start}&limit=${LIMIT}${f.gaps ? ', then withGaps()' : ''}`,
      symbol: f.symbol,
      interval: f.interval,
    };
    // One candle a line: small diffs, readable.
    const text = `${JSON.stringify(head).slice(0, -1)},"candles":[\n${candles.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;
    const file = join(OUT_DIR, `candles-${f.name}.json`);
    await writeFile(file, text);
    console.log(
      `${file}: ${candles.length} candles, close ${candles[0].close} → ${candles.at(-1).close}`,
    );
  }
} finally {
  await sim.close();
}
