import { analyze } from '../strategy/behaviours.js';
import { analyzedDfMessage } from './pair-history.js';

const CANDLE_LIMIT = 200;
// Binance's klines page size, and Freqtrade's cap of 5 calls per pair (startup_candle_count).
const KLINES_PAGE = 1000;
const MAX_CANDLES = 5 * KLINES_PAGE;

/**
 * The bot's market data (tickers, candles → analysed dataframes, new_candle / analyzed_df
 * broadcasts): adds bot.storeTickers, bot.refreshTickers and bot.refreshCandles.
 */
export function installMarketData(bot, { strategy, exchange, config }) {
  bot.storeTickers = (tickers) => {
    Object.assign(bot.tickers, tickers);
    for (const pair of Object.keys(tickers)) bot.tickerTimes[pair] = Date.now();
  };

  // Like the per-trade rate lookups of Freqtrade, a failed refresh is logged, not fatal: the
  // cached tickers stay in use (and age out of the API's current_rate after 5 minutes).
  bot.refreshTickers = async () => {
    const pairs = [...new Set([...bot.whitelist, ...bot.repo.openTrades().map((t) => t.pair)])];
    if (pairs.length === 0) return;
    try {
      bot.storeTickers(await exchange.fetchTickers(pairs));
    } catch (err) {
      bot.log.warning(`Unable to refresh tickers: ${err.message}`);
    }
  };

  // startup_candle_count above the default history asks for more candles, paged like
  // Freqtrade's multi-call history download.
  const startup = Number.isInteger(strategy.attrs.startup_candle_count)
    ? strategy.attrs.startup_candle_count
    : 0;
  const candleCount = Math.min(Math.max(CANDLE_LIMIT, startup + 1), MAX_CANDLES);

  const fetchCandles = async (pair, now) => {
    if (candleCount <= KLINES_PAGE) return exchange.fetchOHLCV(pair, config.timeframe, candleCount);
    const out = [];
    let since = (Math.floor(now / bot.timeframeMs) - candleCount + 1) * bot.timeframeMs;
    while (out.length < candleCount) {
      const want = Math.min(KLINES_PAGE, candleCount - out.length);
      const page = await exchange.fetchOHLCV(pair, config.timeframe, want, since);
      const fresh = page.filter((c) => c[0] >= since);
      if (fresh.length === 0) break;
      out.push(...fresh);
      since = fresh.at(-1)[0] + bot.timeframeMs;
    }
    return out;
  };

  bot.refreshCandles = async () => {
    const now = Date.now();
    for (const pair of bot.whitelist) {
      const last = bot.lastClosed.get(pair);
      if (last !== undefined && now < last + 2 * bot.timeframeMs) continue;
      let raw;
      try {
        raw = await fetchCandles(pair, now);
      } catch (err) {
        // DataProvider.refresh logs a failed download per pair and goes on with the others.
        bot.log.warning(`Unable to download candles for ${pair}: ${err.message}`);
        continue;
      }
      const closed = raw.filter((c) => c[0] + bot.timeframeMs <= now);
      const lastTs = closed.at(-1)?.[0];
      if (lastTs === undefined || lastTs === last) continue;
      bot.lastClosed.set(pair, lastTs);
      const df = analyze(strategy, pair, closed);
      bot.dataframes.set(pair, { ...df, analyzedAt: Date.now() });
      bot.notify({ type: 'new_candle', data: [pair, config.timeframe, 'spot'] });
      bot.notify(analyzedDfMessage(bot, pair, { ...df, rows: df.rows.slice(-1) }, Date.now()));
    }
  };
}
