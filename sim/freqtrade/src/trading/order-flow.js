import { calcProfit } from './trade-json.js';
import { entryMessage, exitMessage } from './messages.js';
import { exchangeErrorKind } from './exchange-client.js';

const SIDE = { buy: 'buy', sell: 'sell', stoploss: 'sell' };

function ticker(bot, pair) {
  const t = bot.tickers[pair] ?? {};
  const last = t.last ?? t.close ?? null;
  return { bid: t.bid ?? last, ask: t.ask ?? last, last };
}

/** Dry-run: whether a resting order would have traded at the current book (Freqtrade's dry crossing). */
function dryCrossPrice(bot, order) {
  const { bid, ask } = ticker(bot, order.ft_pair);
  if (order.ft_order_side === 'stoploss') {
    return bid !== null && bid <= order.stop_price ? order.price : null;
  }
  if (order.ft_order_side === 'buy') {
    if (ask === null) return null;
    if (order.order_type === 'market') return ask;
    return order.price >= ask ? order.price : null;
  }
  if (bid === null) return null;
  if (order.order_type === 'market') return bid;
  return order.price <= bid ? order.price : null;
}

function baseFee(order) {
  const base = String(order.symbol ?? '').split('/')[0];
  const fees = order.fees?.length ? order.fees : order.fee ? [order.fee] : [];
  const cost = fees.filter((f) => f.currency === base).reduce((a, f) => a + (f.cost ?? 0), 0);
  return cost > 0 ? cost : null;
}

function rowFromCcxt(order) {
  return {
    order_id: String(order.id),
    status: order.status ?? 'open',
    symbol: order.symbol,
    order_type: String(order.type ?? '').toLowerCase(),
    side: order.side,
    price: order.price ?? null,
    average: order.average ?? null,
    amount: order.amount ?? null,
    filled: order.filled ?? 0,
    remaining: order.remaining ?? null,
    cost: order.cost ?? null,
    stop_price: order.stopPrice ?? order.triggerPrice ?? null,
    order_update_date: Date.now(),
    ft_fee_base: baseFee(order),
  };
}

/**
 * Places an order for `trade` (dry-run: simulated; live: through ccxt) and records it. A dry order
 * that crosses the book fills at once. Returns the stored order row.
 */
export async function placeOrder(bot, trade, { ftSide, type, amount, price, tag, stopPrice }) {
  const now = Date.now();
  const base = {
    ft_trade_id: trade.id,
    ft_order_side: ftSide,
    ft_pair: trade.pair,
    ft_is_open: 1,
    ft_amount: amount,
    ft_price: price,
    ft_order_tag: tag ?? null,
    order_date: now,
  };
  let row;
  if (bot.config.dry_run) {
    row = {
      ...base,
      order_id: `dry_run_${SIDE[ftSide]}_${trade.pair}_${now / 1000}`,
      status: 'open',
      symbol: trade.pair,
      order_type: ftSide === 'stoploss' ? 'stop_loss_limit' : type,
      side: SIDE[ftSide],
      price,
      amount,
      filled: 0,
      remaining: amount,
      cost: 0,
      stop_price: stopPrice ?? null,
    };
  } else {
    const res =
      ftSide === 'stoploss'
        ? await bot.exchange.createStoploss(trade.pair, amount, stopPrice, price)
        : await bot.exchange.createOrder(
            trade.pair,
            type,
            SIDE[ftSide],
            amount,
            type === 'market' ? undefined : price,
          );
    row = { ...base, ...rowFromCcxt(res) };
  }
  row.id = bot.repo.insertOrder(row);
  bot.log.info(
    `Placed ${ftSide} order ${row.order_id} for ${trade.pair}: ${type} amount=${amount} price=${price}`,
  );
  if (ftSide === 'buy') bot.notify(entryMessage(bot, trade, row, 'entry'));
  else if (ftSide === 'sell') {
    bot.notify(exitMessage(bot, bot.repo.getTrade(trade.id), row, 'exit'));
  }
  await settleOrder(bot, row);
  return row;
}

/** Brings one open order up to date: dry crossing check, or fetchOrder on the exchange. */
export async function settleOrder(bot, order) {
  if (bot.config.dry_run) {
    const price = dryCrossPrice(bot, order);
    if (price !== null) applyFill(bot, order, { filled: order.amount, average: price });
    return;
  }
  if (order.status === 'open' || order.status === undefined) {
    const knownFee = order.ft_fee_base ?? null;
    const res = await bot.exchange.fetchOrder(order.order_id, order.ft_pair);
    Object.assign(order, rowFromCcxt({ symbol: order.ft_pair, ...res }));
    // GET /order carries no fills, so no commission: like Freqtrade's get_real_amount, read the
    // order's own trades to learn the fee Binance took in the base coin.
    order.ft_fee_base = order.ft_fee_base ?? knownFee;
    if (order.status === 'closed' && order.ft_fee_base === null && order.ft_order_side === 'buy') {
      const fills = await bot.exchange.fetchOrderTrades(order.order_id, order.ft_pair);
      order.ft_fee_base = baseFee({
        symbol: order.ft_pair,
        fees: fills.map((t) => t.fee).filter(Boolean),
      });
    }
    bot.repo.updateOrder(order.id, order);
  }
  if (order.status === 'closed')
    applyFill(bot, order, { filled: order.filled, average: order.average ?? order.price });
  else if (
    order.status === 'canceled' ||
    order.status === 'expired' ||
    order.status === 'rejected'
  ) {
    bot.repo.updateOrder(order.id, { ft_is_open: 0 });
  }
}

function applyFill(bot, order, { filled, average }) {
  const now = Date.now();
  const fee = bot.feeRate;
  Object.assign(order, {
    status: 'closed',
    filled,
    remaining: 0,
    average,
    cost: filled * average,
    ft_is_open: 0,
    order_filled_date: now,
  });
  bot.repo.transaction(() => {
    bot.repo.updateOrder(order.id, order);
    const trade = bot.repo.getTrade(order.ft_trade_id);
    if (order.ft_order_side === 'buy') fillEntry(bot, trade, order, fee, now);
    else fillExit(bot, trade, order, fee, now);
  });
}

function fillEntry(bot, trade, order, fee, now) {
  const stopRatio = bot.stoplossRatio;
  const stop = average(order) * (1 + stopRatio);
  // Binance takes the buy fee in the base coin: like Freqtrade's get_real_amount, the trade only
  // owns what is left, floored to the lot step.
  const amount = order.ft_fee_base
    ? bot.exchange.amountToPrecision(trade.pair, order.filled - order.ft_fee_base)
    : order.filled;
  const patch = {
    open_rate: average(order),
    amount,
    stake_amount: order.filled * average(order),
    max_stake_amount: order.filled * average(order),
    open_trade_value: order.filled * average(order) * (1 + fee),
    fee_open: fee,
    fee_open_cost: order.filled * average(order) * fee,
    fee_close: fee,
    open_fill_date: now,
    stop_loss: stop,
    stop_loss_pct: stopRatio,
    initial_stop_loss: stop,
    initial_stop_loss_pct: stopRatio,
    stoploss_last_update: now,
    max_rate: average(order),
    min_rate: average(order),
  };
  bot.repo.updateTrade(trade.id, patch);
  bot.log.info(
    `Fill for entry order ${order.order_id} of trade ${trade.id} (${trade.pair}) at ${average(order)}.`,
  );
  bot.notify(entryMessage(bot, { ...trade, ...patch }, order, 'entry_fill'));
}

const average = (order) => order.average ?? order.price;

function fillExit(bot, trade, order, fee, now) {
  const rate = average(order);
  // This leg only: realised profit of earlier partial exits is added separately.
  const part = { ...trade, amount: order.filled, realized_profit: 0 };
  const p = calcProfit(part, rate);
  const remaining = trade.amount - order.filled;
  const isFinal = remaining <= trade.amount * 1e-9;
  const reason = order.ft_order_side === 'stoploss' ? 'stoploss_on_exchange' : order.ft_order_tag;
  if (!isFinal) {
    const patch = {
      amount: remaining,
      stake_amount: remaining * trade.open_rate,
      realized_profit: (trade.realized_profit ?? 0) + p.profit_abs,
    };
    bot.repo.updateTrade(trade.id, patch);
    bot.notify(
      exitMessage(bot, { ...trade, ...patch }, order, 'exit_fill', {
        exit_reason: reason,
        cumulative_profit: patch.realized_profit,
        final_profit_ratio: null,
        is_final_exit: false,
        sub_trade: true,
      }),
    );
    return;
  }
  const total = calcProfit(trade, rate);
  const patch = {
    is_open: 0,
    close_rate: rate,
    close_rate_requested: order.ft_price,
    close_date: now,
    close_profit: total.profit_ratio,
    close_profit_abs: total.profit_abs,
    realized_profit: total.profit_abs,
    fee_close: fee,
    fee_close_cost: order.filled * rate * fee,
    exit_reason: reason,
    exit_order_status: 'closed',
  };
  bot.repo.updateTrade(trade.id, patch);
  for (const o of trade.orders) {
    if (o.ft_is_open === 1 && o.id !== order.id)
      bot.repo.updateOrder(o.id, { ft_is_open: 0, status: 'canceled' });
  }
  bot.log.info(`Trade ${trade.id} (${trade.pair}) closed: ${reason}, profit ${total.profit_abs}.`);
  bot.notify(
    exitMessage(bot, { ...trade, ...patch }, order, 'exit_fill', {
      exit_reason: reason,
      profit_amount: total.profit_abs,
      profit_ratio: total.profit_ratio,
      cumulative_profit: total.profit_abs,
      final_profit_ratio: total.profit_ratio,
      is_final_exit: true,
    }),
  );
}

/**
 * Cancels an open order (exchange or dry) and records it; returns the updated row. Like
 * Freqtrade's cancel_order_with_result: when the exchange refuses the cancel (InvalidOrder), the
 * order is fetched instead — it may have filled (status closed) or still be open (ft_is_open 1,
 * nothing recorded). Other exchange errors propagate.
 */
export async function cancelOrder(bot, order) {
  if (!bot.config.dry_run) {
    try {
      await bot.exchange.cancelOrder(order.order_id, order.ft_pair);
    } catch (err) {
      if (exchangeErrorKind(err) !== 'invalid_order') throw err;
      bot.log.warning(`Could not cancel order ${order.order_id} for ${order.ft_pair}.`);
      let fetched = true;
      try {
        await settleOrder(bot, order);
      } catch (fetchErr) {
        if (exchangeErrorKind(fetchErr) !== 'invalid_order') throw fetchErr;
        bot.log.warning(`Could not fetch cancelled order ${order.order_id}.`);
        fetched = false;
      }
      if (order.status === 'closed') return order;
      if (fetched && order.status === 'open') return { ...order, ft_is_open: 1 };
    }
  }
  bot.repo.updateOrder(order.id, { ft_is_open: 0, status: 'canceled' });
  return { ...order, ft_is_open: 0, status: 'canceled' };
}
