import { pairParam } from '../../../../../backend/src/http/routes/market-schemas';

/** `BTC/USDT` as the URLs write it: `BTC-USDT` (a slash would be a path separator). */
export function toPairParam(pair: string): string {
  return pair.replace('/', '-');
}

/**
 * The pair a URL names (`BTC-USDT`, `btc_usdt`, `BTC%2FUSDT` decoded), read as the server reads
 * its `:pair` (the same schema); null when it cannot be a pair at all.
 */
export function fromPairParam(raw: string | undefined): string | null {
  const parsed = pairParam.safeParse(raw ?? '');
  return parsed.success ? parsed.data : null;
}

/** What someone types into "add a pair": `btc/usdt`, `BTC-USDT` or `eth_btc` all mean BASE/QUOTE. */
export function normalisePairInput(raw: string): string {
  return raw.trim().toUpperCase().replace(/[-_ ]/, '/');
}
