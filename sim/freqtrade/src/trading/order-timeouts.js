import { cancelOrder } from './order-flow.js';
import { entryMessage, exitMessage } from './messages.js';

/** unfilledtimeout: cancels a resting entry/exit order older than the configured limit. */
export async function checkTimeout(bot, trade, order) {
  const cfg = bot.config.unfilledtimeout;
  if (!cfg || order.ft_order_side === 'stoploss') return;
  const limit = order.ft_order_side === 'buy' ? cfg.entry : cfg.exit;
  const ms = limit * (cfg.unit === 'seconds' ? 1000 : 60000);
  if (Date.now() - order.order_date < ms) return;
  const reason = 'cancelled due to timeout';
  const cancelled = await cancelOrder(bot, order);
  if (cancelled.status === 'closed') return;
  if (order.ft_order_side === 'buy') {
    bot.notify(entryMessage(bot, trade, order, 'entry_cancel', reason));
    if (!(order.filled > 0)) bot.repo.deleteTrade(trade.id);
  } else {
    bot.repo.updateTrade(trade.id, { exit_order_status: reason });
    bot.notify(exitMessage(bot, trade, order, 'exit_cancel', { reason }));
  }
  bot.log.info(
    `${order.ft_order_side === 'buy' ? 'Entry' : 'Exit'} order ${reason} for trade ${trade.id}.`,
  );
}
