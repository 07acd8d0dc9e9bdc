import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBinance } from './helpers/fake-binance.js';
import { connectWs, launch, sleep, tempDir, waitFor } from './helpers/harness.js';

// A strategy with startup_candle_count 1999: the sim pages 2000 candles (1999 closed) per pair,
// more than the 1500-row cap of analyzed_df replies.
let ex;
let bot;

beforeAll(async () => {
  ex = await startFakeBinance();
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'long_history.py'),
    [
      '# sim-behaviour: never-enter',
      'from freqtrade.strategy import IStrategy',
      '',
      'class LongHistoryStrategy(IStrategy):',
      '    timeframe = "1m"',
      '    stoploss = -0.1',
      '    minimal_roi = {"0": 1}',
      '    startup_candle_count = 1999',
      '',
    ].join('\n'),
  );
  bot = await launch(ex.url, {
    strategy: 'LongHistoryStrategy',
    strategy_path: dir,
  });
  await waitFor(
    async () =>
      (await bot.api.get('/pair_candles?pair=ETH/USDT&timeframe=1m')).body.length === 1999,
    { timeout: 20000 },
  );
});
afterAll(async () => {
  await bot?.close();
  await ex?.close();
});

const rowsOf = (msg) => JSON.parse(msg.data.df.__value__).data.length;

/** Sends one request and collects `n` replies of `type`. */
async function ask(c, request, n, type = 'analyzed_df') {
  c.messages.length = 0;
  c.send(request);
  await waitFor(() => c.messages.filter((m) => m.type === type).length >= n, { interval: 20 });
  await sleep(200);
  return c.messages;
}

describe('§4.2 analyzed_df requests', () => {
  it('data with a pair or a limit is capped at 1500 rows; missing or {} data means the whole dataframe', async () => {
    const c = await connectWs(bot.baseUrl, 'sim-ws-token');
    const big = await ask(c, { type: 'analyzed_df', data: { pair: 'BTC/USDT', limit: 5000 } }, 1);
    expect(big.map(rowsOf)).toEqual([1500]);
    expect(big[0].data.key).toEqual(['BTC/USDT', '1m', 'spot']);
    const pairOnly = await ask(c, { type: 'analyzed_df', data: { pair: 'BTC/USDT' } }, 1);
    expect(pairOnly.map(rowsOf)).toEqual([1500]);
    const small = await ask(c, { type: 'analyzed_df', data: { limit: 7 } }, 2);
    expect(small.map(rowsOf)).toEqual([7, 7]);
    const whole = await ask(c, { type: 'analyzed_df' }, 2);
    expect(whole.map((m) => [m.data.key[0], rowsOf(m)])).toEqual([
      ['BTC/USDT', 1999],
      ['ETH/USDT', 1999],
    ]);
    const empty = await ask(c, { type: 'analyzed_df', data: {} }, 2);
    expect(empty.map(rowsOf)).toEqual([1999, 1999]);
    c.ws.close();
  });

  it('a request that fails (injected FreqtradeException) gets the exception reply; a malformed one closes', async () => {
    const c = await connectWs(bot.baseUrl, 'sim-ws-token');
    const set = await bot.api.call('POST', '/__sim/faults', {
      body: { mode: 'ws_request_error', count: 1 },
      noAuth: true,
    });
    expect(set.status).toBe(200);
    const failed = await ask(c, { type: 'whitelist' }, 1, 'exception');
    expect(failed).toEqual([{ type: 'exception', data: 'Error processing request' }]);
    expect(bot.output()).toMatch(/Error processing request from WebSocketChannel\(/);
    const ok = await ask(c, { type: 'whitelist' }, 1, 'whitelist');
    expect(ok).toEqual([{ type: 'whitelist', data: ['BTC/USDT', 'ETH/USDT'] }]);
    c.send({ type: 'analyzed_df', data: { limit: 'many' } });
    expect(await c.closed).toBe(1011);
  });
});

describe('§4.4 slow consumers', () => {
  it('a client that stops reading is dropped once a send outlasts the timeout (analyzed_df flood)', async () => {
    const slow = await connectWs(bot.baseUrl, 'sim-ws-token');
    slow.ws.pause();
    // ~100 kB per frame: far more than the socket buffers hold.
    for (let i = 0; i < 100; i += 1) slow.send({ type: 'analyzed_df' });
    await waitFor(
      () => /Connection for WebSocketChannel\(.*\) timed out, disconnecting/.test(bot.output()),
      {
        timeout: 20000,
      },
    );
    slow.ws.resume();
    expect(await slow.closed).toBe(1006);
    // The server itself is fine: a new client is served.
    const fresh = await connectWs(bot.baseUrl, 'sim-ws-token');
    expect(await ask(fresh, { type: 'whitelist' }, 1, 'whitelist')).toHaveLength(1);
    fresh.ws.close();
  });
});
