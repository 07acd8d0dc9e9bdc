import { ApiError, BAD_RESPONSE_CODE, NETWORK_ERROR_CODE } from '../lib/api-client';
import type { Formatters } from './formatters';
import { translateIssue } from './translate-issue';

/** Codes whose message is one fixed sentence, `error.<code>`; the others read their details. */
const FIXED_CODES = [
  'validation-failed',
  'invalid-json',
  'request-aborted',
  'unauthenticated',
  'invalid-credentials',
  'forbidden',
  'csrf-failed',
  'invalid-setup-token',
  'not-found',
  'user-not-found',
  'already-set-up',
  'username-taken',
  'cannot-remove-self',
  'last-admin',
  'payload-too-large',
  'unsupported-encoding',
  'unsupported-charset',
  'internal-error',
  'config-error',
  'supervisord-rejected',
  'supervisord-fault',
  'supervisord-bad-response',
  'supervisord-timeout',
  'supervisord-unavailable',
  'bot-unavailable',
  'bot-timeout',
  'bot-auth-failed',
  'exchange-unavailable',
  'exchange-timeout',
  'exchange-bad-response',
  'exchange-key-invalid',
  'exchange-key-can-withdraw',
  'exchange-key-cannot-trade',
  'exchange-key-cannot-read',
  'bot-not-found',
  'bot-ports-exhausted',
  'loss-limit-tripped',
  'live-trading-disabled',
  'live-switch-off',
  'exchange-key-missing',
  'reauth-failed',
  'confirmation-mismatch',
  'bot-not-trading',
  'pair-unknown',
  'pair-delisted',
  'watchlist-full',
  'assistant-not-configured',
  'assistant-timeout',
  'assistant-unavailable',
  'assistant-bad-answer',
  'assistant-budget-exhausted',
  'bad-frame',
] as const;

const BOT_STATES = ['CREATED', 'RUNNING', 'PAUSED', 'STOPPED', 'ERROR'] as const;
const BOT_ACTIONS = [
  'start',
  'pause',
  'resume',
  'stop',
  'restart',
  'retry',
  'delete',
  'edit',
  'mode',
] as const;

function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return list.find((item) => item === value);
}

/** Codes that quote an upstream's own words (Freqtrade's or Binance's), `details.upstreamMessage`. */
const QUOTING_CODES = ['bot-rejected', 'bot-bad-response', 'exchange-rejected'] as const;
type QuotingCode = (typeof QUOTING_CODES)[number];

function isQuotingCode(code: string): code is QuotingCode {
  return (QUOTING_CODES as readonly string[]).includes(code);
}
type FixedCode = (typeof FIXED_CODES)[number];

function isFixedCode(code: string): code is FixedCode {
  return (FIXED_CODES as readonly string[]).includes(code);
}

/**
 * A message for any error in the chosen language. Every code the orchestrator sends is
 * translated (the `weak-password` reason and the retry delay included); only an unknown code
 * (a newer server, a proxy's page) shows the server's own English message inside a translated frame.
 */
export function translateError(error: unknown, f: Formatters): string {
  const { t, formatNumber } = f;
  if (!(error instanceof ApiError)) {
    return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
  }
  if (isFixedCode(error.code)) return t(`error.${error.code}`);
  if (isQuotingCode(error.code)) {
    const upstream = error.details?.['upstreamMessage'];
    return t(`error.${error.code}`, {
      // Only the upstream's own words are quoted, never the orchestrator's English message.
      message: typeof upstream === 'string' && upstream !== '' ? upstream : '—',
    });
  }
  switch (error.code) {
    case 'bot-transition-refused': {
      const state = oneOf(BOT_STATES, error.details?.['state']);
      const action = oneOf(BOT_ACTIONS, error.details?.['action']);
      if (!state || !action) return t('error.unknown', { message: error.message });
      return t('error.bot-transition-refused', {
        action: t(`bot.action.${action}`),
        state: t(`bot.stateInSentence.${state}`),
      });
    }
    case 'bot-has-open-trades': {
      const count = error.details?.['count'];
      return t('error.bot-has-open-trades', {
        count: typeof count === 'number' ? formatNumber(count) : '?',
      });
    }
    case 'exchange-rate-limited': {
      const seconds = error.details?.['retryAfterSeconds'];
      return t('error.exchange-rate-limited', {
        seconds: typeof seconds === 'number' ? formatNumber(seconds) : '?',
      });
    }
    case 'exchange-banned': {
      const until = error.details?.['until'];
      return t('error.exchange-banned', {
        until: typeof until === 'string' ? f.formatDateTime(until) : '?',
      });
    }
    case NETWORK_ERROR_CODE:
      return t('error.network');
    case BAD_RESPONSE_CODE:
      return t('error.bad-response');
    case 'too-many-attempts': {
      const seconds = error.details?.['retryAfterSeconds'];
      if (typeof seconds !== 'number') return t('error.too-many-attempts-later');
      const key = seconds === 1 ? 'error.too-many-attempts-one' : 'error.too-many-attempts';
      return t(key, { seconds: formatNumber(seconds) });
    }
    case 'weak-password': {
      const [issue] = error.fieldIssues;
      return t('error.weak-password', { reason: issue ? translateIssue(issue, f) : error.message });
    }
    default:
      return t('error.unknown', { message: error.message });
  }
}
