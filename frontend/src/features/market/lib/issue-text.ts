import type { Formatters } from '../../../i18n/formatters';
import type { MessageKey } from '../../../i18n/en';
import { translateError } from '../../../i18n/translate-error';
import { ApiError } from '../../../lib/api-client';

/** Feed states with a sentence of their own: they describe data, not a refused request. */
const FEED_ISSUES: Record<string, MessageKey> = {
  'exchange-unavailable': 'market.issue.exchange-unavailable',
  'exchange-timeout': 'market.issue.exchange-timeout',
  'exchange-rate-limited': 'market.issue.exchange-rate-limited',
  'exchange-banned': 'market.issue.exchange-banned',
  'exchange-bad-response': 'market.issue.exchange-bad-response',
  'pair-unknown': 'error.pair-unknown',
  'pair-delisted': 'error.pair-delisted',
};

/** Why a feed or a row has no fresh figures, in the user's language. */
export function issueText(issue: { code: string; message: string }, f: Formatters): string {
  const key = Object.hasOwn(FEED_ISSUES, issue.code) ? FEED_ISSUES[issue.code] : undefined;
  if (key) return f.t(key);
  return translateError(new ApiError(0, issue.code, issue.message), f);
}
