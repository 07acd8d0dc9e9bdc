import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'spotdesk_session';
export const PRESESSION_COOKIE = 'spotdesk_presession';
export const DEVICE_COOKIE = 'spotdesk_device';
const DEVICE_COOKIE_DAYS = 400; // the longest lifetime browsers keep a cookie

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      // Our cookie values are base64url; anything else is not ours and is ignored.
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure };
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, cookieOptions(secure));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}

/** The known-device token (services/known-device.ts), only ever sent to the sign-in routes. */
export function setDeviceCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(DEVICE_COOKIE, token, {
    ...cookieOptions(secure),
    path: '/api/auth',
    maxAge: DEVICE_COOKIE_DAYS * 86_400_000,
  });
}
