// binance-spot.md §A.2: without these, ccxt also calls sapi/fapi/dapi endpoints on loadMarkets.
const SPOT_ONLY_OPTIONS = {
  defaultType: 'spot',
  fetchMarkets: { types: ['spot'] },
  fetchCurrencies: false,
  fetchMargins: false,
};

// The loaded ccxt module (set on first use); errors thrown by ccxt can only exist once it is loaded.
let ccxtModule = null;

/**
 * How Freqtrade's exchange layer classifies a ccxt error: 'invalid_order' (InvalidOrderException),
 * 'temporary' (OperationFailed / ExchangeError → TemporaryError), 'operational' (any other ccxt
 * BaseError → OperationalException), or null for an error that did not come from ccxt.
 */
export function exchangeErrorKind(err) {
  if (!ccxtModule || !(err instanceof ccxtModule.BaseError)) return null;
  if (err instanceof ccxtModule.InvalidOrder) return 'invalid_order';
  if (err instanceof ccxtModule.OperationFailed || err instanceof ccxtModule.ExchangeError)
    return 'temporary';
  return 'operational';
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function merge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b ?? {}))
    out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : v;
  return out;
}

/**
 * ccxt.binance built like Freqtrade builds it: `exchange.ccxt_config` (and the async dict, since
 * this process has a single client) merged in, credentials only in live mode.
 */
export function createExchangeClient(config) {
  const ex = config.exchange;
  let ccxtConfig = merge(ex.ccxt_config ?? {}, ex.ccxt_async_config ?? {});
  ccxtConfig = merge({ timeout: 10000 }, ccxtConfig);
  ccxtConfig.options = merge(SPOT_ONLY_OPTIONS, ccxtConfig.options ?? {});
  if (!config.dry_run) {
    ccxtConfig.apiKey = ex.key ?? '';
    ccxtConfig.secret = ex.secret ?? '';
  }
  // ccxt takes ~1 s to import: it is loaded on first use, so the API answers /ping much earlier.
  let client = null;
  const ensure = async () => {
    if (!client) {
      const { default: ccxt } = await import('ccxt');
      ccxtModule = ccxt;
      client = new ccxt.binance(ccxtConfig);
    }
    return client;
  };
  let marketsLoaded = false;

  return {
    get markets() {
      return marketsLoaded ? client.markets : null;
    },
    async loadMarkets() {
      await ensure();
      await client.loadMarkets(true);
      marketsLoaded = true;
      return client.markets;
    },
    market(pair) {
      return marketsLoaded ? client.markets[pair] : undefined;
    },
    fetchTickers: async (pairs) => (await ensure()).fetchTickers(pairs),
    fetchTicker: async (pair) => (await ensure()).fetchTicker(pair),
    fetchOHLCV: async (pair, timeframe, limit, since) =>
      (await ensure()).fetchOHLCV(pair, timeframe, since, limit),
    fetchBalance: async () => (await ensure()).fetchBalance(),
    amountToPrecision(pair, amount) {
      try {
        if (!marketsLoaded) return amount;
        return Number(client.amountToPrecision(pair, amount));
      } catch {
        return amount;
      }
    },
    /** To the tick size; `direction` 'down'/'up' keeps a sell/buy limit on the crossing side. */
    priceToPrecision(pair, price, direction) {
      try {
        if (!marketsLoaded) return price;
        const tick = client.markets[pair]?.precision?.price;
        if (direction && tick) {
          const steps = price / tick;
          const n = direction === 'down' ? Math.floor(steps + 1e-9) : Math.ceil(steps - 1e-9);
          return Number(client.priceToPrecision(pair, n * tick));
        }
        return Number(client.priceToPrecision(pair, price));
      } catch {
        return price;
      }
    },
    createOrder: async (pair, type, side, amount, price, params) =>
      (await ensure()).createOrder(pair, type, side, amount, price, params ?? {}),
    /** Binance stop-loss on the exchange: STOP_LOSS_LIMIT with stopPrice, as Freqtrade sends it. */
    createStoploss: async (pair, amount, stopPrice, limitPrice) =>
      (await ensure()).createOrder(pair, 'STOP_LOSS_LIMIT', 'sell', amount, limitPrice, {
        stopPrice,
        timeInForce: 'GTC',
      }),
    fetchOrder: async (id, pair) => (await ensure()).fetchOrder(id, pair),
    /** The fills of one order (Binance GET /api/v3/myTrades?orderId=…), with their commissions. */
    fetchOrderTrades: async (id, pair) =>
      (await ensure()).fetchMyTrades(pair, undefined, undefined, { orderId: id }),
    cancelOrder: async (id, pair) => (await ensure()).cancelOrder(id, pair),
    async close() {
      if (client && typeof client.close === 'function') await client.close();
    },
  };
}
