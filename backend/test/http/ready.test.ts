import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { setUpAdmin } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';
import { startSupervisord, type RunningSupervisord } from '../helpers/supervisord.js';

let supervisord: RunningSupervisord;
let app: TestApp;
beforeAll(async () => {
  supervisord = await startSupervisord();
  app = await startApp({
    env: { SPOTDESK_SUPERVISOR_SOCKET: supervisord.socketPath, SPOTDESK_SIMULATION: '1' },
  });
});
afterAll(async () => {
  await app.close();
  await supervisord.cleanup();
});

describe('GET /ready and /api/system with a real supervisord', () => {
  it('when DB and supervisord are fine, then 200 ready with both checks ok, and the probe row was written', async () => {
    const reply = await fetch(`${app.baseUrl}/ready`);

    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'database', ok: true, reason: 'a probe row was written and committed' },
        { name: 'supervisord', ok: true, reason: 'supervisord is RUNNING' },
      ],
    });
    const probe = app.running.db.sqlite
      .prepare('SELECT checked_at AS at FROM health_probe WHERE id = 1')
      .get() as { at: number };
    expect(probe.at).toBe(app.clock.now());
  });

  it('when signed in, then /api/system reports instance facts and supervisord ok', async () => {
    const admin = await setUpAdmin(app.baseUrl, app.setupToken());

    const reply = await admin.get('/api/system');

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      version: '0.1.0',
      startedAt: new Date(app.clock.now()).toISOString(),
      dataDir: app.dataDir,
      simulation: true,
      liveTradingEnabled: false,
      supervisord: { ok: true, reason: 'supervisord is RUNNING' },
    });
    expect((await admin.refreshSession()).body.instance).toEqual({
      version: '0.1.0',
      simulation: true,
      liveTradingEnabled: false,
    });
  });

  it('when supervisord stops, then /ready turns 503 with a reason', async () => {
    await supervisord.stop();

    const reply = await fetch(`${app.baseUrl}/ready`);

    expect(reply.status).toBe(503);
    const body = (await reply.json()) as { status: string; checks: unknown[] };
    expect(body.status).toBe('not-ready');
    expect(body.checks[0]).toEqual({
      name: 'database',
      ok: true,
      reason: 'a probe row was written and committed',
    });
    expect(body.checks[1]).toMatchObject({
      name: 'supervisord',
      ok: false,
      reason: expect.any(String),
    });
  });
});
