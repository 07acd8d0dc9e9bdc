import fs from 'node:fs';
import path from 'node:path';
import { startExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_STRATEGIES } from '../src/index.js';
import { launch, sleep, tempDir, waitFor } from './helpers/harness.js';

// The bundled RSI mean reversion and Bollinger breakout strategies trading on a live (dry-run) bot:
// sim/exchange's control surface scripts a price path on 1 s candles, and each test checks that
// the entry and the exit happen on closed candles where the strategy's rule holds, reading the
// bot's own analysed dataframe (/pair_candles). ROI and stoploss are pushed out of reach so only
// the exit signal can close the trade.
let ex;
const bots = [];
beforeAll(async () => {
  ex = await startExchange({ seed: 11 });
});
afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await ex?.close();
});

const SECOND = 1000;

async function startStopped(strategy, pair, extra = {}) {
  const b = await launch(ex.httpUrl, {
    strategy,
    timeframe: '1s',
    initial_state: 'stopped',
    minimal_roi: { 0: 10 },
    stoploss: -0.99,
    max_open_trades: 1,
    exchange: { pair_whitelist: [pair] },
    ...extra,
  });
  bots.push(b);
  return b;
}

/** The bot's analysed dataframe as one object per candle. */
async function candlesOf(b, pair) {
  const r = (await b.api.get(`/pair_candles?pair=${pair}&timeframe=1s`)).body;
  return r.data.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]])));
}

const closedTrade = (b) =>
  waitFor(async () => (await b.api.get('/trades')).body.trades[0], { timeout: 45 * SECOND });

/** The candles that had closed when the bot acted at `atMs` (the last 3 of them). */
const candlesBefore = (rows, atMs) =>
  rows.filter((r) => r.__date_ts + SECOND <= atMs && r.__date_ts >= atMs - 3 * SECOND);

const price = (p) => p.toFixed(2);

describe.concurrent('strategies trading on scripted prices (1 s candles)', () => {
  it(
    'RsiMeanReversionStrategy enters once RSI < 30 closes above the lower band, exits on RSI > 70',
    async () => {
      const b = await startStopped('RsiMeanReversionStrategy', 'ETH/USDT');
      const p0 = Number(ex.control.getPrice('ETHUSDT'));
      const top = p0 * 1.03;
      const low = top * 0.9;
      const t0 = Date.now();
      // Rise for 8 s (RSI high), fall 10 % in 2 s (RSI < 30, closes far below the lower band),
      // hold 12 s (RSI stays low, the band comes down to the price), rise 16 % in 8 s (RSI > 70).
      ex.control.scriptPrice('ETHUSDT', [
        { afterMs: 8 * SECOND, price: price(top) },
        { afterMs: 10 * SECOND, price: price(low) },
        { afterMs: 22 * SECOND, price: price(low) },
        { afterMs: 30 * SECOND, price: price(low * 1.16) },
      ]);
      await sleep(3 * SECOND);
      expect((await b.api.post('/start')).status).toBe(200);

      const trade = await closedTrade(b);
      const rows = await candlesOf(b, 'ETH/USDT');

      const scripted = rows.filter((r) => r.__date_ts >= t0 + SECOND);
      const firstEntry = scripted.find((r) => r.enter_long === 1);
      expect(firstEntry.__date_ts).toBeGreaterThanOrEqual(t0 + 10 * SECOND);
      expect(firstEntry.__date_ts).toBeLessThan(t0 + 22 * SECOND);
      expect(scripted.some((r) => r.rsi < 30 && r.close < r.bb_lower && r.enter_long === 0)).toBe(
        true,
      );
      expect(trade.enter_tag).toBe('rsi_oversold');
      const atEntry = candlesBefore(rows, trade.open_timestamp);
      expect(atEntry.some((r) => r.enter_long === 1 && r.rsi < 30 && r.close > r.bb_lower)).toBe(
        true,
      );
      expect(trade.open_timestamp).toBeGreaterThanOrEqual(firstEntry.__date_ts + SECOND);
      expect(trade.exit_reason).toBe('exit_signal');
      const atExit = candlesBefore(rows, trade.close_timestamp);
      expect(atExit.some((r) => r.exit_long === 1 && r.rsi > 70)).toBe(true);
      expect(trade.close_timestamp).toBeGreaterThanOrEqual(t0 + 22 * SECOND);
      expect(trade.close_rate).toBeGreaterThan(trade.open_rate);
    },
    90 * SECOND,
  );

  it(
    'BollingerBreakoutStrategy enters on a close above the upper band with volume_factor from the params file, exits below the middle band',
    async () => {
      // On a held price every 1 s candle has the same volume, so "volume > mean × factor" holds at
      // volume_factor 0.5 and fails at 1.5: two bots, each with its own parameter file.
      const botFor = async (factor) => {
        const dir = tempDir();
        fs.copyFileSync(
          path.join(BUNDLED_STRATEGIES, 'bollinger_breakout_strategy.py'),
          path.join(dir, 'bollinger_breakout_strategy.py'),
        );
        fs.writeFileSync(
          path.join(dir, 'bollinger_breakout_strategy.json'),
          JSON.stringify({
            strategy_name: 'BollingerBreakoutStrategy',
            params: { buy: { volume_factor: factor } },
            ft_stratparam_v: 1,
            export_time: '2025-01-01 00:00:00.000000+00:00',
          }),
        );
        return startStopped('BollingerBreakoutStrategy', 'SOL/USDT', { strategy_path: dir });
      };
      const p0 = Number(ex.control.getPrice('SOLUSDT'));
      ex.control.setPrice('SOLUSDT', price(p0));
      const held = Date.now();
      const [loose, strict] = await Promise.all([botFor(0.5), botFor(1.5)]);
      // Once 20 held candles have closed the band is flat (no signal); then rise 5 % in 5 s (closes
      // above the upper band) and fall 8 % in 3 s (closes below the middle band).
      const riseAt = held + 24 * SECOND - Date.now();
      ex.control.scriptPrice('SOLUSDT', [
        { afterMs: riseAt, price: price(p0) },
        { afterMs: riseAt + 5 * SECOND, price: price(p0 * 1.05) },
        { afterMs: riseAt + 8 * SECOND, price: price(p0 * 0.97) },
      ]);
      await sleep(Math.max(0, held + 22 * SECOND - Date.now()));
      await Promise.all([loose.api.post('/start'), strict.api.post('/start')]);

      const trade = await closedTrade(loose);
      const rows = await candlesOf(loose, 'SOL/USDT');
      const strictRows = await candlesOf(strict, 'SOL/USDT');

      const riseStart = held + 24 * SECOND;
      const firstEntry = rows.find((r) => r.__date_ts >= held + SECOND && r.enter_long === 1);
      expect(firstEntry.__date_ts).toBeGreaterThanOrEqual(riseStart - SECOND);
      expect(trade.enter_tag).toBe('bb_breakout');
      const atEntry = candlesBefore(rows, trade.open_timestamp);
      expect(
        atEntry.some(
          (r) => r.enter_long === 1 && r.close > r.bb_upper && r.volume > 0.5 * r.volume_mean,
        ),
      ).toBe(true);
      expect(trade.exit_reason).toBe('exit_signal');
      const atExit = candlesBefore(rows, trade.close_timestamp);
      expect(atExit.some((r) => r.exit_long === 1 && r.close < r.bb_middle)).toBe(true);
      expect(trade.close_timestamp).toBeGreaterThanOrEqual(riseStart + 5 * SECOND);
      // The strict bot saw the same breakout candles but its volume filter held it back.
      const breakouts = strictRows.filter((r) => r.__date_ts >= riseStart && r.close > r.bb_upper);
      expect(breakouts.length).toBeGreaterThan(0);
      expect(breakouts.every((r) => r.enter_long === 0)).toBe(true);
      expect((await strict.api.get('/trades')).body.total_trades).toBe(0);
      expect((await strict.api.get('/status')).body).toEqual([]);
    },
    90 * SECOND,
  );
});
