import { afterEach, describe, expect, it } from 'vitest';

import { setUpAdmin, signIn } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

let app: TestApp;
afterEach(async () => app?.close());

const VIEWER_PASSWORD = 'viewer passphrase 42';

describe('/api/users', () => {
  it('when an admin adds a viewer, then 201, it is listed, audited, and the viewer can sign in', async () => {
    app = await startApp();
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());

    const reply = await admin.post('/api/users', {
      username: 'vera',
      password: VIEWER_PASSWORD,
      role: 'viewer',
    });

    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: 2,
      username: 'vera',
      role: 'viewer',
      createdAt: expect.any(String),
    });
    expect(reply.body).not.toHaveProperty('passwordHash');
    const list = await admin.get('/api/users');
    expect(list.body.map((u: { username: string }) => u.username)).toEqual(['ana', 'vera']);
    const viewer = await signIn(app.baseUrl, 'vera', VIEWER_PASSWORD);
    expect((await viewer.get('/api/users')).status).toBe(200);
    const audit = await admin.get('/api/audit?action=user-add');
    expect(audit.body.items[0]).toMatchObject({
      target: 'user:2',
      after: { username: 'vera', role: 'viewer' },
    });
    expect(JSON.stringify(audit.body)).not.toContain(VIEWER_PASSWORD);
  });

  it('when the username exists in another case, then 409 username-taken', async () => {
    app = await startApp();
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());

    const reply = await admin.post('/api/users', {
      username: 'ANA',
      password: VIEWER_PASSWORD,
      role: 'viewer',
    });

    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('username-taken');
  });

  it('when a viewer tries to add a user, then 403 forbidden and nothing is created', async () => {
    app = await startApp();
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());
    await admin.post('/api/users', { username: 'vera', password: VIEWER_PASSWORD, role: 'viewer' });
    const viewer = await signIn(app.baseUrl, 'vera', VIEWER_PASSWORD);

    const reply = await viewer.post('/api/users', {
      username: 'mallory',
      password: VIEWER_PASSWORD,
      role: 'viewer',
    });

    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
    expect((await admin.get('/api/users')).body).toHaveLength(2);
  });

  it('when an admin removes a viewer, then 204, their sessions end and it is audited', async () => {
    app = await startApp();
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());
    await admin.post('/api/users', { username: 'vera', password: VIEWER_PASSWORD, role: 'viewer' });
    const viewer = await signIn(app.baseUrl, 'vera', VIEWER_PASSWORD);

    const reply = await admin.delete('/api/users/2');

    expect(reply.status).toBe(204);
    expect((await viewer.get('/api/users')).status).toBe(401);
    expect((await admin.get('/api/users')).body).toHaveLength(1);
    const audit = await admin.get('/api/audit?action=user-remove');
    expect(audit.body.items[0]).toMatchObject({ target: 'user:2', before: { username: 'vera' } });
  });

  it('when an admin removes themselves or an unknown id, then 409 and 404', async () => {
    app = await startApp();
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());

    const self = await admin.delete('/api/users/1');
    const unknown = await admin.delete('/api/users/99');
    const bad = await admin.delete('/api/users/abc');

    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot-remove-self');
    expect(unknown.status).toBe(404);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('id');
  });

  it('when an admin removed the other admin, then removing the remaining (last) admin is refused with 409', async () => {
    app = await startApp();
    const ana = await setUpAdmin(app.baseUrl, app.setupToken());
    await ana.post('/api/users', { username: 'bob', password: VIEWER_PASSWORD, role: 'admin' });
    const bob = await signIn(app.baseUrl, 'bob', VIEWER_PASSWORD);
    expect((await bob.delete('/api/users/1')).status).toBe(204);

    const reply = await bob.delete('/api/users/2');

    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('cannot-remove-self');
    expect((await signIn(app.baseUrl, 'bob', VIEWER_PASSWORD)).cookies.size).toBeGreaterThan(0);
  });
});
