import { lastSignal } from '../strategy/behaviours.js';
import { exitReason, updateStop } from './exit-rules.js';
import { checkTimeout } from './order-timeouts.js';
import { computeWhitelist } from './pairlist.js';
import { timeframeToMs } from './timeframe.js';
import { cancelOrder, placeOrder, settleOrder } from './order-flow.js';
import { tradeStakeAmount, validateStake } from './wallet.js';
import { installMarketData } from './market-data.js';
import { exchangeErrorKind } from './exchange-client.js';
import { normalizeProtections, runProtections } from './protections.js';

const DEFAULT_ORDER_TYPES = {
  entry: 'limit',
  exit: 'limit',
  stoploss: 'limit',
  stoploss_on_exchange: false,
  stoploss_on_exchange_interval: 60,
};

/**
 * The trading bot (FreqtradeBot): holds runtime state, runs one iteration per `process()` call.
 * `notify` receives every RPC message (WS broadcast + log).
 */
export function createBot({ config, strategy, repo, exchange, logger, notify, apiVersion }) {
  const bot = {
    config,
    strategy,
    repo,
    exchange,
    notify,
    apiVersion,
    log: logger.get('freqtrade.freqtradebot'),
    state: 'stopped',
    maxOpenTrades: config.max_open_trades === -1 ? Infinity : config.max_open_trades,
    blacklist: [...(config.exchange.pair_blacklist ?? [])],
    whitelist: [],
    tickers: {},
    tickerTimes: {},
    dataframes: new Map(),
    lastClosed: new Map(),
    liveBalance: null,
    lastProcess: null,
    botStartup: null,
    feeRate: config.fee ?? 0.001,
    stoplossRatio: config.stoploss,
    timeframeMs: timeframeToMs(config.timeframe),
    orderTypes: { ...DEFAULT_ORDER_TYPES, ...(config.order_types ?? {}) },
  };
  bot.whitelist = computeWhitelist(bot);
  bot.protections = normalizeProtections(strategy.attrs.protections, bot.timeframeMs);

  const warnedPairs = new Set();
  bot.refreshWhitelist = () => {
    const next = computeWhitelist(bot);
    const markets = exchange.markets;
    for (const pair of config.exchange.pair_whitelist) {
      if (
        markets &&
        !markets[pair] &&
        !warnedPairs.has(pair) &&
        /^[A-Z0-9]+\/[A-Z0-9]+$/.test(pair)
      ) {
        warnedPairs.add(pair);
        bot.log.warning(
          `Pair ${pair} is not compatible with exchange Binance. Removing it from whitelist..`,
        );
      }
    }
    const changed = next.join() !== bot.whitelist.join();
    bot.whitelist = next;
    if (changed) notify({ type: 'whitelist', data: next });
  };

  bot.ensureMarkets = async () => {
    if (exchange.markets) return true;
    try {
      await exchange.loadMarkets();
      bot.whitelist = [];
      bot.refreshWhitelist();
      return true;
    } catch (err) {
      bot.log.warning(`Could not load markets: ${err.message}`);
      return false;
    }
  };

  installMarketData(bot, { strategy, exchange, config });

  bot.updateOrders = async () => {
    for (const trade of repo.openTrades()) {
      for (const order of trade.orders.filter((o) => o.ft_is_open === 1)) {
        try {
          await settleOrder(bot, order);
          if (order.ft_is_open === 1) await checkTimeout(bot, trade, order);
        } catch (err) {
          bot.log.warning(`Unable to update order ${order.order_id}: ${err.message}`);
        }
      }
    }
  };

  bot.manageStoplossOnExchange = async () => {
    if (!bot.orderTypes.stoploss_on_exchange) return;
    for (const trade of repo.openTrades()) {
      const filled = trade.open_fill_date !== null;
      const hasStop = trade.orders.some(
        (o) => o.ft_is_open === 1 && o.ft_order_side === 'stoploss',
      );
      const exiting = trade.orders.some((o) => o.ft_is_open === 1 && o.ft_order_side === 'sell');
      if (!filled || hasStop || exiting) continue;
      const ratio = config.order_types?.stoploss_on_exchange_limit_ratio ?? 0.99;
      const stop = exchange.priceToPrecision(trade.pair, trade.stop_loss);
      const limit = exchange.priceToPrecision(trade.pair, trade.stop_loss * ratio);
      try {
        await placeOrder(bot, trade, {
          ftSide: 'stoploss',
          type: 'stop_loss_limit',
          amount: trade.amount,
          price: limit,
          stopPrice: stop,
          tag: 'stoploss_on_exchange',
        });
      } catch (err) {
        bot.log.error(`Unable to place a stoploss order on exchange. ${err.message}`);
        // As freqtradebot.create_stoploss_order: an InvalidOrderException (e.g. the stop would
        // trigger at once) exits the trade at market instead of leaving it unprotected.
        if (exchangeErrorKind(err) === 'invalid_order') {
          bot.log.warning('Exiting the trade forcefully');
          await bot
            .executeExit(repo.getTrade(trade.id), { reason: 'emergency_exit', ordertype: 'market' })
            .catch((e) => bot.log.error(`Unable to exit trade ${trade.id}: ${e.message}`));
        }
      }
    }
  };

  bot.exitPrice = (pair) => {
    const t = bot.tickers[pair] ?? {};
    const side = config.exit_pricing?.price_side ?? 'same';
    return (side === 'same' || side === 'ask' ? t.ask : t.bid) ?? t.last;
  };

  bot.entryPrice = (pair) => {
    const t = bot.tickers[pair] ?? {};
    const side = config.entry_pricing?.price_side ?? 'same';
    return (side === 'same' || side === 'bid' ? t.bid : t.ask) ?? t.last;
  };

  bot.checkExits = async () => {
    for (const trade of repo.openTrades()) {
      if (trade.open_fill_date === null) continue;
      if (trade.orders.some((o) => o.ft_is_open === 1 && o.ft_order_side === 'sell')) continue;
      const rate = bot.tickers[trade.pair]?.bid ?? bot.tickers[trade.pair]?.last;
      if (!Number.isFinite(rate)) continue;
      updateStop(bot, trade, rate);
      const reason = exitReason(bot, repo.getTrade(trade.id), rate);
      if (reason)
        await bot
          .executeExit(trade, { reason })
          .catch((err) => bot.log.error(`Unable to exit trade ${trade.id}: ${err.message}`));
    }
  };

  bot.executeExit = async (trade, { reason, ordertype, amount }) => {
    for (const o of trade.orders.filter(
      (x) => x.ft_is_open === 1 && x.ft_order_side === 'stoploss',
    )) {
      const res = await cancelOrder(bot, o);
      if (res.status === 'closed') return null;
    }
    const isStop = ['stop_loss', 'trailing_stop_loss'].includes(reason);
    const type =
      ordertype ??
      (isStop
        ? bot.orderTypes.stoploss
        : (bot.orderTypes[reason === 'force_exit' ? 'force_exit' : 'exit'] ?? bot.orderTypes.exit));
    const price = exchange.priceToPrecision(
      trade.pair,
      isStop
        ? (bot.tickers[trade.pair]?.bid ?? bot.exitPrice(trade.pair))
        : bot.exitPrice(trade.pair),
      'down',
    );
    const qty = exchange.amountToPrecision(trade.pair, amount ?? trade.amount);
    repo.updateTrade(trade.id, { exit_order_status: 'open' });
    return placeOrder(bot, repo.getTrade(trade.id), {
      ftSide: 'sell',
      type,
      amount: qty,
      price,
      tag: reason,
    });
  };

  bot.checkEntries = async () => {
    if (bot.state !== 'running') return;
    const now = Date.now();
    for (const pair of bot.whitelist) {
      const open = repo.openTrades();
      if (open.length >= bot.maxOpenTrades) return;
      if (open.some((t) => t.pair === pair)) continue;
      if (
        repo.activeLocks(now).some((l) => (l.pair === pair || l.pair === '*') && l.side !== 'short')
      )
        continue;
      const df = bot.dataframes.get(pair);
      if (!df) continue;
      const signal = lastSignal(df);
      if (!signal.enter || signal.exit) continue;
      await bot
        .executeEntry(pair, { tag: signal.tag })
        .catch((err) => bot.log.warning(`Unable to create trade for ${pair}: ${err.message}`));
    }
  };

  /**
   * FreqtradeBot.execute_entry: the new trade, or null when there is nothing to trade (reason
   * logged). Wallet (DependencyError) and exchange errors propagate to the caller.
   */
  bot.executeEntry = async (pair, { stake, price, ordertype, tag } = {}) => {
    if (!bot.tickers[pair]) bot.storeTickers({ [pair]: await exchange.fetchTicker(pair) });
    const rate =
      price !== undefined
        ? exchange.priceToPrecision(pair, price)
        : exchange.priceToPrecision(pair, bot.entryPrice(pair), 'up');
    if (!config.dry_run) bot.liveBalance = await exchange.fetchBalance();
    const market = exchange.market(pair);
    const stakeAmount = validateStake(bot, pair, stake ?? tradeStakeAmount(bot), {
      minStake: market?.limits?.cost?.min ?? 0,
      maxStake: market?.limits?.cost?.max ?? undefined,
    });
    if (!(stakeAmount > 0)) return null;
    const amount = exchange.amountToPrecision(pair, stakeAmount / rate);
    if (!(amount > 0)) return null;
    const [base, quote] = pair.split('/');
    const trade = {
      exchange: 'binance',
      pair,
      base_currency: base,
      stake_currency: quote,
      is_open: 1,
      fee_open: bot.feeRate,
      fee_close: bot.feeRate,
      open_rate: rate,
      open_rate_requested: rate,
      stake_amount: amount * rate,
      max_stake_amount: amount * rate,
      amount,
      amount_requested: amount,
      open_date: Date.now(),
      strategy: strategy.name,
      enter_tag: tag ?? null,
      timeframe: bot.timeframeMs / 60000,
      realized_profit: 0,
      stop_loss_pct: bot.stoplossRatio,
      stop_loss: rate * (1 + bot.stoplossRatio),
      initial_stop_loss: rate * (1 + bot.stoplossRatio),
      initial_stop_loss_pct: bot.stoplossRatio,
      max_rate: rate,
      min_rate: rate,
    };
    trade.id = repo.insertTrade(trade);
    const type = ordertype ?? bot.orderTypes.entry;
    try {
      await placeOrder(
        bot,
        { ...trade, orders: [] },
        { ftSide: 'buy', type, amount, price: rate, tag: tag ?? null },
      );
    } catch (err) {
      repo.deleteTrade(trade.id);
      throw err;
    }
    await bot.manageStoplossOnExchange();
    return repo.getTrade(trade.id);
  };

  // Freqtrade's _exit_lock: the loop and RPC trade commands never interleave their order handling.
  let lockTail = Promise.resolve();
  bot.withLock = (fn) => {
    const run = lockTail.then(fn, fn);
    lockTail = run.catch(() => {});
    return run;
  };

  bot.process = async () => {
    if (!(await bot.ensureMarkets())) return;
    bot.refreshWhitelist();
    await bot.refreshTickers();
    await bot.refreshCandles();
    if (!config.dry_run)
      bot.liveBalance = await exchange.fetchBalance().catch(() => bot.liveBalance);
    await bot.withLock(async () => {
      await bot.updateOrders();
      await bot.manageStoplossOnExchange();
      await bot.checkExits();
      runProtections(bot);
      await bot.checkEntries();
    });
    bot.lastProcess = Date.now();
  };

  return bot;
}
