// Parses POST /api/v3/order params into a checked request, with Binance's codes and messages.
import {
  BinanceError,
  filterFailure,
  illegalChars,
  invalidSymbol,
  mandatory,
} from '../http/binance-error.js';
import { parseDecimal } from '../util/decimal.js';

const DECIMAL_RANGE = '^([0-9]{1,20})(\\.[0-9]{1,20})?$';
const CLIENT_ID_RE = /^[a-zA-Z0-9\-_.]{1,36}$/;
const TYPES = [
  'LIMIT',
  'MARKET',
  'STOP_LOSS',
  'STOP_LOSS_LIMIT',
  'TAKE_PROFIT',
  'TAKE_PROFIT_LIMIT',
  'LIMIT_MAKER',
];
const NEEDS_PRICE = ['LIMIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT', 'LIMIT_MAKER'];
const NEEDS_TIF = ['LIMIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'];
const NEEDS_STOP = ['STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'];

export const ORDER_TYPES = TYPES;

const notRequired = (name) =>
  new BinanceError(400, -1106, `Parameter '${name}' sent when not required.`);

function decimalParam(params, name) {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  const parsed = parseDecimal(raw);
  if (!parsed) throw illegalChars(name, DECIMAL_RANGE);
  return parsed;
}

function checkPrice(market, parsed) {
  const v = parsed.value;
  if (
    !parsed.exact ||
    v < market.minPriceUnits ||
    v > market.maxPriceUnits ||
    v % market.tickUnits !== 0n
  ) {
    throw filterFailure('PRICE_FILTER');
  }
}

function checkQty(market, parsed, isMarket) {
  const v = parsed.value;
  if (
    !parsed.exact ||
    v < market.minQtyUnits ||
    v > market.maxQtyUnits ||
    v % market.stepUnits !== 0n
  ) {
    throw filterFailure('LOT_SIZE');
  }
  if (isMarket && v > market.marketMaxQtyUnits) throw filterFailure('MARKET_LOT_SIZE');
}

/**
 * @param {URLSearchParams} params
 * @param {Map<string, import('../market/catalogue.js').Market>} markets
 * @throws {BinanceError}
 */
export function parseOrderRequest(params, markets) {
  const symbol = params.get('symbol');
  if (!symbol) throw mandatory('symbol');
  const market = markets.get(symbol);
  if (!market) throw invalidSymbol();
  const side = params.get('side');
  if (!side) throw mandatory('side');
  if (side !== 'BUY' && side !== 'SELL') throw new BinanceError(400, -1117, 'Invalid side.');
  const type = params.get('type');
  if (!type) throw mandatory('type');
  if (!TYPES.includes(type)) throw new BinanceError(400, -1116, 'Invalid orderType.');

  const quantity = decimalParam(params, 'quantity');
  const quoteOrderQty = decimalParam(params, 'quoteOrderQty');
  const price = decimalParam(params, 'price');
  const stopPrice = decimalParam(params, 'stopPrice');
  const timeInForce = params.get('timeInForce') || null;

  if (type === 'MARKET') {
    if (!quantity && !quoteOrderQty) {
      throw new BinanceError(
        400,
        -1102,
        "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!",
      );
    }
    if (quantity && quoteOrderQty) throw notRequired('quoteOrderQty');
  } else {
    if (!quantity) throw mandatory('quantity');
    if (quoteOrderQty) throw notRequired('quoteOrderQty');
  }
  if (NEEDS_PRICE.includes(type) && !price) throw mandatory('price');
  if (!NEEDS_PRICE.includes(type) && price) throw notRequired('price');
  if (NEEDS_STOP.includes(type) && !stopPrice) throw mandatory('stopPrice');
  if (!NEEDS_STOP.includes(type) && stopPrice) throw notRequired('stopPrice');
  if (NEEDS_TIF.includes(type)) {
    if (!timeInForce) throw mandatory('timeInForce');
    if (!['GTC', 'IOC', 'FOK'].includes(timeInForce))
      throw new BinanceError(400, -1115, 'Invalid timeInForce.');
  } else if (timeInForce) {
    throw notRequired('timeInForce');
  }

  const clientOrderId = params.get('newClientOrderId');
  if (clientOrderId !== null && !CLIENT_ID_RE.test(clientOrderId)) {
    throw illegalChars('newClientOrderId', '^[a-zA-Z0-9-_.]{1,36}$');
  }
  const respType = params.get('newOrderRespType');
  if (respType !== null && !['ACK', 'RESULT', 'FULL'].includes(respType)) {
    throw illegalChars('newOrderRespType', 'ACK, RESULT, FULL');
  }

  if (price) checkPrice(market, price);
  if (stopPrice) checkPrice(market, stopPrice);
  if (quantity) checkQty(market, quantity, type === 'MARKET');
  if (quoteOrderQty && quoteOrderQty.value < market.minNotionalUnits)
    throw filterFailure('NOTIONAL');
  if (price && quantity) {
    const notional = (price.value * quantity.value) / 100000000n;
    if (notional < market.minNotionalUnits || notional > market.maxNotionalUnits)
      throw filterFailure('NOTIONAL');
  }

  return {
    market,
    symbol,
    side,
    type,
    // Binance reports GTC for order types that take no timeInForce.
    timeInForce: timeInForce ?? 'GTC',
    qty: quantity ? quantity.value : null,
    quoteQty: quoteOrderQty ? quoteOrderQty.value : null,
    price: price ? price.value : 0n,
    stopPrice: stopPrice ? stopPrice.value : 0n,
    clientOrderId,
    respType: respType ?? (type === 'MARKET' || type === 'LIMIT' ? 'FULL' : 'ACK'),
  };
}
