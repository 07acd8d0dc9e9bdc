import { cancelOrder } from './order-flow.js';
import { entryMessage, exitMessage } from './messages.js';

// freqtrade/constants.py CANCEL_REASON values used by the sim.
export const CANCEL_REASON = {
  TIMEOUT: 'cancelled due to timeout',
  FULLY_CANCELLED: 'fully cancelled',
  ALL_CANCELLED: 'cancelled (all unfilled and partially filled open orders cancelled)',
  FORCE_EXIT: 'forcesold',
  USER_CANCEL: 'user requested order cancel',
};

/**
 * FreqtradeBot.handle_cancel_enter / handle_cancel_exit for one open order of `trade`. Returns
 * 'filled' (it filled before the cancel), 'open' (the exchange refused and it is still open),
 * 'deleted' (an unfilled entry: the trade is removed, reason gets ", fully cancelled") or
 * 'cancelled'. The entry_cancel / exit_cancel message carries the reason.
 */
export async function cancelWithReason(bot, trade, order, reason) {
  const res = await cancelOrder(bot, order);
  if (res.status === 'closed') return 'filled';
  if (res.ft_is_open === 1) {
    bot.log.warning(`Order ${order.order_id} for ${trade.pair} not cancelled.`);
    return 'open';
  }
  if (order.ft_order_side === 'buy') {
    const others = trade.orders.filter((o) => o.id !== order.id && o.ft_is_open === 1);
    const unfilled = !(order.filled > 0) && trade.open_fill_date === null && others.length === 0;
    const full = unfilled ? `${reason}, ${CANCEL_REASON.FULLY_CANCELLED}` : reason;
    bot.log.info(`Entry order ${reason} for trade ${trade.id} (${trade.pair}).`);
    bot.notify(entryMessage(bot, trade, order, 'entry_cancel', full));
    if (unfilled) {
      bot.repo.deleteTrade(trade.id);
      return 'deleted';
    }
    return 'cancelled';
  }
  if (order.ft_order_side === 'sell') {
    bot.log.info(`Exit order ${reason} for trade ${trade.id} (${trade.pair}).`);
    bot.repo.updateTrade(trade.id, { exit_order_status: reason });
    bot.notify(exitMessage(bot, trade, order, 'exit_cancel', { reason }));
  }
  return 'cancelled';
}

/**
 * FreqtradeBot.cancel_all_open_orders (cancel_open_orders_on_exit): every open entry/exit order
 * (not stop-loss orders) is cancelled with ALL_CANCELLED; an order that cannot be handled is
 * logged and skipped.
 */
export async function cancelAllOpenOrders(bot) {
  for (const trade of bot.repo.openTrades()) {
    for (const order of trade.orders.filter(
      (o) => o.ft_is_open === 1 && o.ft_order_side !== 'stoploss',
    )) {
      try {
        const current = bot.repo.getTrade(trade.id);
        if (!current) break;
        await cancelWithReason(bot, current, order, CANCEL_REASON.ALL_CANCELLED);
      } catch (err) {
        bot.log.info(`Can't query order for trade ${trade.id} due to ${err.message}`);
      }
    }
  }
}
