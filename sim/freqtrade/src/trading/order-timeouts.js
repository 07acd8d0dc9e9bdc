import { CANCEL_REASON, cancelWithReason } from './order-cancel.js';

/** unfilledtimeout: cancels a resting entry/exit order older than the configured limit. */
export async function checkTimeout(bot, trade, order) {
  const cfg = bot.config.unfilledtimeout;
  if (!cfg || order.ft_order_side === 'stoploss') return;
  const limit = order.ft_order_side === 'buy' ? cfg.entry : cfg.exit;
  const ms = limit * (cfg.unit === 'seconds' ? 1000 : 60000);
  if (Date.now() - order.order_date < ms) return;
  await cancelWithReason(bot, trade, order, CANCEL_REASON.TIMEOUT);
}
