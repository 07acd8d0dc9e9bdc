import crypto from 'node:crypto';
import { HttpError } from '../errors.js';
import { signToken, verifyToken } from './jwt.js';

export const DEFAULT_JWT_SECRET = 'super-secret';

function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function parseAuthHeader(req) {
  const header = req.headers.authorization ?? '';
  const space = header.indexOf(' ');
  if (space < 0) return { scheme: '', value: '' };
  return { scheme: header.slice(0, space).toLowerCase(), value: header.slice(space + 1).trim() };
}

function basicCredentials(value) {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? null : { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
}

const invalidBearer = () =>
  new HttpError(401, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' });

/** Auth rules of contract §1.2–§1.4. `api` is the api_server config section. */
export function createAuth(api) {
  const secret = api.jwt_secret_key ?? DEFAULT_JWT_SECRET;
  const basicOk = (creds) =>
    creds !== null && safeEqual(creds.user, api.username) && safeEqual(creds.pass, api.password);

  return {
    /** http_basic_or_jwt_token: a Bearer token, if present, is the only thing checked. */
    requireUser(req) {
      const { scheme, value } = parseAuthHeader(req);
      if (scheme === 'bearer') {
        if (!verifyToken(secret, value, 'access')) throw invalidBearer();
        return;
      }
      if (scheme === 'basic' && basicOk(basicCredentials(value))) return;
      throw new HttpError(401, 'Unauthorized');
    },
    login(req) {
      const { scheme, value } = parseAuthHeader(req);
      if (scheme !== 'basic') {
        throw new HttpError(401, 'Not authenticated', { 'WWW-Authenticate': 'Basic' });
      }
      if (!basicOk(basicCredentials(value)))
        throw new HttpError(401, 'Incorrect username or password');
      return {
        access_token: signToken(secret, api.username, 'access'),
        refresh_token: signToken(secret, api.username, 'refresh'),
      };
    },
    refresh(req) {
      const { scheme, value } = parseAuthHeader(req);
      if (scheme !== 'bearer' || !verifyToken(secret, value, 'refresh')) throw invalidBearer();
      const payload = JSON.parse(Buffer.from(value.split('.')[1], 'base64url').toString('utf8'));
      return { access_token: signToken(secret, payload.identity.u, 'access') };
    },
    /** Message WS: only ?token= — a configured ws_token or a JWT access token. */
    wsTokenOk(token) {
      if (!token) return false;
      const wsTokens = Array.isArray(api.ws_token)
        ? api.ws_token
        : api.ws_token
          ? [api.ws_token]
          : [];
      if (wsTokens.some((t) => safeEqual(t, token))) return true;
      return verifyToken(secret, token, 'access');
    },
  };
}
