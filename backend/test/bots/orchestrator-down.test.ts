// The orchestrator going away does not stop the bots, and coming back it adopts them as they run
// (issue #4 "Lifecycle and reconciliation"): closed cleanly, and killed with SIGKILL as a real
// process on the same data directory and supervisord.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSupervisordClient } from '../../src/adapters/supervisord/client.js';
import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';
import { ADMIN_PASSWORD, signIn, type Browser } from '../helpers/http-client.js';
import { spawnMain, type MainProcess } from '../helpers/spawn-main.js';

let env: BotEnv;
let spawned: MainProcess | undefined;
let supervisor: ReturnType<typeof createSupervisordClient>;
beforeAll(async () => {
  env = await startBotEnv();
  supervisor = createSupervisordClient({ socketPath: env.supervisorSocket });
}, 60_000);
afterAll(async () => {
  if (spawned && spawned.child.exitCode === null) spawned.child.kill('SIGKILL');
  await supervisor?.close();
  await env?.cleanup();
}, 60_000);

interface Seen {
  pid: number;
  startedAt: number;
}

const bots: { running: number; paused: number } = { running: 0, paused: 0 };
const seen = new Map<number, Seen>();
let actionsBefore: string[] = [];

async function processOf(id: number): Promise<Seen & { state: string }> {
  const info = await supervisor.getProcessInfo(`bot-${id}`);
  return {
    pid: info?.pid ?? 0,
    startedAt: info?.startedAt?.getTime() ?? 0,
    state: info?.state ?? '',
  };
}

/** Both bots' processes are the very ones seen before, RUNNING, and their APIs answer. */
async function expectSameProcesses(): Promise<void> {
  for (const [id, before] of seen) {
    expect(await processOf(id)).toEqual({ ...before, state: 'RUNNING' });
  }
  const running = (await (await env.botApi(bots.running, '/show_config')).json()) as {
    state: string;
    max_open_trades: number;
  };
  expect(running).toMatchObject({ state: 'running', max_open_trades: 1 });
  const paused = (await (await env.botApi(bots.paused, '/show_config')).json()) as {
    max_open_trades: number;
  };
  expect(paused.max_open_trades).toBe(0);
}

/** Through this orchestrator's API: each bot as desired, with no reason pending. */
async function expectAdopted(admin: Browser): Promise<void> {
  const deadline = Date.now() + 45_000;
  let list: Array<{ id: number; state: string; desiredState: string; stateReason: string | null }> =
    [];
  while (Date.now() < deadline) {
    list = (await admin.get('/api/bots')).body;
    if (list.every((b) => b.state === b.desiredState && b.stateReason === null)) break;
    await sleep(250);
  }
  expect(
    list.map(({ id, state, desiredState, stateReason }) => ({
      id,
      state,
      desiredState,
      stateReason,
    })),
  ).toEqual([
    { id: bots.running, state: 'RUNNING', desiredState: 'RUNNING', stateReason: null },
    { id: bots.paused, state: 'PAUSED', desiredState: 'PAUSED', stateReason: null },
  ]);
}

async function lifecycleActions(admin: Browser): Promise<string[]> {
  const items = (await admin.get('/api/audit?limit=500')).body.items as Array<{ action: string }>;
  return items.map((item) => item.action).filter((action) => action.startsWith('bot-'));
}

describe('bots while the orchestrator is down', () => {
  it('when the orchestrator closes, then a running and a paused bot keep their processes', async () => {
    for (const key of ['running', 'paused'] as const) {
      const reply = await env.admin.post('/api/bots', paperBot({ name: `Outlives ${key}` }));
      expect(reply.status, reply.text).toBe(201);
      bots[key] = reply.body.id;
      expect((await env.admin.post(`/api/bots/${bots[key]}/start`, {})).status).toBe(200);
    }
    await env.waitForBot(bots.running, (b) => b.state === 'RUNNING' && b.stateReason === null);
    await env.waitForBot(bots.paused, (b) => b.state === 'RUNNING' && b.stateReason === null);
    expect((await env.admin.post(`/api/bots/${bots.paused}/pause`, {})).status).toBe(200);
    await env.waitForBot(bots.paused, (b) => b.state === 'PAUSED' && b.stateReason === null);
    for (const id of [bots.running, bots.paused]) {
      const { pid, startedAt } = await processOf(id);
      seen.set(id, { pid, startedAt });
    }

    actionsBefore = await lifecycleActions(env.admin);

    await env.app.close();
    await sleep(3000); // several reconcile intervals: nobody is watching now

    await expectSameProcesses();
  });

  it('when it starts again, then it adopts both as they run: same processes, states as desired, no action taken', async () => {
    await env.restartApp();

    await expectAdopted(env.admin);

    await sleep(3000);
    await expectSameProcesses();
    expect(await lifecycleActions(env.admin)).toEqual(actionsBefore);
  }, 90_000);

  it('when a separately running orchestrator is killed with SIGKILL, then the bots keep running, and the next one adopts them without restarting', async () => {
    await env.app.close();
    spawned = spawnMain({
      ...env.vars,
      SPOTDESK_DATA_DIR: env.dataDir,
      SPOTDESK_PORT: '0',
      SPOTDESK_FRONTEND_DIR: path.join(env.dataDir, 'no-frontend'),
    });
    const admin = await signIn(await spawned.listening(60_000), 'ana', ADMIN_PASSWORD);
    await expectAdopted(admin);
    await expectSameProcesses();

    spawned.child.kill('SIGKILL');
    expect(await spawned.exited()).toEqual({ code: null, signal: 'SIGKILL' });
    // It had no chance to clean up: its launcher socket is still there.
    expect(existsSync(path.join(env.dataDir, 'run', 'orchestrator.sock'))).toBe(true);
    await sleep(3000);
    await expectSameProcesses();

    await env.restartApp();

    await expectAdopted(env.admin);
    await sleep(3000);
    await expectSameProcesses();
    expect(await lifecycleActions(env.admin)).toEqual(actionsBefore);
  }, 150_000);
});
