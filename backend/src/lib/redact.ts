// Secrets are recognised by key name wherever they sit (freqtrade config_secrets.py does the same).
const SECRET_KEY_PATTERN =
  /(password|passwd|secret|token|apikey|api_key|authorization|cookie|credential|privatekey|^key$|key$)/i;

export const REDACTED = '[redacted]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}

/** Deep copy of `value` with every secret-named key replaced by a marker. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = isSecretKey(key) ? REDACTED : redactSecrets(inner);
    }
    return out;
  }
  return value;
}
