import { ApiError, BAD_RESPONSE_CODE, NETWORK_ERROR_CODE } from '../lib/api-client';
import type { TranslateFn } from './i18n-provider';

type Formatters = { t: TranslateFn; formatNumber: (value: number) => string };

/**
 * A message for any error in the chosen language: known API codes are translated, anything
 * else falls back to the server's own message (which is English) inside a translated frame.
 */
export function translateError(error: unknown, { t, formatNumber }: Formatters): string {
  if (!(error instanceof ApiError)) {
    return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
  }
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
    case 'weak-password':
      return t('error.weak-password', { reason: error.message });
    case 'invalid-credentials':
    case 'invalid-setup-token':
    case 'already-set-up':
    case 'username-taken':
    case 'csrf-failed':
    case 'validation-failed':
    case 'forbidden':
    case 'not-found':
      return t(`error.${error.code}`);
    default:
      return t('error.unknown', { message: error.message });
  }
}
