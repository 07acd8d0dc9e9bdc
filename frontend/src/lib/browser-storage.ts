/**
 * `window.localStorage` itself throws (SecurityError) when the browser blocks site data; the
 * panel then simply forgets preferences instead of failing to start.
 */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
