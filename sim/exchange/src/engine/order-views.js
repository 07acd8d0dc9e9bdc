// Binance's JSON shapes for orders and trades (numbers as 8-decimal strings).
import { formatUnits as f } from '../util/decimal.js';

const STP = 'EXPIRE_MAKER';

function core(o) {
  return {
    symbol: o.symbol,
    orderId: o.orderId,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
    price: f(o.price),
    origQty: f(o.origQty),
    executedQty: f(o.executedQty),
    cummulativeQuoteQty: f(o.cummulativeQuoteQty),
    status: o.status,
    timeInForce: o.timeInForce,
    type: o.type,
    side: o.side,
  };
}

const withStop = (o, view) => (o.stopPrice > 0n ? { ...view, stopPrice: f(o.stopPrice) } : view);

/** POST /api/v3/order answer in the requested newOrderRespType. */
export function newOrderView(o) {
  const ack = {
    symbol: o.symbol,
    orderId: o.orderId,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
    transactTime: o.time,
  };
  if (o.respType === 'ACK') return ack;
  const result = withStop(o, {
    ...core(o),
    transactTime: o.time,
    workingTime: o.workingTime,
    origQuoteOrderQty: f(o.origQuoteOrderQty),
    selfTradePreventionMode: STP,
  });
  const { transactTime: _t, ...rest } = result;
  const ordered = { ...ack, ...rest, transactTime: o.time };
  if (o.respType === 'RESULT') return ordered;
  return {
    ...ordered,
    fills: o.fills.map((t) => ({
      price: f(t.price),
      qty: f(t.qty),
      commission: f(t.commission),
      commissionAsset: t.commissionAsset,
      tradeId: t.id,
    })),
  };
}

/** GET /api/v3/order, openOrders and allOrders items. */
export function orderView(o) {
  return {
    ...core(o),
    stopPrice: f(o.stopPrice),
    icebergQty: '0.00000000',
    time: o.time,
    updateTime: o.updateTime,
    isWorking: o.isWorking,
    workingTime: o.workingTime,
    origQuoteOrderQty: f(o.origQuoteOrderQty),
    selfTradePreventionMode: STP,
  };
}

export function cancelView(o, newClientOrderId) {
  const { clientOrderId, ...rest } = core(o);
  return {
    symbol: o.symbol,
    origClientOrderId: clientOrderId,
    orderId: o.orderId,
    orderListId: -1,
    clientOrderId: newClientOrderId,
    transactTime: o.updateTime,
    ...rest,
    selfTradePreventionMode: STP,
  };
}

export function tradeView(t) {
  return {
    symbol: t.symbol,
    id: t.id,
    orderId: t.orderId,
    orderListId: -1,
    price: f(t.price),
    qty: f(t.qty),
    quoteQty: f(t.quoteQty),
    commission: f(t.commission),
    commissionAsset: t.commissionAsset,
    time: t.time,
    isBuyer: t.isBuyer,
    isMaker: t.isMaker,
    isBestMatch: true,
  };
}
