import { HttpError, RpcError } from '../errors.js';
import { tradeJson } from './trade-json.js';
import { CANCEL_REASON, cancelWithReason } from './order-cancel.js';
import { exchangeErrorKind } from './exchange-client.js';

/**
 * 2.40: only RUNNING may trade. The newer profile (freqtrade develop rpc.py: _rpc_count,
 * _rpc_force_exit, _rpc_cancel_open_order check `state == State.STOPPED`) only refuses STOPPED,
 * except force entries (_force_entry_validations still needs RUNNING): `strict`.
 */
export function requireRunning(bot, { strict = false } = {}) {
  const ok =
    bot.apiVersion === 'newer' && !strict ? bot.state !== 'stopped' : bot.state === 'running';
  if (!ok) throw new RpcError('trader is not running');
}

// get_rate(refresh=False) serves cached rates for 5 minutes (exit-rate TTLCache); older or never
// fetched → the price fetch failed → NaN, rendered null (contract §9.4).
const RATE_TTL_MS = 300_000;
const rateOf = (bot, pair) => {
  const fetchedAt = bot.tickerTimes?.[pair] ?? 0;
  if (Date.now() - fetchedAt > RATE_TTL_MS) return null;
  return bot.tickers[pair]?.last ?? null;
};

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
    // _rpc_delete: exchange.cancel_order per open order; one the exchange refuses is not
    // counted, the trade (and its orders) goes anyway.
    for (const o of trade.orders.filter((x) => x.ft_is_open === 1)) {
      try {
        if (!bot.config.dry_run) await bot.exchange.cancelOrder(o.order_id, o.ft_pair);
        count += 1;
      } catch (err) {
        if (exchangeErrorKind(err) === null) throw err;
        bot.log.warning(`Could not cancel order ${o.order_id}: ${err.message}`);
      }
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
      // _rpc_cancel_open_order fetches the order first; an exchange that does not know it (or
      // does not answer) → "Order not found.". Dry-run orders always exist.
      if (!bot.config.dry_run) {
        try {
          await bot.exchange.fetchOrder(order.order_id, order.ft_pair);
        } catch (err) {
          if (!['invalid_order', 'temporary'].includes(exchangeErrorKind(err))) throw err;
          bot.log.info(`Cannot query order for trade ${id} due to ${err.message}.`);
          throw new RpcError('Order not found.');
        }
      }
      const current = bot.repo.getTrade(id);
      if (current) await cancelWithReason(bot, current, order, CANCEL_REASON.USER_CANCEL);
    }
    // The API then answers _rpc_trade_status([id]): a fully cancelled entry deleted the trade.
    const after = bot.repo.getTrade(id);
    if (!after) throw new RpcError('no active trade');
    return openTradeJson(bot, after);
  },

  async reloadTrade(bot, id) {
    const trade = bot.repo.getTrade(id);
    if (!trade) throw new RpcError(`Could not find trade with id ${id}.`);
    await bot.updateOrders();
    return openTradeJson(bot, bot.repo.getTrade(id));
  },

  async forceEnter(bot, body) {
    if (!bot.config.force_entry_enable) throw new RpcError('Force_entry not enabled.');
    requireRunning(bot, { strict: true });
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
    // As _rpc_force_entry: execute_entry returning False → RPC error; anything it raises (a fixed
    // stake the wallet cannot fund, an order the exchange refuses) is not caught → HTTP 500.
    const trade = await bot.executeEntry(body.pair, {
      stake: body.stakeamount || undefined,
      price: body.price ?? undefined,
      ordertype,
      tag: body.entry_tag || 'force_entry',
    });
    if (!trade) throw new RpcError(`Failed to enter position for ${body.pair}.`);
    return tradeJson(trade, { kind: 'trade' });
  },

  async forceExit(bot, body) {
    requireRunning(bot);
    const open = bot.repo.openTrades();
    const all = String(body.tradeid) === 'all';
    const targets = all ? open : open.filter((t) => String(t.id) === String(body.tradeid));
    if (targets.length === 0 && !all) throw new RpcError('invalid argument');
    for (const trade of targets) {
      const done = await exitOne(bot, trade, body);
      // For "all" the result of each trade is ignored, as in _rpc_force_exit.
      if (!done && !all) throw new RpcError('Failed to exit trade.');
    }
    return all
      ? { result: 'Created exit orders for all open trades.' }
      : { result: `Created exit order for trade ${body.tradeid}.` };
  },
};

/**
 * RPC.__exec_force_exit: cancels the open orders first; a fully cancelled entry (trade deleted)
 * or an order the exchange would not cancel means no exit (false). Exchange errors propagate.
 */
async function exitOne(bot, trade, body) {
  let entryCancelled = false;
  for (const o of trade.orders.filter(
    (x) => x.ft_is_open === 1 && x.ft_order_side !== 'stoploss',
  )) {
    const current = bot.repo.getTrade(trade.id);
    if (!current) break;
    const res = await cancelWithReason(bot, current, o, CANCEL_REASON.FORCE_EXIT);
    if (res === 'deleted') entryCancelled = true;
  }
  if (entryCancelled) return false;
  const current = bot.repo.getTrade(trade.id);
  if (!current || !current.is_open) return false;
  if (current.orders.some((o) => o.ft_is_open === 1 && o.ft_order_side !== 'stoploss'))
    return false;
  let amount;
  if (body.amount !== undefined && body.amount !== null && body.amount < current.amount) {
    const remaining = current.amount - body.amount;
    const minCost = bot.exchange.market(current.pair)?.limits?.cost?.min ?? 0;
    const rate = bot.tickers[current.pair]?.last ?? current.open_rate;
    if (remaining * rate < minCost)
      throw new RpcError(`Remaining amount of ${remaining} would be too small.`);
    amount = body.amount;
  }
  await bot.executeExit(current, { reason: 'force_exit', ordertype: body.ordertype, amount });
  return true;
}

const LOCKED = ['deleteTrade', 'cancelOpenOrder', 'reloadTrade', 'forceEnter', 'forceExit'];

/** The RPC trade commands; order-changing ones run under the bot's exit lock. */
export const tradeRpc = Object.fromEntries(
  Object.entries(unlocked).map(([name, fn]) => [
    name,
    LOCKED.includes(name) ? (bot, arg) => bot.withLock(() => fn(bot, arg)) : fn,
  ]),
);
