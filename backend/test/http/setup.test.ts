import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ConfigError } from '../../src/domain/errors.js';
import { ADMIN_PASSWORD, Browser } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let app: TestApp;
afterEach(async () => app?.close());

describe('POST /api/setup', () => {
  it('when the instance is new, then a setup token is logged and written to run/setup-token with mode 0600', async () => {
    app = await startApp();

    const token = app.setupToken();

    expect(token.length).toBeGreaterThanOrEqual(24);
    expect(app.logText()).toContain(`First start: open the panel and enter setup token ${token}`);
    expect(statSync(path.join(app.dataDir, 'run', 'setup-token')).mode & 0o777).toBe(0o600);
    for (const dir of ['db', 'bots', 'strategies', 'backups', 'run', 'logs']) {
      expect(statSync(path.join(app.dataDir, dir)).mode & 0o777).toBe(0o700);
    }
    expect(existsSync(path.join(app.dataDir, 'db', 'spotdesk.sqlite'))).toBe(true);
    const browser = new Browser(app.baseUrl);
    const session = await browser.refreshSession();
    expect(session.body).toMatchObject({
      setupRequired: true,
      user: null,
      instance: { simulation: false, liveTradingEnabled: false },
    });
    expect(session.body.csrfToken).toEqual(expect.any(String));
  });

  it('when the token is right, then the admin is created, signed in, audited and the token file removed', async () => {
    app = await startApp();
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();

    const reply = await browser.post('/api/setup', {
      setupToken: app.setupToken(),
      username: 'ana',
      password: ADMIN_PASSWORD,
    });

    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ user: { id: 1, username: 'ana', role: 'admin' } });
    expect(browser.cookies.has('spotdesk_session')).toBe(true);
    expect(existsSync(path.join(app.dataDir, 'run', 'setup-token'))).toBe(false);
    const session = await browser.refreshSession();
    expect(session.body).toMatchObject({
      setupRequired: false,
      user: { id: 1, username: 'ana', role: 'admin' },
    });
    const audit = await browser.get('/api/audit?action=setup');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'setup',
      actor: { id: 1, username: 'ana' },
      target: 'user:1',
    });
    expect(JSON.stringify(audit.body)).not.toContain(ADMIN_PASSWORD);
    expect(app.logText()).not.toContain(ADMIN_PASSWORD);
  });

  it('when the token is wrong, then 403 invalid-setup-token and no user exists', async () => {
    app = await startApp();
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();

    const reply = await browser.post('/api/setup', {
      setupToken: 'x'.repeat(32),
      username: 'ana',
      password: ADMIN_PASSWORD,
    });

    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('invalid-setup-token');
    expect((await browser.refreshSession()).body.setupRequired).toBe(true);
  });

  it('when the password is weak, then 400 weak-password naming the rule', async () => {
    app = await startApp();
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();

    const reply = await browser.post('/api/setup', {
      setupToken: app.setupToken(),
      username: 'ana',
      password: 'short',
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'weak-password',
      details: { issues: [{ path: 'password' }] },
    });
    expect(reply.body.error.message).toContain('10 characters');
  });

  it('when setup already happened, then 409 already-set-up', async () => {
    app = await startApp();
    const token = app.setupToken();
    const first = new Browser(app.baseUrl);
    await first.refreshSession();
    await first.post('/api/setup', {
      setupToken: token,
      username: 'ana',
      password: ADMIN_PASSWORD,
    });
    const second = new Browser(app.baseUrl);
    await second.refreshSession();

    const reply = await second.post('/api/setup', {
      setupToken: token,
      username: 'eve',
      password: ADMIN_PASSWORD,
    });

    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('already-set-up');
  });

  it('when SPOTDESK_ADMIN_PASSWORD is set, then admin is seeded once, audited as system, and no token exists', async () => {
    app = await startApp({ env: { SPOTDESK_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();

    const login = await browser.post('/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });

    expect(login.status).toBe(200);
    expect(existsSync(path.join(app.dataDir, 'run', 'setup-token'))).toBe(false);
    await browser.refreshSession();
    const audit = await browser.get('/api/audit?action=setup');
    expect(audit.body.items[0]).toMatchObject({
      actor: { id: null, username: 'system' },
      action: 'setup',
    });
    expect(app.logText()).not.toContain(ADMIN_PASSWORD);
  });

  it('when SPOTDESK_ADMIN_PASSWORD breaks the password rules, then start-up stops with a ConfigError naming it', async () => {
    const act = startApp({ env: { SPOTDESK_ADMIN_PASSWORD: 'short' } });

    await expect(act).rejects.toThrow(ConfigError);
    await expect(startApp({ env: { SPOTDESK_ADMIN_PASSWORD: 'password123' } })).rejects.toThrow(
      /SPOTDESK_ADMIN_PASSWORD: password is too common/,
    );
  });
});
