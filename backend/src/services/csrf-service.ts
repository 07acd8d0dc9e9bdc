import { createHmac, timingSafeEqual } from 'node:crypto';

// CSRF tokens are an HMAC of what identifies the browser: the session cookie once signed in,
// else an anonymous pre-session cookie (for setup and login). Nothing is stored server-side, and
// a token for one session is useless for any other.
export function createCsrfService(masterKey: Buffer) {
  const key = createHmac('sha256', masterKey).update('spotdesk-csrf-v1').digest();
  const tokenFor = (binding: string) =>
    createHmac('sha256', key).update(binding).digest('base64url');
  return {
    tokenFor,
    verify(binding: string, candidate: string): boolean {
      const expected = Buffer.from(tokenFor(binding));
      const given = Buffer.from(candidate);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

export type CsrfService = ReturnType<typeof createCsrfService>;
