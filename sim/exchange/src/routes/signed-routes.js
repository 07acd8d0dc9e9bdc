// SIGNED (TRADE / USER_DATA) endpoints: account, orders, trades, and the sapi apiRestrictions.
import { BinanceError, illegalChars, invalidSymbol } from '../http/binance-error.js';
import { parseOrderRequest } from '../engine/order-request.js';
import { cancelView, newOrderView, orderView, tradeView } from '../engine/order-views.js';
import { formatUnits } from '../util/decimal.js';
import { intParam, limitParam, marketParam } from './params.js';
import { authenticate } from './signed-auth.js';

function orderRef(params) {
  const orderId = intParam(params, 'orderId') ?? null;
  const clientOrderId = params.get('origClientOrderId') || null;
  if (orderId === null && clientOrderId === null) {
    throw new BinanceError(
      400,
      -1102,
      "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!",
    );
  }
  return { orderId, clientOrderId };
}

function inWindow(items, params, timeOf) {
  const startTime = intParam(params, 'startTime');
  const endTime = intParam(params, 'endTime');
  if (startTime !== undefined && endTime !== undefined && endTime - startTime > 86400000) {
    throw new BinanceError(400, -1127, 'More than 24 hours between startTime and endTime.');
  }
  return items.filter(
    (i) =>
      (startTime === undefined || timeOf(i) >= startTime) &&
      (endTime === undefined || timeOf(i) <= endTime),
  );
}

/** @param {any} ctx */
export function signedRoutes(ctx) {
  const { markets, accounts, engine } = ctx;
  const auth = (req, needs) => authenticate({ accounts, req }, needs);

  function accountView(account, params, now) {
    const assets = new Set([
      'USDT',
      ...[...markets.values()].map((m) => m.baseAsset),
      ...account.balances.keys(),
    ]);
    const omitZero = params.get('omitZeroBalances') === 'true';
    const balances = [...assets]
      .map((asset) => {
        const b = accounts.balance(account, asset);
        return { asset, free: formatUnits(b.free), locked: formatUnits(b.locked) };
      })
      .filter((b) => !omitZero || b.free !== '0.00000000' || b.locked !== '0.00000000');
    const canTrade = account.rights.enableSpotAndMarginTrading;
    return {
      makerCommission: 10,
      takerCommission: 10,
      buyerCommission: 0,
      sellerCommission: 0,
      commissionRates: {
        maker: '0.00100000',
        taker: '0.00100000',
        buyer: '0.00000000',
        seller: '0.00000000',
      },
      canTrade,
      canWithdraw: account.rights.enableWithdrawals,
      canDeposit: true,
      brokered: false,
      requireSelfTradePrevention: false,
      preventSor: false,
      updateTime: account.updateTime ?? now,
      accountType: 'SPOT',
      balances,
      permissions: ['SPOT'],
      uid: account.uid,
    };
  }

  return {
    'GET /api/v3/account': {
      weight: 20,
      handle: (req) => accountView(auth(req), req.params, req.now),
    },
    'POST /api/v3/order': {
      weight: 1,
      handle: (req) => {
        const account = auth(req, { trading: true });
        return newOrderView(engine.place(account, parseOrderRequest(req.params, markets), req.now));
      },
    },
    'POST /api/v3/order/test': {
      weight: 1,
      handle: (req) => {
        auth(req, { trading: true });
        parseOrderRequest(req.params, markets);
        return {};
      },
    },
    'GET /api/v3/order': {
      weight: 4,
      handle: (req) => {
        const account = auth(req);
        const market = marketParam(req.params, markets);
        const order = engine.find(account.apiKey, market.symbol, orderRef(req.params));
        if (!order) throw new BinanceError(400, -2013, 'Order does not exist.');
        return orderView(order);
      },
    },
    'DELETE /api/v3/order': {
      weight: 1,
      handle: (req) => {
        const account = auth(req, { trading: true });
        const market = marketParam(req.params, markets);
        const order = engine.find(account.apiKey, market.symbol, orderRef(req.params));
        if (!order || !['NEW', 'PARTIALLY_FILLED'].includes(order.status)) {
          throw new BinanceError(400, -2011, 'Unknown order sent.');
        }
        const newClientOrderId =
          req.params.get('newClientOrderId') || `cancel${order.orderId}x${req.now.toString(36)}`;
        if (!/^[a-zA-Z0-9\-_.]{1,36}$/.test(newClientOrderId)) {
          throw illegalChars('newClientOrderId', '^[a-zA-Z0-9-_.]{1,36}$');
        }
        engine.cancel(order, req.now);
        return cancelView(order, newClientOrderId);
      },
    },
    'GET /api/v3/openOrders': {
      weight: (p) => (p.get('symbol') ? 6 : 80),
      handle: (req) => {
        const account = auth(req);
        const symbol = req.params.get('symbol');
        if (symbol && !markets.has(symbol)) throw invalidSymbol();
        return engine.openOrders(account.apiKey, symbol).map(orderView);
      },
    },
    'GET /api/v3/allOrders': {
      weight: 20,
      handle: (req) => {
        const account = auth(req);
        const market = marketParam(req.params, markets);
        const fromId = intParam(req.params, 'orderId');
        const limit = limitParam(req.params, { fallback: 500, max: 1000 });
        const items = inWindow(
          engine.allOrders(account.apiKey, market.symbol),
          req.params,
          (o) => o.time,
        );
        const selected =
          fromId !== undefined
            ? items.filter((o) => o.orderId >= fromId).slice(0, limit)
            : items.slice(-limit);
        return selected.map(orderView);
      },
    },
    'GET /api/v3/myTrades': {
      weight: 20,
      handle: (req) => {
        const account = auth(req);
        const market = marketParam(req.params, markets);
        const orderId = intParam(req.params, 'orderId');
        const fromId = intParam(req.params, 'fromId');
        const limit = limitParam(req.params, { fallback: 500, max: 1000 });
        let items = inWindow(
          engine.trades(account.apiKey, market.symbol),
          req.params,
          (t) => t.time,
        );
        if (orderId !== undefined) items = items.filter((t) => t.orderId === orderId);
        const selected =
          fromId !== undefined
            ? items.filter((t) => t.id >= fromId).slice(0, limit)
            : items.slice(-limit);
        return selected.map(tradeView);
      },
    },
    'GET /sapi/v1/account/apiRestrictions': {
      weight: 1,
      sapi: true,
      handle: (req) => {
        const account = auth(req);
        const { ipWhitelist: _ips, ...rights } = account.rights;
        return {
          ...rights,
          createTime: account.createTime,
          tradingAuthorityExpirationTime: account.createTime + 90 * 86400000,
        };
      },
    },
    'GET /sapi/v1/asset/tradeFee': {
      weight: 1,
      sapi: true,
      handle: (req) => {
        auth(req);
        const symbol = req.params.get('symbol');
        if (symbol && !markets.has(symbol)) throw invalidSymbol();
        return [...markets.values()]
          .filter((m) => !symbol || m.symbol === symbol)
          .map((m) => ({ symbol: m.symbol, makerCommission: '0.001', takerCommission: '0.001' }));
      },
    },
    'GET /api/v3/account/commission': {
      weight: 20,
      handle: (req) => {
        auth(req);
        const market = marketParam(req.params, markets);
        const rates = {
          maker: '0.00100000',
          taker: '0.00100000',
          buyer: '0.00000000',
          seller: '0.00000000',
        };
        return {
          symbol: market.symbol,
          standardCommission: rates,
          taxCommission: { ...rates, maker: '0.00000000', taker: '0.00000000' },
          discount: {
            enabledForAccount: false,
            enabledForSymbol: false,
            discountAsset: 'BNB',
            discount: '0.75000000',
          },
        };
      },
    },
  };
}
