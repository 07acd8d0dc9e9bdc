import { afterEach, describe, expect, it } from 'vitest';

import { ADMIN_PASSWORD, Browser, setUpAdmin } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let app: TestApp;
afterEach(async () => app?.close());

describe('CSRF', () => {
  it('when an unsafe request has no X-CSRF-Token, then 403 csrf-failed and nothing changes', async () => {
    app = await startApp();
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());

    const reply = await admin.request('POST', '/api/users', {
      body: { username: 'vera', password: 'viewer passphrase 42', role: 'viewer' },
      csrf: false,
    });

    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf-failed');
    expect((await admin.get('/api/users')).body).toHaveLength(1);
  });

  it('when the token belongs to another browser, then 403 csrf-failed', async () => {
    app = await startApp();
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());
    const other = new Browser(app.baseUrl);
    await other.refreshSession();

    const reply = await admin.request('POST', '/api/users', {
      body: { username: 'vera', password: 'viewer passphrase 42', role: 'viewer' },
      headers: { 'x-csrf-token': other.csrfToken },
      csrf: false,
    });

    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf-failed');
  });

  it('when login is posted without the pre-session token, then 403 csrf-failed', async () => {
    app = await startApp({ env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const browser = new Browser(app.baseUrl);

    const reply = await browser.post('/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });

    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf-failed');
    expect(browser.cookies.has('spotdesk_session')).toBe(false);
  });

  it('when the Origin is foreign, then 403 even with a valid token; own origin passes', async () => {
    app = await startApp({ env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();
    const body = { username: 'admin', password: ADMIN_PASSWORD };

    const foreign = await browser.request('POST', '/api/auth/login', {
      body,
      headers: { origin: 'http://evil.example' },
    });
    const own = await browser.request('POST', '/api/auth/login', {
      body,
      headers: { origin: app.baseUrl },
    });

    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('csrf-failed');
    expect(own.status).toBe(200);
  });

  it('when a cross-origin preflight or request arrives, then no CORS header is ever sent', async () => {
    app = await startApp();

    const preflight = await fetch(`${app.baseUrl}/api/session`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    const simple = await fetch(`${app.baseUrl}/api/session`, {
      headers: { origin: 'http://evil.example' },
    });

    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('security headers', () => {
  it('when served over plain http, then strict CSP without upgrade-insecure-requests and no HSTS', async () => {
    app = await startApp();

    const reply = await fetch(`${app.baseUrl}/api/session`);

    const csp = reply.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(reply.headers.get('strict-transport-security')).toBeNull();
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('x-powered-by')).toBeNull();
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.getSetCookie().join()).not.toContain('Secure');
  });

  it('when PUBLIC_URL is https, then HSTS, upgrade-insecure-requests, wss and Secure cookies are sent', async () => {
    app = await startApp({
      env: {
        SPOTDESK_PUBLIC_URL: 'https://desk.example.com',
        SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      },
    });
    const browser = new Browser(app.baseUrl);
    const session = await browser.refreshSession();

    const login = await browser.post('/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });

    const csp = session.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('upgrade-insecure-requests');
    expect(csp).toContain("connect-src 'self' wss://desk.example.com");
    expect(session.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect(session.headers.getSetCookie().join()).toContain('Secure');
    expect(login.headers.getSetCookie().join()).toMatch(/spotdesk_session=.*; Secure/);
  });
});
