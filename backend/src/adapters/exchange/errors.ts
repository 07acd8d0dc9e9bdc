import {
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
} from './ccxt-binance.js';
import { ZodError } from 'zod';

import { AppError, UpstreamRejectedError, UpstreamUnavailableError } from '../../domain/errors.js';

import type { RateGuard } from './rate-guard.js';
import type { HttpContext } from './spot-binance.js';

// Binance codes that mean "this key, its secret or its IP is not accepted": -2014 key format,
// -2015 key/IP/permission, -1022 signature (a wrong secret), -2008 unknown key id. ccxt raises
// -2015 as DDoSProtection once a private call has succeeded (it guesses a temporary ban), so the
// code decides, not the class.
const KEY_CODES = new Set([-2014, -2015, -1022, -2008]);

/** Why Binance refused, for callers that react differently (a form field, a stale order list). */
function reasonOf(error: unknown): string | undefined {
  if (error instanceof InsufficientFunds) return 'insufficient-funds';
  if (error instanceof OrderNotFound) return 'order-not-found';
  if (error instanceof InvalidOrder) return 'invalid-order';
  if (error instanceof BadSymbol) return 'bad-symbol';
  if (error instanceof InvalidNonce) return 'clock-skew';
  return undefined;
}

/** ccxt prefixes its messages with the exchange id, and often appends the raw body. */
function ccxtWords(error: Error): string {
  return error.message.replace(/^binance\s+/, '');
}

function rejected(
  error: Error,
  operation: string,
  context: HttpContext | undefined,
): UpstreamRejectedError {
  const upstreamMessage = context?.binance?.msg ?? ccxtWords(error);
  const reason = reasonOf(error);
  return new UpstreamRejectedError(
    'exchange-rejected',
    `Binance refused ${operation}: ${upstreamMessage}`,
    {
      details: {
        upstreamMessage,
        ...(context?.binance ? { code: context.binance.code } : {}),
        ...(reason ? { reason } : {}),
      },
      cause: error,
    },
  );
}

/**
 * Turns whatever an exchange call threw into our error classes, in one place. The original error
 * is kept as `cause`; messages name the operation, never a key, a secret or a signed query.
 * Programming errors (a ccxt NotSupported, our own bugs) are returned unchanged.
 */
export function translateExchangeError(
  error: unknown,
  operation: string,
  context: HttpContext | undefined,
  guard: RateGuard,
): Error {
  if (error instanceof AppError) return error;
  if (context?.status === 418) return guard.bannedError();
  if (context?.status === 429 || error instanceof RateLimitExceeded) {
    return guard.rateLimitedError();
  }
  // ccxt reading a body of the wrong shape fails with a TypeError deep inside its parsers.
  if (error instanceof ZodError || error instanceof SyntaxError || error instanceof TypeError) {
    return new UpstreamRejectedError(
      'exchange-bad-response',
      `Binance's answer to ${operation} has an unexpected shape`,
      { cause: error },
    );
  }
  if (!(error instanceof BaseError))
    return error instanceof Error ? error : new Error(String(error));

  const binanceCode = context?.binance?.code;
  if (
    (binanceCode !== undefined && KEY_CODES.has(binanceCode)) ||
    error instanceof AuthenticationError
  ) {
    return new AppError(
      'exchange-key-invalid',
      `Binance does not accept the API key for ${operation} (wrong key or secret, an IP not in the key's list, or a right it lacks)`,
      400,
      {
        details: context?.binance
          ? { upstreamMessage: context.binance.msg, code: context.binance.code }
          : {},
        cause: error,
      },
    );
  }
  if (error instanceof RequestTimeout) {
    return new UpstreamUnavailableError(
      'exchange-timeout',
      `Binance did not answer ${operation} in time`,
      { cause: error },
    );
  }
  // A clock that drifted since it was measured; the client re-measures before the next call.
  if (error instanceof InvalidNonce) return rejected(error, operation, context);
  if (error instanceof BadResponse) {
    return new UpstreamRejectedError(
      'exchange-bad-response',
      `Binance sent an answer to ${operation} that cannot be read`,
      { cause: error },
    );
  }
  const serverSide = context !== undefined && context.status >= 500;
  if (error instanceof NetworkError || (error instanceof OperationFailed && serverSide)) {
    return new UpstreamUnavailableError(
      'exchange-unavailable',
      context
        ? `Binance answered ${operation} with HTTP ${context.status}`
        : `Binance cannot be reached for ${operation}`,
      { cause: error },
    );
  }
  if (
    error instanceof NotSupported ||
    error instanceof ArgumentsRequired ||
    error instanceof InvalidProxySettings
  ) {
    return error;
  }
  if (error instanceof ExchangeError || error instanceof OperationFailed) {
    return rejected(error, operation, context);
  }
  return new UpstreamRejectedError(
    'exchange-bad-response',
    `Binance's answer to ${operation} could not be handled`,
    { cause: error },
  );
}
