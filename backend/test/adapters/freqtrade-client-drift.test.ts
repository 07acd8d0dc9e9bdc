import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  createFreqtradeClient,
  type FreqtradeClient,
} from '../../src/adapters/freqtrade/client.js';

// Answers sim/freqtrade never gives (it follows the contract): schema drift, NaN as null,
// "unlimited", 200 refusals and pydantic 422 lists. A loopback fake serves them verbatim.

interface Canned {
  status: number;
  body: unknown;
}
const answers = new Map<string, Canned>();
let server: Server;
let client: FreqtradeClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const canned =
      path === '/api/v1/token/login'
        ? { status: 200, body: { access_token: 'a.b.c', refresh_token: 'd.e.f' } }
        : (answers.get(path) ?? { status: 404, body: { detail: 'Not Found' } });
    res.writeHead(canned.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(canned.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  client = createFreqtradeClient({
    baseUrl: `http://127.0.0.1:${port}/api/v1/`,
    username: 'u',
    password: 'p',
  });
});
beforeEach(() => answers.clear());
afterAll(async () => {
  await client?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const showConfig = (overrides: Record<string, unknown> = {}) => ({
  version: '2024.10',
  strategy_version: null,
  api_version: 2.4,
  dry_run: true,
  trading_mode: 'spot',
  stake_currency: 'USDT',
  stake_amount: '100',
  available_capital: null,
  max_open_trades: 3,
  minimal_roi: { '0': 0.1 },
  stoploss: -0.1,
  stoploss_on_exchange: false,
  timeframe: '5m',
  exchange: 'binance',
  strategy: 'NeverEnterStrategy',
  force_entry_enable: true,
  bot_name: 'bot',
  state: 'running',
  runmode: 'dry_run',
  ...overrides,
});

const openTrade = (overrides: Record<string, unknown> = {}) => ({
  trade_id: 1,
  pair: 'BTC/USDT',
  base_currency: 'BTC',
  quote_currency: 'USDT',
  is_open: true,
  is_short: false,
  exchange: 'binance',
  strategy: 'NeverEnterStrategy',
  enter_tag: null,
  timeframe: 5,
  amount: 0.001,
  amount_requested: 0.001,
  stake_amount: 50,
  open_rate: 50000,
  open_date: '2024-10-24 09:30:01',
  open_timestamp: 1729762201000,
  open_fill_timestamp: 1729762203000,
  close_rate: null,
  close_timestamp: null,
  close_profit: null,
  close_profit_abs: null,
  profit_ratio: null,
  profit_abs: null,
  realized_profit: 0,
  exit_reason: null,
  exit_order_status: null,
  stop_loss_abs: 45000,
  stop_loss_ratio: -0.1,
  initial_stop_loss_abs: 45000,
  fee_open: 0.001,
  fee_close: 0.001,
  has_open_orders: false,
  orders: [],
  current_rate: null,
  total_profit_abs: null,
  total_profit_ratio: null,
  stoploss_current_dist_ratio: null,
  stoploss_entry_dist_ratio: null,
  ...overrides,
});

const serve = (path: string, body: unknown, status = 200) =>
  answers.set(`/api/v1${path}`, { status, body });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('freqtrade client: what Spotdesk reads is strict', () => {
  it('when stake_amount arrives as a number, then bot-bad-response names the field', async () => {
    serve('/show_config', showConfig({ stake_amount: 100 }));

    const error = await failure(client.showConfig());

    expect(error).toMatchObject({
      code: 'bot-bad-response',
      details: {
        upstreamMessage: 'field stake_amount: expected string, received number',
        path: '/api/v1/show_config',
        field: 'stake_amount',
      },
    });
  });

  it('when the state is not one a trading bot has, then the field is named', async () => {
    serve('/show_config', showConfig({ state: '' }));

    const error = await failure(client.showConfig());

    expect(error).toMatchObject({ code: 'bot-bad-response', details: { field: 'state' } });
  });

  it('when a trade id inside a list is a string, then the path into the list is named', async () => {
    serve('/status', [openTrade(), openTrade({ trade_id: '2' })]);

    const error = await failure(client.status());

    expect(error).toMatchObject({
      code: 'bot-bad-response',
      details: { upstreamMessage: 'field 1.trade_id: expected number, received string' },
    });
  });

  it('when a candle row has a bad date, then the cell is named', async () => {
    serve('/pair_candles', {
      strategy: 'S',
      pair: 'BTC/USDT',
      timeframe: '5m',
      columns: ['date', 'open', 'high', 'low', 'close', 'volume'],
      data: [['2024-10-24 09:30:00', 1, 1, 1, 1, 1]],
      length: 1,
      enter_long_signals: 0,
      exit_long_signals: 0,
      last_analyzed_ts: 1729762201,
    });

    const error = await failure(client.pairCandles({ pair: 'BTC/USDT', timeframe: '5m' }));

    expect(error).toMatchObject({
      details: { upstreamMessage: 'field data.0.date: expected an ISO date ending in Z' },
    });
  });
});

describe('freqtrade client: what Freqtrade may send is accepted', () => {
  it('when stake and trades are unlimited, then both read as "unlimited"', async () => {
    serve('/show_config', showConfig({ stake_amount: 'unlimited', max_open_trades: -1 }));
    serve('/count', { current: 0, max: -1, total_stake: 0 });

    const config = await client.showConfig();

    expect(config).toMatchObject({ stakeAmount: 'unlimited', maxOpenTrades: 'unlimited' });
    expect((await client.count()).max).toBe('unlimited');
  });

  it('when rates were NaN and fields were added, then nulls come through and extras are ignored', async () => {
    serve('/status', [openTrade({ added_in_2026: { nested: true } })]);

    const [trade] = await client.status();

    expect(trade).toMatchObject({ currentRate: null, profitRatio: null, totalProfitAbs: null });
    expect(trade?.openDate.toISOString()).toBe('2024-10-24T09:30:01.000Z');
    expect(trade).not.toHaveProperty('added_in_2026');
  });

  it('when /profit is empty (profit_factor Infinity, timestamps 0), then nulls', async () => {
    serve('/profit', {
      ...Object.fromEntries(
        ['profit_closed_coin', 'profit_closed_ratio', 'profit_all_coin', 'profit_all_ratio'].map(
          (k) => [k, 0],
        ),
      ),
      ...Object.fromEntries(
        ['trade_count', 'closed_trade_count', 'winning_trades', 'losing_trades'].map((k) => [k, 0]),
      ),
      profit_factor: null,
      winrate: 0,
      expectancy: 0,
      expectancy_ratio: 0,
      max_drawdown: 0,
      max_drawdown_abs: 0,
      best_pair: '',
      best_pair_profit_ratio: 0,
      avg_duration: '0:00:00',
      trading_volume: null,
      first_trade_date: '',
      first_trade_timestamp: 0,
      latest_trade_timestamp: 0,
      bot_start_timestamp: 0,
    });

    const profit = await client.profit();

    expect(profit).toMatchObject({ profitFactor: null, firstTradeDate: null, botStartDate: null });
  });
});

describe('freqtrade client: refusals in other shapes', () => {
  it('when /forceenter answers 200 with an error status, then bot-rejected with that text', async () => {
    serve('/forceenter', { status: 'Error entering long trade for pair BTC/USDT.' });

    const error = await failure(client.forceEnter({ pair: 'BTC/USDT' }));

    expect(error).toMatchObject({
      code: 'bot-rejected',
      details: {
        upstreamMessage: 'Error entering long trade for pair BTC/USDT.',
        path: '/api/v1/forceenter',
        status: 200,
      },
    });
  });

  it('when a 422 lists pydantic issues, then they are quoted without their input', async () => {
    serve(
      '/trades',
      {
        detail: [
          {
            type: 'greater_than_equal',
            loc: ['query', 'limit'],
            msg: 'Input should be greater than or equal to 1',
            input: 'secret-looking-input',
          },
        ],
      },
      422,
    );

    const error = await failure(client.trades({ limit: 1 }));

    expect(error).toMatchObject({
      code: 'bot-rejected',
      details: { upstreamMessage: 'query.limit: Input should be greater than or equal to 1' },
    });
    expect(JSON.stringify(error)).not.toContain('secret-looking-input');
  });

  it('when a webserver-only answer (503 detail) comes back, then bot-rejected with the detail', async () => {
    serve('/whitelist', { detail: 'Bot is not in the correct state.' }, 503);

    const error = await failure(client.whitelist());

    expect(error).toMatchObject({
      code: 'bot-rejected',
      details: { upstreamMessage: 'Bot is not in the correct state.', status: 503 },
    });
  });

  it('when an id or path would leave /api/v1, then the call is refused before it is sent', async () => {
    await expect(client.trade(-1)).rejects.toThrow(RangeError);
    await expect(client.strategy('..')).rejects.toThrow(/refusing to call/);
    await expect(client.trades({ limit: 0 })).rejects.toThrow(RangeError);
  });
});
