import type { Logger } from '../../lib/logger.js';

import { proBinance, type Dict } from './ccxt-binance.js';
import { SPOT_ONLY_OPTIONS, restUrls } from './spot-binance.js';

/**
 * ccxt.pro's binance for public market streams only (no key is ever given to it). It never loads
 * markets itself: the REST instance hands it the list it loaded, so the streams add no REST weight.
 * ccxt shares one subscription per stream name however many `watch*` calls wait on it
 * (binance-spot.md §A.6), so each (pair, timeframe) has one kline stream and each pair one ticker.
 */
const STREAM_CANDLES = 3;

export interface SpotStreams {
  setMarkets(list: unknown): void;
  watchOHLCV(symbol: string, timeframe: string): Promise<unknown>;
  watchTicker(symbol: string): Promise<unknown>;
  unwatchOHLCV(symbol: string, timeframe: string): Promise<void>;
  unwatchTicker(symbol: string): Promise<void>;
  close(): Promise<void>;
}

export function createSpotStreams(options: {
  restUrl: string;
  /** Undefined: ccxt's own (`wss://stream.binance.com:9443/ws`). */
  wsUrl: string | undefined;
  timeoutMs: number;
  logger: Logger;
}): SpotStreams {
  const exchange = new proBinance({
    enableRateLimit: false,
    timeout: options.timeoutMs,
    options: {
      ...SPOT_ONLY_OPTIONS,
      // `watchTicker` reads `<sym>@ticker` (bid/ask) instead of the default miniTicker (§A.6).
      watchTickers: { name: 'ticker' },
    },
  });
  const api = exchange.urls['api'] as Record<string, unknown>;
  exchange.urls = {
    ...exchange.urls,
    api: {
      ...restUrls(api, options.restUrl),
      ws: options.wsUrl ? { ...(api['ws'] as Dict), spot: options.wsUrl } : api['ws'],
    },
  } as typeof exchange.urls;

  let ready: Promise<void> | null = null;
  let hasMarkets = false;
  /** A `ws://` URL (the simulator) needs an http agent in Node before the first watch (§A.6). */
  const prepare = (): Promise<void> => {
    if (!hasMarkets) return Promise.reject(new Error('binance markets are not loaded yet'));
    ready ??= options.wsUrl?.startsWith('ws://')
      ? exchange.loadHttpProxyAgent().then(() => undefined)
      : Promise.resolve();
    return ready;
  };
  const quietly = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      options.logger.debug({ err: error, what }, 'unsubscribe failed');
    }
  };

  return {
    setMarkets(list) {
      exchange.setMarkets(list as Dict);
      hasMarkets = true;
    },
    async watchOHLCV(symbol, timeframe) {
      await prepare();
      // The last 3 candles of the stream's cache: a push updates the open candle (or closes it
      // and opens the next), so 3 always cover it; the history comes from REST once.
      return exchange.watchOHLCV(symbol, timeframe, undefined, STREAM_CANDLES);
    },
    async watchTicker(symbol) {
      await prepare();
      return exchange.watchTicker(symbol, { name: 'ticker' });
    },
    unwatchOHLCV: (symbol, timeframe) =>
      quietly(`${symbol} ${timeframe} klines`, () => exchange.unWatchOHLCV(symbol, timeframe)),
    unwatchTicker: (symbol) =>
      quietly(`${symbol} ticker`, () => exchange.unWatchTickers([symbol], { name: 'ticker' })),
    close: () => quietly('every stream', () => exchange.close()),
  };
}
