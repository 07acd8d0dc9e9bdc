// ccxt's package entry loads every exchange it knows (~100 MB of RSS); Spotdesk needs Binance
// alone (~36 MB). The package's `exports` map lists only its entry, so Binance's ESM source and
// the error classes it throws are imported by file URL from the same installed package. They are
// the very modules binance.js itself imports, so `instanceof` checks still hold.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as Ccxt from 'ccxt';

const entry = createRequire(import.meta.url).resolve('ccxt'); // <pkg>/dist/ccxt.cjs
const packageDir = path.resolve(path.dirname(entry), '..');
const source = (file: string) => pathToFileURL(path.join(packageDir, 'js', 'src', file)).href;

type ErrorClasses = Pick<
  typeof Ccxt,
  | 'ArgumentsRequired'
  | 'AuthenticationError'
  | 'BadResponse'
  | 'BadSymbol'
  | 'BaseError'
  | 'ExchangeError'
  | 'InsufficientFunds'
  | 'InvalidNonce'
  | 'InvalidOrder'
  | 'InvalidProxySettings'
  | 'NetworkError'
  | 'NotSupported'
  | 'OperationFailed'
  | 'OrderNotFound'
  | 'RateLimitExceeded'
  | 'RequestTimeout'
>;

const [binanceModule, proModule, errors] = await Promise.all([
  import(source('binance.js')) as Promise<{ default: typeof Ccxt.binance }>,
  // ccxt.pro's binance (WebSocket streams) extends the REST class above.
  import(source('pro/binance.js')) as Promise<{ default: typeof Ccxt.pro.binance }>,
  import(source('base/errors.js')) as Promise<ErrorClasses>,
]);

export const binance = binanceModule.default;
export const proBinance = proModule.default;
export const {
  ArgumentsRequired,
  AuthenticationError,
  BadResponse,
  BadSymbol,
  BaseError,
  ExchangeError,
  InsufficientFunds,
  InvalidNonce,
  InvalidOrder,
  InvalidProxySettings,
  NetworkError,
  NotSupported,
  OperationFailed,
  OrderNotFound,
  RateLimitExceeded,
  RequestTimeout,
} = errors;
export type { Dict } from 'ccxt';
