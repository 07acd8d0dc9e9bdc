import { calcProfit, isoOffset } from './trade-json.js';

function common(bot, trade) {
  return {
    trade_id: trade.id,
    exchange: 'Binance',
    pair: trade.pair,
    leverage: 1.0,
    direction: 'Long',
    stake_currency: trade.stake_currency,
    base_currency: trade.base_currency,
    quote_currency: trade.stake_currency,
    fiat_currency: bot.config.fiat_display_currency ?? null,
    buy_tag: trade.enter_tag,
    enter_tag: trade.enter_tag,
    sub_trade: false,
  };
}

/** `entry` / `entry_fill` / `entry_cancel` as FreqtradeBot._notify_enter builds them (contract §4.3). */
export function entryMessage(bot, trade, order, type, reason) {
  const fill = type === 'entry_fill';
  const rate = fill ? (order.average ?? order.price) : (order.price ?? order.ft_price);
  const msg = {
    type,
    ...common(bot, trade),
    limit: type === 'entry_cancel' ? trade.open_rate : rate,
    open_rate: type === 'entry_cancel' ? trade.open_rate : rate,
    order_type: order.order_type,
    stake_amount: trade.stake_amount,
    amount: fill ? order.filled : (order.amount ?? trade.amount),
    open_date: isoOffset(trade.open_date),
    current_rate: bot.tickers[trade.pair]?.last ?? null,
  };
  if (reason !== undefined) msg.reason = reason;
  return msg;
}

/** `exit` / `exit_fill` / `exit_cancel` as FreqtradeBot._notify_exit builds them (contract §4.3). */
export function exitMessage(bot, trade, order, type, extra = {}) {
  const fill = type === 'exit_fill';
  const rate = fill ? (order.average ?? order.price) : (order.price ?? order.ft_price);
  const partial = { ...trade, amount: order.amount ?? trade.amount, realized_profit: 0 };
  const p = calcProfit(partial, rate);
  const msg = {
    type,
    ...common(bot, trade),
    gain: p.profit_abs > 0 ? 'profit' : 'loss',
    limit: rate,
    order_type: order.order_type,
    amount: fill ? order.filled : order.amount,
    open_rate: trade.open_rate,
    current_rate: fill ? null : (bot.tickers[trade.pair]?.bid ?? null),
    profit_amount: p.profit_abs,
    profit_ratio: p.profit_ratio,
    exit_reason: order.ft_order_tag ?? trade.exit_reason,
    open_date: isoOffset(trade.open_date),
    close_date: isoOffset(trade.close_date ?? Date.now()),
    stake_amount: trade.stake_amount,
  };
  if (type !== 'exit_cancel') {
    msg.order_rate = rate;
    msg.close_rate = rate;
  }
  Object.assign(msg, extra);
  return msg;
}

export function statusMessage(type, status) {
  return { type, status };
}
