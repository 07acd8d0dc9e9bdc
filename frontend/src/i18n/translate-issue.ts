import type { FieldIssue } from '../lib/api-client';
import type { MessageKey } from './en';
import type { Formatters } from './formatters';

type Params = Record<string, unknown>;
/** A rule's sentence, or null when the params it needs are missing or malformed. */
type RuleText = (params: Params, f: Formatters) => string | null;

const plain =
  (key: MessageKey): RuleText =>
  (_params, { t }) =>
    t(key);

/** `{name}` is a count: the `one` sentence for exactly 1, `other` for every other number. */
function counted(name: string, other: MessageKey, one: MessageKey): RuleText {
  return (params, { t, formatNumber }) => {
    const value = params[name];
    if (typeof value !== 'number') return null;
    return t(value === 1 ? one : other, { [name]: formatNumber(value) });
  };
}

function numeric(name: string, key: MessageKey): RuleText {
  return (params, { t, formatNumber }) => {
    const value = params[name];
    return typeof value === 'number' ? t(key, { [name]: formatNumber(value) }) : null;
  };
}

function quoted(name: string, key: MessageKey): RuleText {
  return (params, { t }) => {
    const value = params[name];
    return typeof value === 'string' ? t(key, { [name]: value }) : null;
  };
}

function dated(name: string, key: MessageKey): RuleText {
  return (params, { t, formatDateTime }) => {
    const value = params[name];
    return typeof value === 'string' ? t(key, { [name]: formatDateTime(value) }) : null;
  };
}

/** A list of names, quoted and joined the way the language joins them ("a" or "b" / "a" ou "b"). */
function listed(
  name: string,
  type: Intl.ListFormatType,
  other: MessageKey,
  one: MessageKey = other,
): RuleText {
  return (params, { t, language }) => {
    const values = params[name];
    if (!Array.isArray(values) || values.length === 0) return null;
    const quoted = values.map((value) => `“${String(value)}”`);
    const text = new Intl.ListFormat(language, { type }).format(quoted);
    return t(values.length === 1 ? one : other, { [name]: text });
  };
}

// zod's `expected` type names; any other falls back to the general sentence.
const EXPECTED_TYPES: Record<string, MessageKey> = {
  string: 'rule.invalid-type.string',
  number: 'rule.invalid-type.number',
  bigint: 'rule.invalid-type.number',
  int: 'rule.invalid-type.int',
  boolean: 'rule.invalid-type.boolean',
  object: 'rule.invalid-type.object',
  record: 'rule.invalid-type.object',
  array: 'rule.invalid-type.array',
  tuple: 'rule.invalid-type.array',
  date: 'rule.invalid-type.date',
};

// zod's string formats; `regex` and the rarer ones use the general sentence.
const FORMATS: Record<string, MessageKey> = {
  datetime: 'rule.invalid-format.datetime',
  date: 'rule.invalid-format.date',
  time: 'rule.invalid-format.time',
  email: 'rule.invalid-format.email',
  url: 'rule.invalid-format.url',
  uuid: 'rule.invalid-format.uuid',
  lowercase: 'rule.invalid-format.lowercase',
  uppercase: 'rule.invalid-format.uppercase',
};
const FORMATS_WITH_TEXT: Record<string, { name: string; key: MessageKey }> = {
  starts_with: { name: 'prefix', key: 'rule.invalid-format.starts_with' },
  ends_with: { name: 'suffix', key: 'rule.invalid-format.ends_with' },
  includes: { name: 'includes', key: 'rule.invalid-format.includes' },
};

function pick<T>(table: Record<string, T>, name: unknown): T | undefined {
  return typeof name === 'string' && Object.hasOwn(table, name) ? table[name] : undefined;
}

const invalidType: RuleText = (params, { t }) =>
  t(pick(EXPECTED_TYPES, params['expected']) ?? 'rule.invalid-type');

const invalidFormat: RuleText = (params, { t }) => {
  const withText = pick(FORMATS_WITH_TEXT, params['format']);
  if (withText) {
    const value = params[withText.name];
    return typeof value === 'string' ? t(withText.key, { [withText.name]: value }) : null;
  }
  return t(pick(FORMATS, params['format']) ?? 'rule.invalid-format');
};

/** Every rule the orchestrator sends (backend `ISSUE_RULES`), as a sentence of its own. */
const RULES: Record<string, RuleText> = {
  required: plain('rule.required'),
  'invalid-type': invalidType,
  'too-short': counted('minimum', 'rule.too-short', 'rule.too-short-one'),
  'too-long': counted('maximum', 'rule.too-long', 'rule.too-long-one'),
  'wrong-length': counted('length', 'rule.wrong-length', 'rule.wrong-length-one'),
  'too-few': counted('minimum', 'rule.too-few', 'rule.too-few-one'),
  'too-many': counted('maximum', 'rule.too-many', 'rule.too-many-one'),
  'wrong-count': counted('count', 'rule.wrong-count', 'rule.wrong-count-one'),
  'too-small': numeric('minimum', 'rule.too-small'),
  'too-small-exclusive': numeric('minimum', 'rule.too-small-exclusive'),
  'too-big': numeric('maximum', 'rule.too-big'),
  'too-big-exclusive': numeric('maximum', 'rule.too-big-exclusive'),
  'too-early': dated('earliest', 'rule.too-early'),
  'too-late': dated('latest', 'rule.too-late'),
  'invalid-format': invalidFormat,
  'not-multiple-of': numeric('divisor', 'rule.not-multiple-of'),
  'invalid-choice': listed('options', 'disjunction', 'rule.invalid-choice'),
  'unknown-keys': listed('keys', 'conjunction', 'rule.unknown-keys', 'rule.unknown-keys-one'),
  invalid: plain('rule.invalid'),
  'username-characters': plain('rule.username-characters'),
  'invalid-cursor': plain('rule.invalid-cursor'),
  'same-as-username': plain('rule.same-as-username'),
  'too-common': plain('rule.too-common'),
  'no-control-characters': plain('rule.no-control-characters'),
  'name-taken': plain('rule.name-taken'),
  'pair-format': plain('rule.pair-format'),
  'pair-duplicate': plain('rule.pair-duplicate'),
  'pair-quote-mismatch': quoted('quote', 'rule.pair-quote-mismatch'),
  'pair-unknown': plain('rule.pair-unknown'),
  'pair-inactive': plain('rule.pair-inactive'),
  'pair-live-conflict': quoted('bot', 'rule.pair-live-conflict'),
  'stake-below-minimum': (params, { t, formatNumber }) => {
    const { minimum, pair } = params;
    if (typeof minimum !== 'number' || typeof pair !== 'string') return null;
    return t('rule.stake-below-minimum', { minimum: formatNumber(minimum), pair });
  },
  'exposure-too-small': numeric('minimum', 'rule.exposure-too-small'),
  'strategy-unknown': plain('rule.strategy-unknown'),
  'required-for-live': plain('rule.required-for-live'),
  'time-zone-unknown': plain('rule.time-zone-unknown'),
  'pair-not-in-bot': plain('rule.pair-not-in-bot'),
  'set-by-environment': plain('rule.set-by-environment'),
};

/**
 * One issue as a sentence in the chosen language, with its params filled in. Only a rule this
 * panel does not know (a newer server), or one whose params are missing, shows the server's own
 * English message instead.
 */
export function translateIssue(issue: FieldIssue, f: Formatters): string {
  const text = pick(RULES, issue.rule)?.(issue.params, f);
  return text ?? issue.message;
}
