import ccxt from 'ccxt';

// binance-spot.md §A.2: without these, ccxt also calls sapi/fapi/dapi endpoints on loadMarkets.
const SPOT_ONLY_OPTIONS = {
  defaultType: 'spot',
  fetchMarkets: { types: ['spot'] },
  fetchCurrencies: false,
  fetchMargins: false,
};

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
  const client = new ccxt.binance(ccxtConfig);
  let marketsLoaded = false;

  return {
    client,
    get markets() {
      return marketsLoaded ? client.markets : null;
    },
    async loadMarkets() {
      await client.loadMarkets(true);
      marketsLoaded = true;
      return client.markets;
    },
    market(pair) {
      return marketsLoaded ? client.markets[pair] : undefined;
    },
    fetchTickers: (pairs) => client.fetchTickers(pairs),
    fetchTicker: (pair) => client.fetchTicker(pair),
    fetchOHLCV: (pair, timeframe, limit) => client.fetchOHLCV(pair, timeframe, undefined, limit),
    fetchBalance: () => client.fetchBalance(),
    amountToPrecision(pair, amount) {
      try {
        return Number(client.amountToPrecision(pair, amount));
      } catch {
        return amount;
      }
    },
    priceToPrecision(pair, price) {
      try {
        return Number(client.priceToPrecision(pair, price));
      } catch {
        return price;
      }
    },
    createOrder: (pair, type, side, amount, price, params) =>
      client.createOrder(pair, type, side, amount, price, params ?? {}),
    /** Binance stop-loss on the exchange: STOP_LOSS_LIMIT with stopPrice, as Freqtrade sends it. */
    createStoploss: (pair, amount, stopPrice, limitPrice) =>
      client.createOrder(pair, 'STOP_LOSS_LIMIT', 'sell', amount, limitPrice, {
        stopPrice,
        timeInForce: 'GTC',
      }),
    fetchOrder: (id, pair) => client.fetchOrder(id, pair),
    cancelOrder: (id, pair) => client.cancelOrder(id, pair),
    async close() {
      if (typeof client.close === 'function') await client.close();
    },
  };
}
