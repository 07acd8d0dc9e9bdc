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
  'bad-frame',
] as const;
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
  switch (error.code) {
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
