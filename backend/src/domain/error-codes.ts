// Every `error.code` and every issue `rule` the API can answer with. `AppError` accepts only these
// codes and `ValidationIssue` only these rules, so a new one cannot reach a client unnoticed: the
// panel's tests read these lists and fail until each has a message in every language.

export const ERROR_CODES = [
  // 400
  'validation-failed',
  'weak-password',
  'invalid-json',
  'request-aborted',
  // 401
  'unauthenticated',
  'invalid-credentials',
  // 403
  'forbidden',
  'csrf-failed',
  'invalid-setup-token',
  // 404
  'not-found',
  'user-not-found',
  // 409
  'already-set-up',
  'username-taken',
  'cannot-remove-self',
  'last-admin',
  // 413, 415
  'payload-too-large',
  'unsupported-encoding',
  'unsupported-charset',
  // 429
  'too-many-attempts',
  // 500
  'internal-error',
  'config-error',
  // 502, 503: supervisord
  'supervisord-rejected',
  'supervisord-fault',
  'supervisord-bad-response',
  'supervisord-timeout',
  'supervisord-unavailable',
  // 502, 503: a bot's Freqtrade API (adapters/freqtrade)
  'bot-unavailable',
  'bot-timeout',
  'bot-rejected',
  'bot-auth-failed',
  'bot-bad-response',
  // 502, 503, 400: Binance (adapters/exchange)
  'exchange-unavailable',
  'exchange-timeout',
  'exchange-rejected',
  'exchange-bad-response',
  'exchange-rate-limited',
  'exchange-banned',
  'exchange-key-invalid',
  'exchange-key-can-withdraw',
  'exchange-key-cannot-trade',
  'exchange-key-cannot-read',
  // Bots (services/bot-service.ts)
  'bot-not-found',
  'bot-transition-refused',
  'bot-has-open-trades',
  'bot-ports-exhausted',
  'loss-limit-tripped',
  'live-trading-disabled',
  'live-switch-off',
  'exchange-key-missing',
  'reauth-failed',
  'confirmation-mismatch',
  'bot-not-trading',
  // Market data (services/market-service.ts)
  'pair-unknown',
  'pair-delisted',
  'watchlist-full',
  // The AI assistant (services/assistant): notices of a rules-based answer, never HTTP errors.
  'assistant-not-configured',
  'assistant-timeout',
  'assistant-unavailable',
  'assistant-bad-answer',
  'assistant-budget-exhausted',
  // WebSocket `error` messages (http/ws/hub.ts)
  'bad-frame',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why one field failed (`details.issues[].rule`), each with the names of the params it always
 * carries (`too-short` → `{ minimum: 3 }`). Counts and limits are numbers, dates ISO strings,
 * `options` and `keys` string lists. `invalid-format` may add `prefix`, `suffix` or `includes`.
 */
export const ISSUE_RULES = {
  // From zod's issue codes (http/middleware/zod-issues.ts).
  required: [],
  'invalid-type': ['expected'],
  'too-short': ['minimum'],
  'too-long': ['maximum'],
  'wrong-length': ['length'],
  'too-few': ['minimum'],
  'too-many': ['maximum'],
  'wrong-count': ['count'],
  'too-small': ['minimum'],
  'too-small-exclusive': ['minimum'],
  'too-big': ['maximum'],
  'too-big-exclusive': ['maximum'],
  'too-early': ['earliest'],
  'too-late': ['latest'],
  'invalid-format': ['format'],
  'not-multiple-of': ['divisor'],
  'invalid-choice': ['options'],
  'unknown-keys': ['keys'],
  invalid: [],
  // Named by our own checks (schemas and services).
  'username-characters': [],
  'invalid-cursor': [],
  'same-as-username': [],
  'too-common': [],
  // Bots (domain/bot-rules.ts).
  'no-control-characters': [],
  'name-taken': [],
  'pair-format': [],
  'pair-duplicate': [],
  'pair-quote-mismatch': ['quote'],
  'pair-unknown': [],
  'pair-inactive': [],
  'pair-live-conflict': ['bot'],
  'stake-below-minimum': ['minimum', 'pair'],
  'exposure-too-small': ['minimum'],
  'strategy-unknown': [],
  'required-for-live': [],
  // The monitor (issue #5).
  'time-zone-unknown': [],
  'pair-not-in-bot': [],
  // The AI assistant's settings: an environment variable sets this field (read-only in the panel).
  'set-by-environment': [],
} as const satisfies Record<string, readonly string[]>;

export type IssueRule = keyof typeof ISSUE_RULES;

/** JSON-safe values only: the panel interpolates them into its own sentences. */
export type IssueParams = Record<string, string | number | string[]>;

export function isIssueRule(value: unknown): value is IssueRule {
  return typeof value === 'string' && Object.hasOwn(ISSUE_RULES, value);
}
