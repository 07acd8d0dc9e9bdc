import { afterEach, describe, expect, it } from 'vitest';

import { ADMIN_PASSWORD, Browser, setUpAdmin, signIn } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let app: TestApp;
afterEach(async () => app?.close());

const MINUTE = 60_000;

describe('session expiry', () => {
  it('when the session stays idle longer than the idle limit, then it is gone', async () => {
    app = await startApp({ env: { SPOTDESK_SESSION_IDLE_MINUTES: '30' } });
    const browser = await setUpAdmin(app.baseUrl, app.setupToken());
    app.clock.advance(29 * MINUTE);
    expect((await browser.get('/api/users')).status).toBe(200);

    app.clock.advance(29 * MINUTE);
    const stillActive = await browser.get('/api/users');
    app.clock.advance(31 * MINUTE);
    const expired = await browser.get('/api/users');

    expect(stillActive.status).toBe(200);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('unauthenticated');
    expect((await browser.refreshSession()).body.user).toBeNull();
  });

  it('when the absolute limit passes, then the session ends even if it was used all along', async () => {
    app = await startApp({
      env: { SPOTDESK_SESSION_IDLE_MINUTES: '60', SPOTDESK_SESSION_ABSOLUTE_HOURS: '2' },
    });
    const browser = await setUpAdmin(app.baseUrl, app.setupToken());

    for (let i = 0; i < 4; i += 1) {
      app.clock.advance(29 * MINUTE);
      expect((await browser.get('/api/users')).status).toBe(200);
    }
    app.clock.advance(5 * MINUTE);
    const reply = await browser.get('/api/users');

    expect(reply.status).toBe(401);
  });
});

describe('POST /api/auth/logout', () => {
  it('when signed in, then 204, the cookie is cleared and the old cookie no longer works', async () => {
    app = await startApp();
    const browser = await setUpAdmin(app.baseUrl, app.setupToken());
    const oldCookie = browser.cookies.get('spotdesk_session');

    const reply = await browser.post('/api/auth/logout');

    expect(reply.status).toBe(204);
    expect(reply.headers.getSetCookie().join()).toMatch(/spotdesk_session=;/);
    const replay = new Browser(app.baseUrl);
    replay.cookies.set('spotdesk_session', oldCookie ?? '');
    expect((await replay.get('/api/users')).status).toBe(401);
    await browser.refreshSession();
    const audit = await (
      await signIn(app.baseUrl, 'ana', ADMIN_PASSWORD)
    ).get('/api/audit?action=logout');
    expect(audit.body.items).toHaveLength(1);
  });
});

describe('POST /api/auth/password', () => {
  it('when the current password is right, then every session of the user ends and the caller gets a fresh one', async () => {
    app = await startApp();
    const caller = await setUpAdmin(app.baseUrl, app.setupToken());
    const otherDevice = await signIn(app.baseUrl, 'ana', ADMIN_PASSWORD);
    const callerOldCookie = caller.cookies.get('spotdesk_session');

    const reply = await caller.request('POST', '/api/auth/password', {
      body: { currentPassword: ADMIN_PASSWORD, newPassword: 'a much newer passphrase' },
    });

    expect(reply.status).toBe(204);
    expect(caller.cookies.get('spotdesk_session')).not.toBe(callerOldCookie);
    expect((await caller.get('/api/users')).status).toBe(200);
    expect((await otherDevice.get('/api/users')).status).toBe(401);
    const fresh = new Browser(app.baseUrl);
    await fresh.refreshSession();
    expect(
      (await fresh.post('/api/auth/login', { username: 'ana', password: ADMIN_PASSWORD })).status,
    ).toBe(401);
    expect(
      (
        await fresh.post('/api/auth/login', {
          username: 'ana',
          password: 'a much newer passphrase',
        })
      ).status,
    ).toBe(200);
    await caller.refreshSession();
    const audit = await caller.get('/api/audit?action=password-change');
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain('newer passphrase');
  });

  it('when the current password is wrong, then 401 invalid-credentials and the password is unchanged', async () => {
    app = await startApp();
    const browser = await setUpAdmin(app.baseUrl, app.setupToken());

    const reply = await browser.request('POST', '/api/auth/password', {
      body: { currentPassword: 'not-my-password', newPassword: 'a much newer passphrase' },
    });

    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('invalid-credentials');
    expect((await signIn(app.baseUrl, 'ana', ADMIN_PASSWORD)).cookies.has('spotdesk_session')).toBe(
      true,
    );
  });

  it('when the new password is weak, then 400 weak-password on newPassword', async () => {
    app = await startApp();
    const browser = await setUpAdmin(app.baseUrl, app.setupToken());

    const reply = await browser.request('POST', '/api/auth/password', {
      body: { currentPassword: ADMIN_PASSWORD, newPassword: '1234567890' },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'weak-password',
      details: { issues: [{ path: 'newPassword' }] },
    });
  });
});

describe('request log', () => {
  it('when API requests are made, then each is logged with method, path and status but no cookie, token or query', async () => {
    app = await startApp();
    const browser = await setUpAdmin(app.baseUrl, app.setupToken());
    const cookie = browser.cookies.get('spotdesk_session') ?? '';

    await browser.get('/api/audit?actor=ana');

    const lines = app
      .logText()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request');
    expect(lines).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/api/audit', status: 200, userId: 1 }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/api/setup', status: 201 }),
    );
    const text = app.logText();
    expect(text).not.toContain(cookie);
    expect(text).not.toContain(browser.csrfToken);
    expect(text).not.toContain(ADMIN_PASSWORD);
  });
});
