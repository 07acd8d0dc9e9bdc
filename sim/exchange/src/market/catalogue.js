// The default dozen USDT pairs with Binance-like filters. Base prices only anchor the seeded path.
import { parseDecimal } from '../util/decimal.js';

const PAIRS = [
  // symbol, base, price, tickSize, stepSize, maxQty, marketMaxQty, dailyVol, dailyVolume(base)
  ['BTCUSDT', 'BTC', 90000, '0.01', '0.00001', '9000', '100', 0.025, 20000],
  ['ETHUSDT', 'ETH', 3000, '0.01', '0.0001', '9000', '2000', 0.035, 400000],
  ['BNBUSDT', 'BNB', 900, '0.01', '0.001', '9000', '2000', 0.03, 200000],
  ['SOLUSDT', 'SOL', 140, '0.01', '0.001', '9000', '30000', 0.045, 3000000],
  ['XRPUSDT', 'XRP', 2.2, '0.0001', '0.1', '9222449', '1000000', 0.045, 150000000],
  ['ADAUSDT', 'ADA', 0.45, '0.0001', '0.1', '900000', '900000', 0.05, 200000000],
  ['DOGEUSDT', 'DOGE', 0.16, '0.00001', '1', '9000000', '9000000', 0.055, 1000000000],
  ['LTCUSDT', 'LTC', 90, '0.01', '0.001', '90000', '10000', 0.04, 500000],
  ['DOTUSDT', 'DOT', 2.8, '0.001', '0.01', '900000', '200000', 0.05, 8000000],
  ['LINKUSDT', 'LINK', 13, '0.01', '0.01', '90000', '90000', 0.05, 3000000],
  ['AVAXUSDT', 'AVAX', 14, '0.01', '0.01', '90000', '90000', 0.05, 2500000],
  ['TRXUSDT', 'TRX', 0.28, '0.0001', '0.1', '9000000', '9000000', 0.03, 300000000],
];

export const DEFAULT_SYMBOLS = PAIRS.map((p) => p[0]);

function toMarket([
  symbol,
  baseAsset,
  price,
  tickSize,
  stepSize,
  maxQty,
  marketMaxQty,
  vol,
  volume,
]) {
  const tickUnits = /** @type {{value: bigint}} */ (parseDecimal(tickSize)).value;
  const stepUnits = /** @type {{value: bigint}} */ (parseDecimal(stepSize)).value;
  return {
    symbol,
    baseAsset,
    quoteAsset: 'USDT',
    basePrice: price,
    tickSize,
    stepSize,
    tickUnits,
    stepUnits,
    tick: Number(tickSize),
    step: Number(stepSize),
    minPriceUnits: tickUnits,
    maxPriceUnits: 1000000n * 100000000n,
    minQtyUnits: stepUnits,
    maxQtyUnits: /** @type {{value: bigint}} */ (parseDecimal(maxQty)).value,
    marketMaxQtyUnits: /** @type {{value: bigint}} */ (parseDecimal(marketMaxQty)).value,
    minNotionalUnits: 5n * 100000000n,
    maxNotionalUnits: 9000000n * 100000000n,
    dailyVol: vol,
    // Volume is kept in whole steps so sums across timeframes are exact integers.
    dailyVolumeSteps: Math.round(volume / Number(stepSize)),
  };
}

const CATALOGUE = new Map(PAIRS.map((p) => [p[0], toMarket(p)]));

/**
 * @param {string[]} symbols
 * @returns {Map<string, ReturnType<typeof toMarket>>}
 * @throws {Error} naming the first symbol the catalogue does not have
 */
export function selectMarkets(symbols) {
  const markets = new Map();
  for (const raw of symbols) {
    const symbol = raw.trim().toUpperCase();
    const market = CATALOGUE.get(symbol);
    if (!market) throw new Error(`unknown symbol ${raw}; known: ${DEFAULT_SYMBOLS.join(',')}`);
    markets.set(symbol, market);
  }
  return markets;
}

/** @typedef {ReturnType<typeof toMarket>} Market */
