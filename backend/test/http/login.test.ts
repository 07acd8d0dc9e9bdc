import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN_PASSWORD, Browser, setUpAdmin } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  await setUpAdmin(app.baseUrl, app.setupToken(), 'ana');
});
afterAll(async () => app.close());

async function anonymous(): Promise<Browser> {
  const browser = new Browser(app.baseUrl);
  await browser.refreshSession();
  return browser;
}

describe('POST /api/auth/login', () => {
  it('when the credentials are right, then 200 with the user and a rotated session cookie', async () => {
    const browser = await anonymous();
    await browser.post('/api/auth/login', { username: 'ana', password: ADMIN_PASSWORD });
    const firstCookie = browser.cookies.get('spotdesk_session');
    await browser.refreshSession();

    const reply = await browser.post('/api/auth/login', {
      username: 'ANA',
      password: ADMIN_PASSWORD,
    });

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ user: { id: 1, username: 'ana', role: 'admin' } });
    const setCookie = reply.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(
      /spotdesk_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict/,
    );
    expect(setCookie).not.toContain('Secure');
    expect(browser.cookies.get('spotdesk_session')).not.toBe(firstCookie);
    const stale = new Browser(app.baseUrl);
    stale.cookies.set('spotdesk_session', firstCookie ?? '');
    expect((await stale.get('/api/users')).status).toBe(401);
    const audit = await (await browser.refreshSession(), browser).get('/api/audit?action=login');
    expect(audit.body.items[0]).toMatchObject({ action: 'login', actor: { username: 'ana' } });
  });

  it('when the user is unknown or the password wrong, then both answers are identical 401s', async () => {
    const browser = await anonymous();

    const unknown = await browser.post('/api/auth/login', {
      username: 'nobody',
      password: 'whatever-long-pw',
    });
    const wrong = await browser.post('/api/auth/login', {
      username: 'ana',
      password: 'wrong-password-123',
    });

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.error.code).toBe('invalid-credentials');
    expect(browser.cookies.has('spotdesk_session')).toBe(false);
  });

  it('when a login fails, then login-failed is audited with username and IP but never the password', async () => {
    const browser = await anonymous();

    await browser.post('/api/auth/login', { username: 'mallory', password: 'secret-guess-987' });

    const admin = await anonymous();
    await admin.post('/api/auth/login', { username: 'ana', password: ADMIN_PASSWORD });
    await admin.refreshSession();
    const audit = await admin.get('/api/audit?action=login-failed&target=username:mallory');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: { username: 'system' },
      ip: expect.stringContaining('127.0.0.1'),
    });
    expect(JSON.stringify(audit.body)).not.toContain('secret-guess-987');
    expect(app.logText()).not.toContain('secret-guess-987');
  });

  it('when the body misses fields, then 400 validation-failed naming each field', async () => {
    const browser = await anonymous();

    const reply = await browser.post('/api/auth/login', { username: 'ana' });

    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation-failed');
    expect(reply.body.error.details.issues).toEqual([
      { path: 'password', rule: 'required', params: {}, message: expect.any(String) },
    ]);
  });
});

describe('login throttling', () => {
  it('when 5 attempts failed, then 429 with a growing delay, and after waiting a correct login succeeds and resets', async () => {
    const browser = await anonymous();
    for (let i = 0; i < 5; i += 1) {
      const reply = await browser.post('/api/auth/login', {
        username: 'throttled',
        password: `bad-password-${i}`,
      });
      expect(reply.status).toBe(401);
    }

    const blocked = await browser.post('/api/auth/login', {
      username: 'throttled',
      password: 'bad-password-x',
    });

    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatchObject({
      code: 'too-many-attempts',
      details: { retryAfterSeconds: 1 },
    });
    expect(blocked.headers.get('retry-after')).toBe('1');
    app.clock.advance(1000);
    expect(
      (await browser.post('/api/auth/login', { username: 'throttled', password: 'bad-6' })).status,
    ).toBe(401);
    const longer = await browser.post('/api/auth/login', {
      username: 'throttled',
      password: 'bad-7',
    });
    expect(longer.body.error.details.retryAfterSeconds).toBe(2);
    app.clock.advance(60 * 60_000);
    // The IP was throttled too; a success resets both keys so the next failure starts from zero.
    expect(
      (await browser.post('/api/auth/login', { username: 'ana', password: ADMIN_PASSWORD })).status,
    ).toBe(200);
    await browser.refreshSession();
    expect(
      (await browser.post('/api/auth/login', { username: 'ana', password: 'bad-again-1' })).status,
    ).toBe(401);
  });

  it('when many failures accumulate, then the delay is capped at 60 seconds', async () => {
    const browser = await anonymous();
    for (let i = 0; i < 12; i += 1) {
      await browser.post('/api/auth/login', { username: 'capped', password: `bad-password-${i}` });
      app.clock.advance(61_000);
    }
    await browser.post('/api/auth/login', { username: 'capped', password: 'bad-last' });

    const reply = await browser.post('/api/auth/login', {
      username: 'capped',
      password: 'bad-again',
    });

    expect(reply.status).toBe(429);
    expect(reply.body.error.details.retryAfterSeconds).toBe(60);
    app.clock.advance(60_000);
    expect(
      (await browser.post('/api/auth/login', { username: 'capped', password: 'bad' })).status,
    ).toBe(401);
  });

  it('when a stranger keeps failing as the admin, then the admin still signs in from a browser used before, and a new browser waits', async () => {
    app.clock.advance(16 * 60_000); // earlier tests' failures from this IP are forgotten
    const admin = await anonymous();
    const first = await admin.post('/api/auth/login', {
      username: 'ana',
      password: ADMIN_PASSWORD,
    });
    expect(first.headers.getSetCookie().join('\n')).toMatch(
      /spotdesk_device=[A-Za-z0-9_-]{44}; Max-Age=34560000; Path=\/api\/auth; Expires=[^;]+; HttpOnly; SameSite=Strict/,
    );
    const stranger = await anonymous();
    for (let i = 0; i < 8; i += 1) {
      await stranger.post('/api/auth/login', { username: 'ana', password: `guess-${i}-long` });
    }
    expect(
      (await stranger.post('/api/auth/login', { username: 'ana', password: 'guess-x-long' }))
        .status,
    ).toBe(429);

    await admin.refreshSession();
    const known = await admin.post('/api/auth/login', {
      username: 'ana',
      password: ADMIN_PASSWORD,
    });
    const fresh = await anonymous();
    const unknown = await fresh.post('/api/auth/login', {
      username: 'ana',
      password: ADMIN_PASSWORD,
    });

    expect(known.status).toBe(200);
    expect(unknown.status).toBe(429);
    // A device cookie is bound to its user: it does not lift the throttle for another name.
    const borrowed = await anonymous();
    borrowed.cookies.set('spotdesk_device', admin.cookies.get('spotdesk_device') ?? '');
    expect(
      (await borrowed.post('/api/auth/login', { username: 'ANA', password: ADMIN_PASSWORD }))
        .status,
    ).toBe(200);
    await borrowed.refreshSession();
    for (let i = 0; i < 6; i += 1) {
      await borrowed.post('/api/auth/login', { username: 'throttled', password: `bad-${i}-long` });
    }
    expect(
      (await borrowed.post('/api/auth/login', { username: 'throttled', password: 'bad-long' }))
        .status,
    ).toBe(429);
  });
});
