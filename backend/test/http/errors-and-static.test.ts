import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Browser } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';
import { makeTempDir } from '../helpers/temp-dir.js';

let app: TestApp;
afterEach(async () => app?.close());

describe('error shapes', () => {
  it('when an unknown /api route is called, then 404 JSON in the one error shape', async () => {
    app = await startApp();

    const reply = await new Browser(app.baseUrl).get('/api/nope');

    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/json');
    expect(reply.body).toEqual({
      error: { code: 'not-found', message: 'no route for GET /api/nope' },
    });
  });

  it('when the body is malformed JSON, then 400 invalid-json without a stack trace', async () => {
    app = await startApp();
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();

    const reply = await browser.request('POST', '/api/auth/login', { rawBody: '{"username": ' });

    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid-json');
    expect(reply.text).not.toMatch(/at .*\.js/);
  });

  it('when the body is over 100 kB, then 413 payload-too-large', async () => {
    app = await startApp();
    const browser = new Browser(app.baseUrl);
    await browser.refreshSession();

    const reply = await browser.post('/api/auth/login', {
      username: 'a',
      password: 'x'.repeat(120_000),
    });

    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('payload-too-large');
  });
});

describe('health and readiness', () => {
  it('when alive, then /health is 200 ok; /ready is 503 naming supervisord while it is absent', async () => {
    app = await startApp();

    const health = await fetch(`${app.baseUrl}/health`);
    const ready = await fetch(`${app.baseUrl}/ready`);

    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      checks: [
        { name: 'process', ok: true, reason: expect.stringMatching(/^answering for \d+ s$/) },
      ],
    });
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; checks: unknown[] };
    expect(body.status).toBe('not-ready');
    expect(body.checks[0]).toEqual({
      name: 'database',
      ok: true,
      reason: 'a probe row was written and committed',
    });
    expect(body.checks[1]).toMatchObject({
      name: 'supervisord',
      ok: false,
      reason: expect.stringContaining('not reachable'),
    });
  });
});

describe('static panel', () => {
  it('when the panel is not built, then pages get a plain 503 saying so and the API still works', async () => {
    app = await startApp();

    const page = await fetch(`${app.baseUrl}/`, { headers: { accept: 'text/html' } });

    expect(page.status).toBe(503);
    expect(await page.text()).toBe('panel not built: run npm run build\n');
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  });

  it('when built, then / and deep links get index.html (no-cache), hashed assets are cached long and a missing asset is a 404', async () => {
    const frontend = makeTempDir('spotdesk-frontend-');
    mkdirSync(path.join(frontend.path, 'assets'));
    writeFileSync(path.join(frontend.path, 'index.html'), '<!doctype html><title>Spotdesk</title>');
    writeFileSync(path.join(frontend.path, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await startApp({ env: { SPOTDESK_FRONTEND_DIR: frontend.path } });

    const root = await fetch(`${app.baseUrl}/`, { headers: { accept: 'text/html' } });
    const deep = await fetch(`${app.baseUrl}/bots/7/trades`, { headers: { accept: 'text/html' } });
    const asset = await fetch(`${app.baseUrl}/assets/index-abc123.js`);
    const api = await fetch(`${app.baseUrl}/api/unknown`, { headers: { accept: 'text/html' } });
    const stale = await fetch(`${app.baseUrl}/assets/index-old999.js`, {
      headers: { accept: 'text/html,*/*' },
    });

    expect(await root.text()).toContain('<title>Spotdesk</title>');
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Spotdesk</title>');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(stale.status).toBe(404);
    expect(stale.headers.get('content-type')).toContain('text/plain');
    frontend.remove();
  });
});
