// Binance answers errors as {code, msg} with a 4xx status; ccxt maps them by code and message.
export class BinanceError extends Error {
  /** @param {number} status @param {number} code @param {string} msg */
  constructor(status, code, msg) {
    super(msg);
    this.status = status;
    this.code = code;
  }
}

export const mandatory = (name) =>
  new BinanceError(
    400,
    -1102,
    `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`,
  );

export const illegalChars = (name, range) =>
  new BinanceError(
    400,
    -1100,
    `Illegal characters found in parameter '${name}'; legal range is '${range}'.`,
  );

export const invalidSymbol = () => new BinanceError(400, -1121, 'Invalid symbol.');

export const filterFailure = (filter) => new BinanceError(400, -1013, `Filter failure: ${filter}`);

export const insufficientBalance = () =>
  new BinanceError(400, -2010, 'Account has insufficient balance for requested action.');

export const badApiKey = () =>
  new BinanceError(401, -2015, 'Invalid API-key, IP, or permissions for action.');
