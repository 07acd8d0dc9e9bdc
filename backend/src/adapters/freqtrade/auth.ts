import { HttpFailure, translate } from './errors.js';
import { loginSchema, refreshSchema } from './schemas.js';
import { API_PREFIX, parseAnswer, type Call, type Transport } from './transport.js';

// Contract §1.3: /token/login (Basic) gives an access token (15 min) and a refresh token
// (30 days); /token/refresh (the refresh token as Bearer) gives a new access token only. The
// answers carry no expiry, so lifetimes are counted from when we received them, on `now`.
const ACCESS_LIFETIME_MS = 15 * 60_000;
const REFRESH_LIFETIME_MS = 30 * 24 * 60 * 60_000;
/** Renew this long before expiry, so a token never lapses in flight. */
const RENEW_MARGIN_MS = 60_000;

const LOGIN: Call = { method: 'POST', path: '/token/login' };
const REFRESH: Call = { method: 'POST', path: '/token/refresh' };

export interface TokenSource {
  /** An access token that is valid for at least another minute (logs in or refreshes first). */
  bearer(): Promise<string>;
  /** Forgets every token and logs in again (after a 401). */
  relogin(): Promise<string>;
}

interface Tokens {
  access: string;
  accessAt: number;
  refresh: string;
  refreshAt: number;
}

export function createTokenSource(options: {
  transport: Transport;
  username: string;
  password: string;
  now: () => number;
}): TokenSource {
  const { transport, now } = options;
  const basic = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  let tokens: Tokens | null = null;
  // One login or refresh at a time: concurrent calls wait for the same one.
  let pending: Promise<string> | null = null;

  async function login(): Promise<string> {
    const answer = await transport.send(LOGIN, basic);
    if (answer.status === 401) throw new HttpFailure(401, answer.text, true);
    const body = parseAnswer(loginSchema, answer);
    const at = now();
    tokens = {
      access: body.access_token,
      accessAt: at,
      refresh: body.refresh_token,
      refreshAt: at,
    };
    return body.access_token;
  }

  async function refresh(current: Tokens): Promise<string> {
    const answer = await transport.send(REFRESH, `Bearer ${current.refresh}`);
    // A refused refresh token (new jwt_secret_key, expired) is not final: log in instead.
    if (answer.status === 401) return guarded(LOGIN, login);
    const body = parseAnswer(refreshSchema, answer);
    tokens = { ...current, access: body.access_token, accessAt: now() };
    return body.access_token;
  }

  async function guarded(call: Call, run: () => Promise<string>): Promise<string> {
    try {
      return await run();
    } catch (error) {
      throw translate(error, { method: call.method, path: `${API_PREFIX}${call.path}` });
    }
  }

  function single(run: () => Promise<string>): Promise<string> {
    pending ??= run().finally(() => {
      pending = null;
    });
    return pending;
  }

  return {
    bearer() {
      const current = tokens;
      const at = now();
      if (current && at < current.accessAt + ACCESS_LIFETIME_MS - RENEW_MARGIN_MS) {
        return Promise.resolve(current.access);
      }
      if (current && at < current.refreshAt + REFRESH_LIFETIME_MS - RENEW_MARGIN_MS) {
        return single(() => guarded(REFRESH, () => refresh(current)));
      }
      return single(() => guarded(LOGIN, login));
    },
    relogin() {
      tokens = null;
      return single(() => guarded(LOGIN, login));
    },
  };
}
