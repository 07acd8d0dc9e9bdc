import { afterEach, describe, expect, it } from 'vitest';

import { ADMIN_PASSWORD, Browser } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let app: TestApp;
afterEach(async () => app?.close());

async function adminWithFailedLogin(forwardedFor: string): Promise<Browser> {
  const browser = new Browser(app.baseUrl);
  await browser.refreshSession();
  await browser.request('POST', '/api/auth/login', {
    body: { username: 'ghost', password: 'not-the-password' },
    headers: { 'x-forwarded-for': forwardedFor },
  });
  await browser.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  await browser.refreshSession();
  return browser;
}

describe('GET /api/audit', () => {
  it('when limit or dates are invalid, then 400 validation-failed naming each field', async () => {
    app = await startApp({ env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const admin = await adminWithFailedLogin('203.0.113.9');

    const reply = await admin.get('/api/audit?limit=501&from=yesterday');

    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation-failed');
    const paths = reply.body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['from', 'limit']);
  });

  it('when listed with a small limit, then pages chain through nextCursor, newest first', async () => {
    app = await startApp({ env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const admin = await adminWithFailedLogin('203.0.113.9');

    const first = await admin.get('/api/audit?limit=2');
    const second = await admin.get(`/api/audit?limit=2&cursor=${first.body.nextCursor}`);

    expect(first.body.items.map((i: { action: string }) => i.action)).toEqual([
      'login',
      'login-failed',
    ]);
    expect(second.body.items.map((i: { action: string }) => i.action)).toEqual(['setup']);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('trust proxy', () => {
  it('when SPOTDESK_TRUST_PROXY is unset, then X-Forwarded-For is ignored for the client IP', async () => {
    app = await startApp({ env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const admin = await adminWithFailedLogin('203.0.113.9');

    const reply = await admin.get('/api/audit?action=login-failed');

    expect(reply.body.items[0].ip).toMatch(/127\.0\.0\.1/);
  });

  it('when SPOTDESK_TRUST_PROXY trusts loopback, then the forwarded client IP is used', async () => {
    app = await startApp({
      env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD, SPOTDESK_TRUST_PROXY: '127.0.0.1' },
    });
    const admin = await adminWithFailedLogin('203.0.113.9');

    const reply = await admin.get('/api/audit?action=login-failed');

    expect(reply.body.items[0].ip).toBe('203.0.113.9');
  });
});

describe('login timing', () => {
  it('when the user is unknown, then the answer takes comparable argon2 work to a wrong password', async () => {
    app = await startApp({ env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();
    await browser.post('/api/auth/login', { username: 'warm-up', password: 'x-warm-up-pw' });
    const time = async (username: string) => {
      const started = performance.now();
      await browser.post('/api/auth/login', { username, password: 'wrong-password-1' });
      return performance.now() - started;
    };

    const wrong = Math.min(await time('admin'), await time('admin'));
    const unknown = Math.min(await time('nobody-here'), await time('nobody-else'));

    // Generous bound: an unknown user must not be answered without hashing (that would be ~1 ms).
    expect(unknown).toBeGreaterThan(wrong * 0.3);
  });
});
