// Orders against the seeded price: market orders fill at once at the top of book, limit orders lock
// funds and fill when the price path crosses them, stop orders trigger on the path. Liquidity is
// unlimited, so every fill is complete (no partial fills).
import { BinanceError, filterFailure, insufficientBalance } from '../http/binance-error.js';
import { mulUnits, divUnits } from '../util/decimal.js';

const STOP_TYPES = ['STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'];
const FEE_DIVISOR = 1000n; // 0.1%
const CHUNK_MS = 1000;

/** @param {{markets: Map<string, any>, data: ReturnType<typeof import('../market/market-data.js').createMarketData>, accounts: ReturnType<typeof import('./accounts.js').createAccounts>}} deps */
export function createMatchingEngine({ data, accounts }) {
  let orders = new Map();
  let open = new Set();
  let trades = [];
  let nextOrderId = 1;
  let nextTradeId = 1;

  const ticksToUnits = (market, ticks) => BigInt(ticks) * market.tickUnits;
  const unitsToTicks = (market, units) => Number(units / market.tickUnits);

  function fill(order, qty, priceUnits, isMaker, now) {
    const account = accounts.get(order.apiKey);
    const market = order.market;
    const quote = mulUnits(qty, priceUnits);
    const base = accounts.balance(account, market.baseAsset);
    const quoteBal = accounts.balance(account, market.quoteAsset);
    let commission;
    let commissionAsset;
    if (order.side === 'BUY') {
      if (order.locked > 0n) {
        quoteBal.locked -= order.locked;
        quoteBal.free += order.locked - quote;
      } else {
        quoteBal.free -= quote;
      }
      commission = qty / FEE_DIVISOR;
      commissionAsset = market.baseAsset;
      base.free += qty - commission;
    } else {
      if (order.locked > 0n) base.locked -= order.locked;
      else base.free -= qty;
      commission = quote / FEE_DIVISOR;
      commissionAsset = market.quoteAsset;
      quoteBal.free += quote - commission;
    }
    order.locked = 0n;
    account.updateTime = now;
    const trade = {
      symbol: order.symbol,
      id: nextTradeId,
      orderId: order.orderId,
      price: priceUnits,
      qty,
      quoteQty: quote,
      commission,
      commissionAsset,
      time: now,
      isBuyer: order.side === 'BUY',
      isMaker,
      apiKey: order.apiKey,
    };
    nextTradeId += 1;
    trades.push(trade);
    order.fills.push(trade);
    order.executedQty += qty;
    order.cummulativeQuoteQty += quote;
    order.status = 'FILLED';
    order.updateTime = now;
    open.delete(order);
  }

  function lockFor(account, req, now) {
    const { market } = req;
    const isBuy = req.side === 'BUY';
    const asset = isBuy ? market.quoteAsset : market.baseAsset;
    const refPrice = req.price > 0n ? req.price : req.stopPrice;
    const amount = isBuy ? mulUnits(req.qty, refPrice) : req.qty;
    if (!accounts.lock(account, asset, amount)) throw insufficientBalance();
    account.updateTime = now;
    return amount;
  }

  function marketFill(order, account, req, now) {
    const top = data.bookTop(req.market, now);
    const priceUnits = ticksToUnits(req.market, req.side === 'BUY' ? top.askTicks : top.bidTicks);
    let qty = req.qty;
    if (qty === null) {
      qty = divUnits(req.quoteQty, priceUnits);
      qty -= qty % req.market.stepUnits;
      if (qty < req.market.minQtyUnits)
        throw new BinanceError(400, -1013, 'Filter failure: LOT_SIZE');
      order.origQty = qty;
    }
    // NOTIONAL has applyMinToMarket: the filled value must reach minNotional too.
    if (mulUnits(qty, priceUnits) < req.market.minNotionalUnits) throw filterFailure('NOTIONAL');
    const needed = req.side === 'BUY' ? mulUnits(qty, priceUnits) : qty;
    const asset = req.side === 'BUY' ? req.market.quoteAsset : req.market.baseAsset;
    if (accounts.balance(account, asset).free < needed) throw insufficientBalance();
    fill(order, qty, priceUnits, false, now);
  }

  function wouldTrigger(type, side, stopTicks, low, high) {
    const isStopLoss = type.startsWith('STOP_LOSS');
    const falling = (isStopLoss && side === 'SELL') || (!isStopLoss && side === 'BUY');
    return falling ? low <= stopTicks : high >= stopTicks;
  }

  /** @returns {object} the stored order */
  function place(account, req, now) {
    const { market } = req;
    const clientOrderId = req.clientOrderId ?? `sim${nextOrderId}x${now.toString(36)}`;
    for (const o of open) {
      if (o.apiKey === account.apiKey && o.clientOrderId === clientOrderId) {
        throw new BinanceError(400, -2010, 'Duplicate order sent.');
      }
    }
    const order = {
      market,
      symbol: req.symbol,
      orderId: nextOrderId,
      clientOrderId,
      price: req.price,
      origQty: req.qty ?? 0n,
      executedQty: 0n,
      cummulativeQuoteQty: 0n,
      status: 'NEW',
      timeInForce: req.timeInForce,
      type: req.type,
      side: req.side,
      stopPrice: req.stopPrice,
      time: now,
      updateTime: now,
      isWorking: !STOP_TYPES.includes(req.type),
      workingTime: STOP_TYPES.includes(req.type) ? -1 : now,
      origQuoteOrderQty: req.quoteQty ?? 0n,
      apiKey: account.apiKey,
      locked: 0n,
      lastCheck: now,
      fills: [],
      respType: req.respType,
    };
    const last = data.priceTicks(req.symbol, now);
    const top = data.bookTop(market, now);
    if (req.type === 'MARKET') {
      marketFill(order, account, req, now);
    } else if (STOP_TYPES.includes(req.type)) {
      if (wouldTrigger(req.type, req.side, unitsToTicks(market, req.stopPrice), last, last)) {
        throw new BinanceError(400, -2010, 'Stop price would trigger immediately.');
      }
      order.locked = lockFor(account, req, now);
      open.add(order);
    } else {
      const limitTicks = unitsToTicks(market, req.price);
      const marketable =
        req.side === 'BUY' ? limitTicks >= top.askTicks : limitTicks <= top.bidTicks;
      if (req.type === 'LIMIT_MAKER' && marketable) {
        throw new BinanceError(400, -2010, 'Order would immediately match and take.');
      }
      order.locked = lockFor(account, req, now);
      if (marketable) {
        const at = req.side === 'BUY' ? top.askTicks : top.bidTicks;
        fill(order, req.qty, ticksToUnits(market, at), false, now);
      } else if (req.timeInForce === 'IOC' || req.timeInForce === 'FOK') {
        accounts.unlock(
          account,
          req.side === 'BUY' ? market.quoteAsset : market.baseAsset,
          order.locked,
        );
        order.locked = 0n;
        order.status = 'EXPIRED';
      } else {
        open.add(order);
      }
    }
    nextOrderId += 1;
    orders.set(order.orderId, order);
    return order;
  }

  function stepOrder(order, from, to) {
    const c = data.timeline(order.symbol).aggregate(from, to);
    const market = order.market;
    if (!order.isWorking) {
      const stop = unitsToTicks(market, order.stopPrice);
      if (!wouldTrigger(order.type, order.side, stop, c.l, c.h)) return;
      order.isWorking = true;
      order.workingTime = to;
      if (order.type === 'STOP_LOSS' || order.type === 'TAKE_PROFIT') {
        fill(order, order.origQty, ticksToUnits(market, c.c), false, to);
        return;
      }
      const limit = unitsToTicks(market, order.price);
      const isSell = order.side === 'SELL';
      if (isSell ? limit <= c.c : limit >= c.c) {
        const at = isSell
          ? Math.max(limit, Math.min(stop, c.c))
          : Math.min(limit, Math.max(stop, c.c));
        fill(order, order.origQty, ticksToUnits(market, at), false, to);
      }
      return;
    }
    const limit = unitsToTicks(market, order.price);
    if (order.side === 'BUY' ? c.l <= limit : c.h >= limit)
      fill(order, order.origQty, order.price, true, to);
  }

  /** Walks every open order along the price path since it was last checked. */
  function matchAll(now) {
    // Include the current millisecond: a price set just now must be able to fill an order now.
    const end = now + 1;
    for (const order of [...open]) {
      let from = order.lastCheck;
      if (end - from > 120 * CHUNK_MS) {
        stepOrder(order, from, end - 60 * CHUNK_MS);
        from = end - 60 * CHUNK_MS;
      }
      while (open.has(order) && from < end) {
        const to = Math.min(end, from + CHUNK_MS);
        stepOrder(order, from, to);
        from = to;
      }
      order.lastCheck = Math.max(order.lastCheck, end);
    }
  }

  function find(apiKey, symbol, { orderId, clientOrderId }) {
    if (orderId !== null) {
      const order = orders.get(orderId);
      return order && order.apiKey === apiKey && order.symbol === symbol ? order : undefined;
    }
    for (const order of orders.values()) {
      if (
        order.apiKey === apiKey &&
        order.symbol === symbol &&
        order.clientOrderId === clientOrderId
      )
        return order;
    }
    return undefined;
  }

  function cancel(order, now) {
    const account = accounts.get(order.apiKey);
    const market = order.market;
    if (order.locked > 0n && account) {
      accounts.unlock(
        account,
        order.side === 'BUY' ? market.quoteAsset : market.baseAsset,
        order.locked,
      );
    }
    order.locked = 0n;
    order.status = 'CANCELED';
    order.updateTime = now;
    open.delete(order);
  }

  const ordersOf = (apiKey, symbol) =>
    [...orders.values()].filter((o) => o.apiKey === apiKey && (!symbol || o.symbol === symbol));

  return {
    place,
    matchAll,
    find,
    cancel,
    openOrders: (apiKey, symbol) =>
      [...open].filter((o) => o.apiKey === apiKey && (!symbol || o.symbol === symbol)),
    allOrders: ordersOf,
    trades: (apiKey, symbol) => trades.filter((t) => t.apiKey === apiKey && t.symbol === symbol),
    dropAccount(apiKey) {
      for (const o of open) if (o.apiKey === apiKey) open.delete(o);
    },
    reset() {
      orders = new Map();
      open = new Set();
      trades = [];
      nextOrderId = 1;
      nextTradeId = 1;
    },
  };
}
