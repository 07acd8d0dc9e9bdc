import { RpcError } from '../errors.js';
import { lockJson } from './lock-json.js';
import { exitStats, performance, profitStats, tagStats, timeunitProfit } from './stats.js';
import { dryBalances, startingBalance, tiedUp } from './wallet.js';
import { expandPairs, isValidWildcard } from './pairlist.js';
import { ceilToCandle } from './timeframe.js';
import { requireRunning } from './rpc-trades.js';

export const API_PROFILES = {
  '2.40': { version: '2024.10', api_version: 2.4 },
  newer: { version: '2025.2', api_version: 2.42 },
};

const closedOf = (bot, pair) => bot.repo.closedTrades().filter((t) => !pair || t.pair === pair);
const rates = (bot) => Object.fromEntries(Object.entries(bot.tickers).map(([p, t]) => [p, t.last]));

function isoZ(ms) {
  return ms ? new Date(ms).toISOString().replace('Z', '000Z') : null;
}

export const infoRpc = {
  showConfig(bot) {
    const c = bot.config;
    const profile = API_PROFILES[bot.apiVersion];
    const orderTypes = bot.orderTypes;
    return {
      version: profile.version,
      strategy_version: null,
      api_version: profile.api_version,
      dry_run: c.dry_run,
      trading_mode: 'spot',
      short_allowed: false,
      stake_currency: c.stake_currency,
      stake_amount: String(c.stake_amount),
      available_capital: c.available_capital ?? null,
      stake_currency_decimals: 3,
      max_open_trades: bot.maxOpenTrades === Infinity ? -1 : bot.maxOpenTrades,
      minimal_roi: c.minimal_roi,
      stoploss: c.stoploss,
      stoploss_on_exchange: orderTypes.stoploss_on_exchange,
      trailing_stop: c.trailing_stop ?? false,
      trailing_stop_positive: c.trailing_stop_positive ?? null,
      trailing_stop_positive_offset: c.trailing_stop_positive_offset ?? 0.0,
      trailing_only_offset_is_reached: c.trailing_only_offset_is_reached ?? false,
      unfilledtimeout: c.unfilledtimeout ?? null,
      order_types: orderTypes,
      use_custom_stoploss: false,
      timeframe: c.timeframe,
      timeframe_ms: bot.timeframeMs,
      timeframe_min: bot.timeframeMs / 60000,
      exchange: 'binance',
      strategy: bot.strategy.name,
      force_entry_enable: c.force_entry_enable ?? false,
      exit_pricing: c.exit_pricing,
      entry_pricing: c.entry_pricing,
      bot_name: c.bot_name ?? 'freqtrade',
      state: bot.state,
      runmode: c.dry_run ? 'dry_run' : 'live',
      position_adjustment_enable: false,
      max_entry_position_adjustment: -1,
    };
  },

  count(bot) {
    requireRunning(bot);
    const open = bot.repo.openTrades();
    return {
      current: open.length,
      max: bot.maxOpenTrades === Infinity ? -1 : bot.maxOpenTrades,
      total_stake: tiedUp(open),
    };
  },

  async balance(bot) {
    let rows;
    if (bot.config.dry_run) rows = dryBalances(bot);
    else {
      let bal;
      try {
        bal = await bot.exchange.fetchBalance();
        bot.liveBalance = bal;
      } catch {
        throw new RpcError('Error getting current tickers.');
      }
      rows = Object.entries(bal.total ?? {}).map(([currency, total]) => {
        const rate =
          currency === bot.config.stake_currency
            ? 1
            : (bot.tickers[`${currency}/${bot.config.stake_currency}`]?.last ?? 0);
        return {
          currency,
          free: bal.free?.[currency] ?? 0,
          used: bal.used?.[currency] ?? 0,
          balance: total,
          est_stake: total * rate,
        };
      });
    }
    const stake = bot.config.stake_currency;
    const currencies = rows
      .filter((r) => r.balance > 0)
      .map((r) => ({
        currency: r.currency,
        free: r.free,
        balance: r.balance,
        used: r.used,
        bot_owned: r.balance,
        est_stake: r.est_stake,
        est_stake_bot: r.est_stake,
        stake,
        side: 'long',
        is_position: false,
        position: 0,
        is_bot_managed: true,
      }));
    const total = currencies.reduce((a, r) => a + r.est_stake, 0);
    const starting = startingBalance(bot);
    const ratio = starting > 0 ? total / starting - 1 : 0;
    return {
      currencies,
      total,
      total_bot: total,
      symbol: '',
      value: 0,
      value_bot: 0,
      stake,
      note: bot.config.dry_run ? 'Simulated balances' : '',
      starting_capital: starting,
      starting_capital_ratio: ratio,
      starting_capital_pct: Number((ratio * 100).toFixed(2)),
      starting_capital_fiat: 0,
      starting_capital_fiat_ratio: 0.0,
      starting_capital_fiat_pct: 0.0,
    };
  },

  profit: (bot) =>
    profitStats(bot.repo.allTrades(), {
      rates: rates(bot),
      startingCapital: startingBalance(bot) || 1,
      botStart: Number(bot.repo.getValue('bot_start_time')) || 0,
    }),

  performance: (bot) => performance(bot.repo.closedTrades()),
  tags: (bot, kind, pair) => tagStats[kind](closedOf(bot, pair)),
  stats: (bot) => exitStats(bot.repo.closedTrades()),

  timeunit(bot, unit, timescale) {
    if (!(timescale > 0)) throw new RpcError('timescale must be an integer greater than 0');
    return timeunitProfit(bot.repo.closedTrades(), {
      unit,
      timescale,
      startingCapital: startingBalance(bot),
      stakeCurrency: bot.config.stake_currency,
    });
  },

  whitelist: (bot) => ({
    whitelist: bot.whitelist,
    length: bot.whitelist.length,
    method: ['StaticPairList'],
  }),

  blacklist(bot, errors = {}) {
    const expanded = expandPairs(bot.blacklist, bot.exchange.markets).filter(
      (p) => !bot.exchange.markets || bot.exchange.markets[p],
    );
    return {
      blacklist: bot.blacklist,
      blacklist_expanded: expanded,
      errors,
      length: bot.blacklist.length,
      method: ['StaticPairList'],
    };
  },

  addBlacklist(bot, pairs) {
    const errors = {};
    for (const pair of pairs) {
      if (bot.blacklist.includes(pair))
        errors[pair] = { error_msg: `Pair ${pair} already in pairlist.` };
      else if (!isValidWildcard(pair))
        errors[pair] = { error_msg: `Pair ${pair} is not a valid wildcard.` };
      else bot.blacklist.push(pair);
    }
    bot.refreshWhitelist();
    return infoRpc.blacklist(bot, errors);
  },

  deleteBlacklist(bot, pairs) {
    const errors = {};
    for (const pair of pairs) {
      const i = bot.blacklist.indexOf(pair);
      if (i === -1) errors[pair] = { error_msg: `Pair ${pair} is not in the current blacklist.` };
      else bot.blacklist.splice(i, 1);
    }
    bot.refreshWhitelist();
    return infoRpc.blacklist(bot, errors);
  },

  locks(bot) {
    const locks = bot.repo
      .activeLocks(Date.now())
      .filter((l) => l.side === '*')
      .map(lockJson);
    return { lock_count: locks.length, locks };
  },

  addLocks(bot, entries) {
    for (const e of entries) {
      const until = ceilToCandle(e.until, bot.config.timeframe);
      bot.repo.insertLock({
        pair: e.pair,
        side: e.side ?? '*',
        reason: e.reason ?? null,
        lock_time: Date.now(),
        lock_end_time: until,
        active: 1,
      });
    }
    return infoRpc.locks(bot);
  },

  deleteLocks(bot, { pair, lockid }) {
    const now = Date.now();
    for (const l of bot.repo.activeLocks(now)) {
      if (
        (lockid !== undefined && lockid !== null && l.id === lockid) ||
        (pair && l.pair === pair)
      ) {
        bot.repo.updateLock(l.id, { active: 0, lock_end_time: now });
      }
    }
    return infoRpc.locks(bot);
  },

  health(bot) {
    const start = Number(bot.repo.getValue('bot_start_time')) || null;
    const sec = (ms) => (ms ? Math.floor(ms / 1000) : null);
    return {
      last_process: isoZ(bot.lastProcess),
      last_process_ts: sec(bot.lastProcess),
      bot_start: isoZ(start),
      bot_start_ts: sec(start),
      bot_startup: isoZ(bot.botStartup),
      bot_startup_ts: sec(bot.botStartup),
    };
  },
};
