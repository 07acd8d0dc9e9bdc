// Binance's SIGNED endpoint checks: API key header, timestamp/recvWindow, HMAC-SHA256 over the raw
// query string + body exactly as received (re-encoding could change it), then the key's rights.
import { createHmac, timingSafeEqual } from 'node:crypto';

import { BinanceError, badApiKey, mandatory } from '../http/binance-error.js';

const SIGNATURE_RE = /(^|&)signature=([^&]*)/;

function splitSignature(raw) {
  const m = SIGNATURE_RE.exec(raw);
  if (!m) return { rest: raw, signature: null };
  const rest = raw.slice(0, m.index) + raw.slice(m.index + m[0].length);
  return {
    rest: m[1] === '' && rest.startsWith('&') ? rest.slice(1) : rest,
    // Hex never needs percent-decoding; anything else just fails the comparison.
    signature: m[2],
  };
}

function signatureMatches(secret, payload, signature) {
  const expected = createHmac('sha256', secret).update(payload).digest('hex');
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/**
 * @param {{ accounts: any, req: { apiKey: string|null, params: URLSearchParams, rawQuery: string, rawBody: string, now: number, ip: string } }} input
 * @param {{ trading?: boolean }} needs
 * @returns the account
 * @throws {BinanceError}
 */
export function authenticate({ accounts, req }, needs = {}) {
  if (!req.apiKey) throw new BinanceError(401, -2014, 'API-key format invalid.');
  const account = accounts.get(req.apiKey);
  if (!account) throw badApiKey();

  const rawTimestamp = req.params.get('timestamp');
  if (!rawTimestamp || !/^[0-9]{1,20}$/.test(rawTimestamp)) throw mandatory('timestamp');
  const rawWindow = req.params.get('recvWindow');
  let recvWindow = 5000;
  if (rawWindow !== null) {
    if (!/^[0-9]{1,20}$/.test(rawWindow)) throw mandatory('recvWindow');
    recvWindow = Number(rawWindow);
    if (recvWindow > 60000)
      throw new BinanceError(400, -1131, 'recvWindow must be less than 60000');
  }

  const q = splitSignature(req.rawQuery);
  const b =
    q.signature === null ? splitSignature(req.rawBody) : { rest: req.rawBody, signature: null };
  const signature = q.signature ?? b.signature;
  if (!signature) throw mandatory('signature');

  const timestamp = Number(rawTimestamp);
  if (timestamp >= req.now + 1000) {
    throw new BinanceError(
      400,
      -1021,
      "Timestamp for this request was 1000ms ahead of the server's time.",
    );
  }
  if (req.now - timestamp > recvWindow) {
    throw new BinanceError(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
  }
  if (!signatureMatches(account.secret, q.rest + b.rest, signature)) {
    throw new BinanceError(400, -1022, 'Signature for this request is not valid.');
  }

  const { rights } = account;
  if (rights.ipRestrict && !rights.ipWhitelist.includes(req.ip)) throw badApiKey();
  if (!rights.enableReading) throw badApiKey();
  if (needs.trading && !rights.enableSpotAndMarginTrading) throw badApiKey();
  return account;
}
