import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createFreqtradeClient,
  type FreqtradeClient,
  type OpenTrade,
} from '../../src/adapters/freqtrade/client.js';
import { UpstreamRejectedError } from '../../src/domain/errors.js';
import {
  startSimBot,
  startSimExchange,
  type SimBot,
  type SimExchange,
} from '../helpers/start-sims.js';

// Every REST method of the client against a real sim/freqtrade (API 2.40) trading on sim/exchange.

let exchange: SimExchange;
let bot: SimBot;
let client: FreqtradeClient;
beforeAll(async () => {
  exchange = await startSimExchange();
  await exchange.setPrice('BTCUSDT', '50000');
  await exchange.setPrice('ETHUSDT', '3000');
  // Exits sell at the ask: with the price held, a limit exit rests until it is cancelled.
  bot = await startSimBot({ exchange, config: { exit_pricing: { price_side: 'ask' } } });
  client = createFreqtradeClient({
    baseUrl: bot.baseUrl,
    username: bot.username,
    password: bot.password,
  });
});
afterAll(async () => {
  await client?.close();
  await bot?.stop();
  await exchange?.stop();
});

async function rejection(promise: Promise<unknown>): Promise<UpstreamRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamRejectedError);
  return error as UpstreamRejectedError;
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('freqtrade client: bot and config', () => {
  it('when pinged and asked for its version and config, then typed domain values come back', async () => {
    await client.ping();
    const version = await client.version();
    const config = await client.showConfig();

    expect(version).toBe('2024.10');
    expect(config).toMatchObject({
      apiVersion: 2.4,
      state: 'running',
      runmode: 'dry_run',
      dryRun: true,
      botName: 'spotdesk-test-bot',
      strategy: 'NeverEnterStrategy',
      stakeCurrency: 'USDT',
      stakeAmount: 100,
      maxOpenTrades: 3,
      forceEntryEnable: true,
      exchange: 'binance',
    });
  });

  it('when asked for lists, health and logs, then pairs, Dates and records come back', async () => {
    const whitelist = await client.whitelist();
    const blacklist = await client.blacklist();
    const health = await until(async () => {
      const h = await client.health();
      return h.lastProcess ? h : null;
    });
    const logs = await client.logs(3);

    expect(whitelist).toEqual({ pairs: ['BTC/USDT', 'ETH/USDT'], method: ['StaticPairList'] });
    expect(blacklist).toEqual({ pairs: [], expanded: [], errors: {}, method: ['StaticPairList'] });
    // /health sends epoch seconds: a Date near now proves they were not read as ms.
    expect(Math.abs(Date.now() - (health.lastProcess?.getTime() ?? 0))).toBeLessThan(60_000);
    expect(health.botStartup).toBeInstanceOf(Date);
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatchObject({ logger: expect.any(String), level: 'INFO' });
    expect(Math.abs(Date.now() - (logs[0]?.at.getTime() ?? 0))).toBeLessThan(60_000);
  });

  it('when strategies are listed and read, then names and code come back; an unknown one is rejected', async () => {
    const names = await client.strategies();
    const code = await client.strategy('NeverEnterStrategy');
    const missing = await rejection(client.strategy('NoSuchStrategy'));

    expect(names).toContain('NeverEnterStrategy');
    expect(code).toMatchObject({ name: 'NeverEnterStrategy', timeframe: '5m' });
    expect(code.code).toContain('class NeverEnterStrategy(IStrategy)');
    expect(missing.code).toBe('bot-rejected');
    expect(missing.details).toEqual({
      upstreamMessage: 'Strategy not found',
      path: '/api/v1/strategy/NoSuchStrategy',
      status: 404,
    });
  });

  it('when candles are asked for, then OHLCV rows become Candles with Dates', async () => {
    const history = await until(async () => {
      const h = await client.pairCandles({ pair: 'BTC/USDT', timeframe: '5m', limit: 3 });
      return h.candles.length > 0 ? h : null;
    });

    expect(history).toMatchObject({ pair: 'BTC/USDT', timeframe: '5m', enterLongSignals: 0 });
    expect(history.candles.length).toBeLessThanOrEqual(3);
    expect(history.candles[0]?.time).toBeInstanceOf(Date);
    expect(history.candles[0]?.close).toBeGreaterThan(0);
    expect(history.columns).toEqual(expect.arrayContaining(['date', 'open', 'close']));
    expect(history.lastAnalyzed).toBeInstanceOf(Date);
  });
});

describe('freqtrade client: trades', () => {
  let entered: OpenTrade | undefined;

  it('when a market entry is forced, then it is an open trade in status, trade, count and balance', async () => {
    const trade = await client.forceEnter({
      pair: 'BTC/USDT',
      stakeAmount: 50,
      orderType: 'market',
    });

    const open = await client.status();
    entered = await client.trade(trade.tradeId);
    const count = await client.count();
    const balance = await client.balance();

    expect(trade).toMatchObject({ pair: 'BTC/USDT', isOpen: true, enterTag: 'force_entry' });
    expect(trade.stakeAmount).toBeGreaterThan(45);
    expect(trade.stakeAmount).toBeLessThanOrEqual(50);
    expect(trade.openDate).toBeInstanceOf(Date);
    expect(open.map((t) => t.tradeId)).toEqual([trade.tradeId]);
    expect(entered).toMatchObject({ tradeId: trade.tradeId, isOpen: true, hasOpenOrders: false });
    expect(entered.currentRate).toBeGreaterThan(0);
    expect(entered.orders[0]).toMatchObject({ side: 'buy', orderType: 'market', isOpen: false });
    expect(count).toEqual({ current: 1, max: 3, totalStake: expect.any(Number) });
    expect(balance.currencies.map((c) => c.currency).sort()).toEqual(['BTC', 'USDT']);
    expect(balance.note).toBe('Simulated balances');
  });

  it('when the same pair is forced again, then Freqtrade’s message comes without its prefix', async () => {
    const error = await rejection(client.forceEnter({ pair: 'BTC/USDT' }));

    expect(error.code).toBe('bot-rejected');
    expect(error.details).toEqual({
      upstreamMessage: `position for BTC/USDT already open - id: ${entered?.tradeId}`,
      path: '/api/v1/forceenter',
      status: 502,
    });
  });

  it('when a limit exit rests and is cancelled, then the trade stays open with the cancel status', async () => {
    const id = entered?.tradeId ?? -1;
    const confirmation = await client.forceExit({ tradeId: id, orderType: 'limit' });
    const resting = await client.trade(id);

    const cancelled = await client.cancelOpenOrder(id);
    const reloaded = await client.reloadTrade(id);
    const again = await rejection(client.cancelOpenOrder(id));

    expect(confirmation).toBe(`Created exit order for trade ${id}.`);
    expect(resting.hasOpenOrders).toBe(true);
    expect(cancelled).toMatchObject({ tradeId: id, isOpen: true, hasOpenOrders: false });
    expect(cancelled.exitOrderStatus).toBe('user requested order cancel');
    expect(reloaded).toMatchObject({ tradeId: id, isOpen: true });
    expect(again.details?.['upstreamMessage']).toBe('No open order for trade_id.');
  });

  it('when trades are exited, then closed trades, profit, performance, stats and daily show them', async () => {
    const second = await client.forceEnter({ pair: 'ETH/USDT', orderType: 'market' });
    expect(await client.forceExit({ tradeId: 'all', orderType: 'market' })).toBe(
      'Created exit orders for all open trades.',
    );
    await until(async () => (await client.status()).length === 0);

    const page = await client.trades({ limit: 1, offset: 0 });
    const all = await client.allClosedTrades(1);
    const profit = await client.profit();
    const performance = await client.performance();
    const stats = await client.stats();
    const daily = await client.daily(2);

    expect(page).toMatchObject({ tradesCount: 1, offset: 0, totalTrades: 2 });
    expect(all.map((t) => t.tradeId)).toEqual([entered?.tradeId, second.tradeId]);
    expect(all[0]).toMatchObject({ isOpen: false, exitReason: 'force_exit' });
    expect(all[0]?.closeDate).toBeInstanceOf(Date);
    expect(profit).toMatchObject({ closedTradeCount: 2, tradeCount: 2 });
    expect(profit.firstTradeDate).toBeInstanceOf(Date);
    expect(performance.map((p) => p.pair).sort()).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(Object.keys(stats.exitReasons)).toEqual(['force_exit']);
    expect(daily.days).toHaveLength(2);
    expect(daily.days[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(daily.days[0]?.tradeCount).toBe(2);
  });

  it('when every closed trade is paged, then offset advances by trades_count until total_trades', async () => {
    const pages = () => bot.requests().filter((r) => r.path === '/api/v1/trades').length;
    const before = pages();

    const all = await client.allClosedTrades(1);

    // The access log reaches us through the bot's stderr, a moment after each answer.
    await until(async () => pages() - before >= 2);
    expect(all).toHaveLength(2);
    expect(pages() - before).toBe(2);
  });

  it('when a resting entry is cancelled, then Freqtrade drops the trade and says so', async () => {
    const trade = await client.forceEnter({ pair: 'ETH/USDT', orderType: 'limit', price: 1 });
    expect(trade.hasOpenOrders).toBe(true);

    const error = await rejection(client.cancelOpenOrder(trade.tradeId));
    const gone = await rejection(client.trade(trade.tradeId));

    // Upstream cancels the never-filled entry, deletes the trade, then fails to show it.
    expect(error.details?.['upstreamMessage']).toBe('no active trade');
    expect(gone.details).toMatchObject({ upstreamMessage: 'Trade not found.', status: 404 });
  });

  it('when an open trade is deleted, then its orders are cancelled; an unknown id is rejected', async () => {
    const trade = await client.forceEnter({ pair: 'ETH/USDT', orderType: 'limit', price: 1 });

    const deleted = await client.deleteTrade(trade.tradeId);
    const unknown = await rejection(client.deleteTrade(999));

    expect(deleted).toEqual({
      tradeId: trade.tradeId,
      cancelledOrders: 1,
      message: `Deleted trade ${trade.tradeId}. Closed 1 open orders.`,
    });
    expect(unknown.details).toEqual({
      upstreamMessage: 'invalid argument',
      path: '/api/v1/trades/999',
      status: 502,
    });
  });
});

describe('freqtrade client: locks and control', () => {
  it('when a lock exists, then locks() shows it with Dates and deleteLock() removes it', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const auth = `Basic ${Buffer.from(`${bot.username}:${bot.password}`).toString('base64')}`;
    await fetch(`${bot.baseUrl}/api/v1/locks`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify([{ pair: 'ETH/USDT', until, reason: 'test' }]),
    });

    const [lock, ...rest] = await client.locks();
    const after = await client.deleteLock(lock?.id ?? -1);

    expect(rest).toEqual([]);
    expect(lock).toMatchObject({ pair: 'ETH/USDT', side: '*', reason: 'test', active: true });
    // Rounded up to the next 5m candle.
    expect(lock?.lockedUntil.getTime()).toBeGreaterThanOrEqual(Date.parse(until));
    expect(lock?.lockedAt).toBeInstanceOf(Date);
    expect(after).toEqual([]);
  });

  it('when stopped, then trading endpoints are rejected until it is started again', async () => {
    expect(await client.stop()).toBe('stopping trader ...');
    await bot.waitForState('stopped');

    const count = await rejection(client.count());
    expect(await client.start()).toBe('starting trader ...');
    await bot.waitForState('running');

    expect(count.details?.['upstreamMessage']).toBe('trader is not running');
    expect((await client.count()).current).toBe(0);
  });
});
