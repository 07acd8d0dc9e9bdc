import { HttpError, RpcError } from '../errors.js';
import { tradeJson } from './trade-json.js';
import { cancelOrder } from './order-flow.js';
import { entryMessage, exitMessage } from './messages.js';

// freqtrade/constants.py CANCEL_REASON values used by the RPC paths.
const USER_CANCEL = 'user requested order cancel';
const FORCE_EXIT = 'forcesold';

/** 2.40: only RUNNING may trade; the newer profile only refuses STOPPED (PAUSED still exits). */
export function requireRunning(bot) {
  const ok = bot.apiVersion === 'newer' ? bot.state !== 'stopped' : bot.state === 'running';
  if (!ok) throw new RpcError('trader is not running');
}

const rateOf = (bot, pair) => bot.tickers[pair]?.last ?? null;

export function openTradeJson(bot, trade) {
  return tradeJson(trade, {
    kind: 'open',
    currentRate: trade.is_open ? rateOf(bot, trade.pair) : trade.close_rate,
  });
}

const unlocked = {
  status: (bot) => bot.repo.openTrades().map((t) => openTradeJson(bot, t)),

  trades(bot, limit, offset) {
    const rows = bot.repo.closedTradesPage(limit, offset).map((t) => tradeJson(t, { kind: 'raw' }));
    return {
      trades: rows,
      trades_count: rows.length,
      offset,
      total_trades: bot.repo.countClosed(),
    };
  },

  trade(bot, id) {
    const trade = bot.repo.getTrade(id);
    if (!trade) throw new HttpError(404, 'Trade not found.');
    return openTradeJson(bot, trade);
  },

  async deleteTrade(bot, id) {
    const trade = bot.repo.getTrade(id);
    if (!trade) throw new RpcError('invalid argument');
    let count = 0;
    for (const o of trade.orders.filter((x) => x.ft_is_open === 1)) {
      await cancelOrder(bot, o);
      count += 1;
    }
    bot.repo.deleteTrade(id);
    bot.log.info(`Deleted trade ${id}. Closed ${count} open orders.`);
    return {
      result: 'success',
      trade_id: id,
      result_msg: `Deleted trade ${id}. Closed ${count} open orders.`,
      cancel_order_count: count,
    };
  },

  async cancelOpenOrder(bot, id) {
    requireRunning(bot);
    const trade = bot.repo.openTrades().find((t) => t.id === id);
    if (!trade) throw new RpcError('Invalid trade_id.');
    const open = trade.orders.filter((o) => o.ft_is_open === 1 && o.ft_order_side !== 'stoploss');
    if (open.length === 0) throw new RpcError('No open order for trade_id.');
    for (const order of open) {
      const res = await cancelOrder(bot, order);
      if (res.status === 'closed') continue;
      if (order.ft_order_side === 'buy' && !(order.filled > 0)) {
        bot.notify(entryMessage(bot, trade, order, 'entry_cancel', USER_CANCEL));
        // Freqtrade deletes a trade whose only entry order was cancelled unfilled.
        const snapshot = bot.repo.getTrade(id);
        bot.repo.deleteTrade(id);
        return openTradeJson(bot, snapshot);
      }
      if (order.ft_order_side === 'sell') {
        bot.repo.updateTrade(id, { exit_order_status: USER_CANCEL });
        bot.notify(exitMessage(bot, trade, order, 'exit_cancel', { reason: USER_CANCEL }));
      }
    }
    return openTradeJson(bot, bot.repo.getTrade(id));
  },

  async reloadTrade(bot, id) {
    const trade = bot.repo.getTrade(id);
    if (!trade) throw new RpcError(`Could not find trade with id ${id}.`);
    await bot.updateOrders();
    return openTradeJson(bot, bot.repo.getTrade(id));
  },

  async forceEnter(bot, body) {
    if (!bot.config.force_entry_enable) throw new RpcError('Force_entry not enabled.');
    requireRunning(bot);
    if (body.side === 'short') throw new RpcError("Can't go short on Spot markets.");
    const market = bot.exchange.market(body.pair);
    if (!market || market.active === false || !market.spot) {
      throw new RpcError('Symbol does not exist or market is not active.');
    }
    const cur = bot.config.stake_currency;
    if (market.quote !== cur) {
      throw new RpcError(`Wrong pair selected. Only pairs with stake-currency ${cur} allowed.`);
    }
    const open = bot.repo.openTrades();
    const existing = open.find((t) => t.pair === body.pair);
    if (existing) throw new RpcError(`position for ${body.pair} already open - id: ${existing.id}`);
    if (open.length >= bot.maxOpenTrades)
      throw new RpcError('Maximum number of trades is reached.');
    const ordertype = body.ordertype ?? bot.orderTypes.force_entry ?? bot.orderTypes.entry;
    let trade;
    try {
      trade = await bot.executeEntry(body.pair, {
        stake: body.stakeamount ?? undefined,
        price: body.price ?? undefined,
        ordertype,
        tag: body.entry_tag ?? 'force_entry',
      });
    } catch (err) {
      bot.log.error(`Force entry failed for ${body.pair}: ${err.message}`);
      trade = null;
    }
    if (!trade) return { status: `Error entering long trade for pair ${body.pair}.` };
    return tradeJson(trade, { kind: 'trade' });
  },

  async forceExit(bot, body) {
    requireRunning(bot);
    const open = bot.repo.openTrades();
    const targets =
      String(body.tradeid) === 'all'
        ? open
        : open.filter((t) => String(t.id) === String(body.tradeid));
    if (targets.length === 0 && String(body.tradeid) !== 'all')
      throw new RpcError('invalid argument');
    for (const trade of targets) await exitOne(bot, trade, body);
    return String(body.tradeid) === 'all'
      ? { result: 'Created exit orders for all open trades.' }
      : { result: `Created exit order for trade ${body.tradeid}.` };
  },
};

async function exitOne(bot, trade, body) {
  for (const o of trade.orders.filter(
    (x) => x.ft_is_open === 1 && x.ft_order_side !== 'stoploss',
  )) {
    await cancelOrder(bot, o);
    if (o.ft_order_side === 'buy' && !(o.filled > 0) && trade.open_fill_date === null) {
      bot.notify(entryMessage(bot, trade, o, 'entry_cancel', FORCE_EXIT));
      bot.repo.deleteTrade(trade.id);
      return;
    }
  }
  let amount;
  if (body.amount !== undefined && body.amount !== null && body.amount < trade.amount) {
    const remaining = trade.amount - body.amount;
    const minCost = bot.exchange.market(trade.pair)?.limits?.cost?.min ?? 0;
    const rate = bot.tickers[trade.pair]?.last ?? trade.open_rate;
    if (remaining * rate < minCost)
      throw new RpcError(`Remaining amount of ${remaining} would be too small.`);
    amount = body.amount;
  }
  try {
    await bot.executeExit(bot.repo.getTrade(trade.id), {
      reason: 'force_exit',
      ordertype: body.ordertype,
      amount,
    });
  } catch (err) {
    bot.log.error(`Force exit failed for trade ${trade.id}: ${err.message}`);
    throw new RpcError('Failed to exit trade.');
  }
}

const LOCKED = ['deleteTrade', 'cancelOpenOrder', 'reloadTrade', 'forceEnter', 'forceExit'];

/** The RPC trade commands; order-changing ones run under the bot's exit lock. */
export const tradeRpc = Object.fromEntries(
  Object.entries(unlocked).map(([name, fn]) => [
    name,
    LOCKED.includes(name) ? (bot, arg) => bot.withLock(() => fn(bot, arg)) : fn,
  ]),
);
