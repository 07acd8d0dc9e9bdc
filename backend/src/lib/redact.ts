// Secrets are recognised by key name wherever they sit (freqtrade config_secrets.py does the same).
// One rule for the log and the audit log. Anywhere in the name: password, secret, credential,
// private key, API key, authorization, cookie; at the end: token or key (`setupToken`,
// `ws_token`, `apiKey`), so counters such as `promptTokens` or `keyFile` stay readable.
const ANYWHERE = /(password|passwd|secret|credential|private_?key|api_?key|authorization|cookie)/i;
const AT_END = /(token|key)$/i;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 12;

export function isSecretKey(key: string): boolean {
  return ANYWHERE.test(key) || AT_END.test(key);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of `value` with every secret-named key replaced by a marker. Plain objects and arrays
 * are walked (cycles and depth bounded); errors become `{type, message, stack, …own fields}` so
 * their fields are walked too; anything else (dates, buffers, URLs) is kept as it is.
 */
export function redactSecrets(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
    if (value instanceof Error) return walkError(value, depth, seen);
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = isSecretKey(key) ? REDACTED : walk(inner, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function walkError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.name,
    message: error.message,
    stack: error.stack,
  };
  for (const [key, inner] of Object.entries(error)) {
    out[key] = isSecretKey(key) ? REDACTED : walk(inner, depth + 1, seen);
  }
  if (error.cause !== undefined) out.cause = walk(error.cause, depth + 1, seen);
  return out;
}
