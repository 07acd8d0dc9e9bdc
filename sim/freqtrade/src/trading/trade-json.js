const pad = (n) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in UTC without zone designator (contract §9.5), null for null. */
export function fmtDate(ms) {
  if (ms === null || ms === undefined) return null;
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** ISO with `+00:00`, as orjson renders aware datetimes in WS messages. */
export function isoOffset(ms) {
  if (ms === null || ms === undefined) return null;
  const iso = new Date(ms).toISOString().replace('Z', '');
  return `${iso.endsWith('.000') ? iso.slice(0, -4) : `${iso}000`}+00:00`;
}

const finite = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const round = (v, digits) => (v === null ? null : Number(v.toFixed(digits)));

/** Freqtrade's profit maths: fees on both legs, ratio relative to the open trade value. */
export function calcProfit(trade, rate) {
  if (!Number.isFinite(rate)) return { profit_abs: null, profit_ratio: null };
  const openValue = trade.amount * trade.open_rate * (1 + (trade.fee_open ?? 0));
  const closeValue = trade.amount * rate * (1 - (trade.fee_close ?? 0));
  const profitAbs = closeValue - openValue + (trade.realized_profit ?? 0);
  return { profit_abs: profitAbs, profit_ratio: openValue > 0 ? closeValue / openValue - 1 : 0 };
}

function orderJson(order, extras) {
  const safePrice = order.average ?? order.price ?? order.stop_price ?? order.ft_price;
  const base = {
    pair: order.ft_pair,
    order_id: order.order_id,
    status: order.status,
    remaining: order.remaining,
    amount: order.amount,
    safe_price: safePrice,
    cost: order.cost,
    filled: order.filled,
    ft_order_side: order.ft_order_side,
    order_type: order.order_type,
    is_open: order.ft_is_open === 1,
    order_timestamp: order.order_date,
    order_filled_timestamp: order.order_filled_date,
    ft_fee_base: order.ft_fee_base,
    ft_order_tag: order.ft_order_tag,
  };
  if (!extras) return base;
  return {
    ...base,
    average: order.average,
    price: order.price,
    order_date: fmtDate(order.order_date),
    order_filled_date: fmtDate(order.order_filled_date),
    ft_is_entry: order.ft_order_side === 'buy',
    funding_fee: 0,
  };
}

/**
 * Trade.to_json-like view. `kind`: 'trade' (TradeSchema), 'open' (OpenTradeSchema with current
 * rate), 'raw' (the unfiltered /trades item with its extra fields).
 */
export function tradeJson(trade, { kind = 'trade', currentRate = null } = {}) {
  const isOpen = trade.is_open === 1;
  const rate = isOpen ? currentRate : trade.close_rate;
  // _rpc_trade_status: an open trade without a filled entry shows 0 profit; with one, the
  // profit at a rate that could not be fetched is NaN (null).
  const unfilled = kind === 'open' && isOpen && trade.open_fill_date === null;
  let p;
  if (!isOpen) p = { profit_abs: trade.close_profit_abs, profit_ratio: trade.close_profit };
  else if (unfilled) p = { profit_abs: 0, profit_ratio: 0 };
  else p = calcProfit(trade, rate ?? NaN);
  const orders = trade.orders.filter((o) => (o.filled ?? 0) > 0 || o.ft_is_open === 1);
  const json = {
    trade_id: trade.id,
    pair: trade.pair,
    base_currency: trade.base_currency,
    quote_currency: trade.stake_currency,
    is_open: isOpen,
    is_short: false,
    exchange: trade.exchange,
    amount: trade.amount,
    amount_requested: trade.amount_requested,
    stake_amount: trade.stake_amount,
    max_stake_amount: trade.max_stake_amount,
    strategy: trade.strategy,
    enter_tag: trade.enter_tag,
    timeframe: trade.timeframe,
    fee_open: trade.fee_open,
    fee_open_cost: trade.fee_open_cost,
    fee_open_currency: trade.fee_open_cost === null ? null : trade.stake_currency,
    fee_close: trade.fee_close,
    fee_close_cost: trade.fee_close_cost,
    fee_close_currency: trade.fee_close_cost === null ? null : trade.stake_currency,
    open_date: fmtDate(trade.open_date),
    open_timestamp: trade.open_date,
    open_fill_date: fmtDate(trade.open_fill_date),
    open_fill_timestamp: trade.open_fill_date,
    open_rate: trade.open_rate,
    open_rate_requested: trade.open_rate_requested,
    open_trade_value: round(trade.amount * trade.open_rate * (1 + (trade.fee_open ?? 0)), 8),
    close_date: fmtDate(trade.close_date),
    close_timestamp: trade.close_date,
    close_rate: trade.close_rate,
    close_rate_requested: trade.close_rate_requested,
    close_profit: isOpen ? null : trade.close_profit,
    close_profit_pct:
      isOpen || trade.close_profit === null ? null : round(trade.close_profit * 100, 2),
    close_profit_abs: isOpen ? null : trade.close_profit_abs,
    profit_ratio: finite(p.profit_ratio),
    profit_pct: p.profit_ratio === null ? null : finite(round(p.profit_ratio * 100, 2)),
    profit_abs: finite(p.profit_abs),
    profit_fiat: null,
    realized_profit: trade.realized_profit ?? 0,
    realized_profit_ratio: null,
    exit_reason: trade.exit_reason,
    exit_order_status: trade.exit_order_status,
    stop_loss_abs: trade.stop_loss,
    stop_loss_ratio: trade.stop_loss_pct,
    stop_loss_pct: trade.stop_loss_pct === null ? null : round(trade.stop_loss_pct * 100, 2),
    stoploss_last_update: fmtDate(trade.stoploss_last_update),
    stoploss_last_update_timestamp: trade.stoploss_last_update,
    initial_stop_loss_abs: trade.initial_stop_loss,
    initial_stop_loss_ratio: trade.initial_stop_loss_pct,
    initial_stop_loss_pct:
      trade.initial_stop_loss_pct === null ? null : round(trade.initial_stop_loss_pct * 100, 2),
    min_rate: trade.min_rate,
    max_rate: trade.max_rate,
    has_open_orders: trade.orders.some((o) => o.ft_is_open === 1 && o.ft_order_side !== 'stoploss'),
    orders: orders.map((o) => orderJson(o, kind === 'raw')),
    leverage: 1,
    interest_rate: 0,
    liquidation_price: null,
    funding_fees: 0,
    trading_mode: 'spot',
    amount_precision: null,
    price_precision: null,
    precision_mode: null,
  };
  if (kind === 'raw') {
    const end = trade.close_date ?? Date.now();
    json.trade_duration_s = Math.floor((end - trade.open_date) / 1000);
    json.trade_duration = Math.floor((end - trade.open_date) / 60000);
    json.precision_mode_price = null;
    json.contract_size = 1;
  }
  if (kind === 'open') Object.assign(json, openExtras(trade, currentRate, unfilled ? {} : p));
  return json;
}

function openExtras(trade, currentRate, p) {
  const rate = finite(currentRate);
  const dist = rate === null || trade.stop_loss === null ? null : trade.stop_loss - rate;
  const entry = trade.stop_loss === null ? null : calcProfit(trade, trade.stop_loss);
  return {
    stoploss_current_dist: dist,
    stoploss_current_dist_pct: dist === null ? null : round((dist / rate) * 100, 2),
    stoploss_current_dist_ratio: dist === null ? null : round(dist / rate, 8),
    stoploss_entry_dist: entry ? round(entry.profit_abs, 8) : null,
    stoploss_entry_dist_ratio: entry ? round(entry.profit_ratio, 8) : null,
    current_rate: rate,
    // 0.0 / None unless a profit could be computed.
    total_profit_abs: finite(p.profit_abs) ?? 0,
    total_profit_fiat: null,
    total_profit_ratio: finite(p.profit_ratio ?? null),
  };
}
