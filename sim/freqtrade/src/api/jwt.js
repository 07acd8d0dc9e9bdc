import crypto from 'node:crypto';

const b64url = (buf) => Buffer.from(buf).toString('base64url');

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;

/** HS256 JWT with Freqtrade's payload: {identity: {u}, exp, iat, type}. */
export function signToken(secret, username, type) {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + (type === 'access' ? ACCESS_TOKEN_SECONDS : REFRESH_TOKEN_SECONDS);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ identity: { u: username }, exp, iat, type }));
  const sig = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${b64url(sig)}`;
}

/** True when the token is signed with `secret`, unexpired, has identity.u and the wanted type. */
export function verifyToken(secret, token, type) {
  if (typeof token !== 'string') return false;
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [header, payload, sig] = parts;
  const expected = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return false;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (head.alg !== 'HS256') return false;
    if (typeof body.exp !== 'number' || body.exp <= Date.now() / 1000) return false;
    if (!body.identity || body.identity.u === undefined) return false;
    return body.type === type;
  } catch {
    return false;
  }
}
