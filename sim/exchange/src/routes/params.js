// Query/body parameter readers that fail the way Binance does.
import { BinanceError, illegalChars, invalidSymbol, mandatory } from '../http/binance-error.js';

const INT_RANGE = '^-?[0-9]{1,20}$';
const SYMBOLS_RANGE = '^\\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}"){0,}){0,1}\\]$';

/** @returns {number | undefined} */
export function intParam(params, name) {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?[0-9]{1,20}$/.test(raw)) throw illegalChars(name, INT_RANGE);
  return Number(raw);
}

export function marketParam(params, markets) {
  const symbol = params.get('symbol');
  if (!symbol) throw mandatory('symbol');
  const market = markets.get(symbol);
  if (!market) throw invalidSymbol();
  return market;
}

/**
 * `symbol=` or `symbols=["A","B"]`; neither → null (all markets).
 * @returns {{ single: boolean, list: any[] } | null}
 */
export function symbolsParam(params, markets) {
  if (params.get('symbol')) {
    if (params.get('symbols')) {
      throw new BinanceError(
        400,
        -1101,
        "Parameter 'symbol' and 'symbols' cannot be sent together.",
      );
    }
    return { single: true, list: [marketParam(params, markets)] };
  }
  const raw = params.get('symbols');
  if (!raw) return null;
  let names;
  try {
    names = JSON.parse(raw);
  } catch {
    throw illegalChars('symbols', SYMBOLS_RANGE);
  }
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))
    throw illegalChars('symbols', SYMBOLS_RANGE);
  return {
    single: false,
    list: names.map((n) => {
      const market = markets.get(n);
      if (!market) throw invalidSymbol();
      return market;
    }),
  };
}

export function limitParam(params, { fallback, max }) {
  const limit = intParam(params, 'limit');
  if (limit === undefined) return fallback;
  if (limit < 1)
    throw new BinanceError(
      400,
      -1100,
      "Illegal characters found in parameter 'limit'; legal range is '1-" + max + "'.",
    );
  return Math.min(limit, max);
}
