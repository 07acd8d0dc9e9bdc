import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// A browser that signed in as a user before carries a signed "known device" cookie for that
// user. Its failures are throttled on their own, so a stranger guessing the admin's password
// slows only the stranger: the real admin, on a browser they used before, still gets in at once.
// Nothing is stored server-side; the token is an id plus an HMAC of (id, username).
const ID_BYTES = 16;
const MAC_BYTES = 16;
const ID_CHARS = Math.ceil((ID_BYTES * 4) / 3);

export interface KnownDevices {
  /** A new device token bound to this username (base64url, 44 characters). */
  issue(username: string): string;
  /** The device id when `token` was issued for `username`, else undefined. */
  verify(token: string | undefined, username: string): string | undefined;
}

export function createKnownDevices(masterKey: Buffer): KnownDevices {
  const key = createHmac('sha256', masterKey).update('spotdesk-known-device-v1').digest();
  const macFor = (id: string, username: string) =>
    createHmac('sha256', key)
      .update(`${id}\n${username.toLowerCase()}`)
      .digest()
      .subarray(0, MAC_BYTES);
  return {
    issue(username) {
      const id = randomBytes(ID_BYTES).toString('base64url');
      return `${id}${macFor(id, username).toString('base64url')}`;
    },
    verify(token, username) {
      if (!token || token.length <= ID_CHARS) return undefined;
      const id = token.slice(0, ID_CHARS);
      const given = Buffer.from(token.slice(ID_CHARS), 'base64url');
      const expected = macFor(id, username);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
    },
  };
}
