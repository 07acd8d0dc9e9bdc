// Faults of one running bot (issue #4 "Proofs"): its process killed with SIGKILL, and its
// Freqtrade API going silent or hanging for longer than SPOTDESK_BOT_UNREACHABLE_SECONDS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

const UNREACHABLE_SECONDS = 8;

let env: BotEnv;
beforeAll(async () => {
  env = await startBotEnv({
    env: { SPOTDESK_BOT_UNREACHABLE_SECONDS: String(UNREACHABLE_SECONDS) },
  });
}, 60_000);
afterAll(async () => env?.cleanup(), 60_000);

const configFile = (id: number) => path.join(env.dataDir, 'bots', String(id), 'config.json');

async function runningBot(name: string): Promise<number> {
  const created = await env.admin.post('/api/bots', paperBot({ name }));
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as number;
  expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);
  await env.waitForBot(id, (b) => b.state === 'RUNNING' && b.stateReason === null);
  return id;
}

/** The sim's own fault switch, on the bot's API port (outside /api/v1, never faulted itself). */
async function botFault(id: number, method: 'POST' | 'DELETE', body?: object): Promise<void> {
  const port = (await env.admin.get(`/api/bots/${id}`)).body.apiPort as number;
  const reply = await fetch(`http://127.0.0.1:${port}/__sim/faults`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(reply.status, await reply.text()).toBeLessThan(300);
}

/**
 * Lets the unreachable window pass for the orchestrator: a test clock is moved past it, the wall
 * clock (real bot processes live in real time) passes it while the test waits for ERROR.
 */
function passWindow(): void {
  if (Math.abs(env.app.clock.now() - Date.now()) > 60_000)
    env.app.clock.advance(UNREACHABLE_SECONDS * 1000 + 1000);
}

async function botActions(id: number): Promise<string[]> {
  const reply = await env.admin.get(`/api/audit?target=bot:${id}`);
  return (reply.body.items as Array<{ action: string }>).map((item) => item.action);
}

describe('a running bot whose process is killed', () => {
  it('when its process gets SIGKILL, then supervisord starts a new one and the bot is RUNNING again, still desired RUNNING', async () => {
    const id = await runningBot('Killed while running');
    const before = await env.pid(id);
    const actions = await botActions(id);

    process.kill(before, 'SIGKILL');

    let after = 0;
    for (let i = 0; i < 120 && (after === 0 || after === before); i += 1) {
      await sleep(250);
      after = await env.pid(id);
    }
    expect(after).not.toBe(0);
    expect(after).not.toBe(before);
    // The orchestrator sees the new process come up (supervisord holds it in STARTING for 5 s)…
    const restarting = await env.waitForBot(id, (b) => b.stateReason !== null);
    expect(restarting).toMatchObject({ desiredState: 'RUNNING', errorReason: null });
    for (let i = 0; i < 80 && (await env.processState(id)) !== 'RUNNING'; i += 1) await sleep(250);
    expect(await env.processState(id)).toBe('RUNNING');
    // …and then reports it RUNNING again, with the same new process.
    const bot = await env.waitForBot(id, (b) => b.state === 'RUNNING' && b.stateReason === null);
    expect(bot).toMatchObject({ desiredState: 'RUNNING', errorReason: null });
    expect(await env.pid(id)).toBe(after);
    const shown = (await (await env.botApi(id, '/show_config')).json()) as { state: string };
    expect(shown.state).toBe('running');
    // Nobody asked for anything: the way back was supervisord's, not a request's.
    expect(await botActions(id)).toEqual(actions);
  }, 90_000);
});

describe('a running bot whose API stops answering', () => {
  for (const mode of ['silent', 'hang'] as const) {
    it(`when its API is "${mode}" for longer than the unreachable window, then it shows ERROR api-unreachable, nothing else changes, and it is RUNNING again once the fault clears`, async () => {
      const id = await runningBot(`API ${mode}`);
      const pid = await env.pid(id);
      const config = readFileSync(configFile(id), 'utf8');
      const actions = await botActions(id);

      await botFault(id, 'POST', { mode });

      // Well within the window it is not an ERROR yet: one missed answer is no outage.
      await sleep(2000);
      expect((await env.admin.get(`/api/bots/${id}`)).body).toMatchObject({
        state: 'RUNNING',
        errorReason: null,
      });
      passWindow();
      const failed = await env.waitForBot(id, (b) => b.state === 'ERROR', 60_000);
      expect(failed).toMatchObject({ desiredState: 'RUNNING', errorReason: 'api-unreachable' });
      expect(failed.stateReason).toMatch(/^its API does not answer: /);
      expect(await env.processState(id)).toBe('RUNNING');
      expect(await env.pid(id)).toBe(pid);
      await sleep(3000); // a few more reconcile passes change nothing either
      expect(await env.pid(id)).toBe(pid);
      expect((await env.admin.get(`/api/bots/${id}`)).body).toMatchObject({
        state: 'ERROR',
        desiredState: 'RUNNING',
      });

      await botFault(id, 'DELETE');

      const back = await env.waitForBot(id, (b) => b.state === 'RUNNING', 60_000);
      expect(back).toMatchObject({ desiredState: 'RUNNING', errorReason: null, stateReason: null });
      expect(await env.pid(id)).toBe(pid);
      expect(readFileSync(configFile(id), 'utf8')).toBe(config);
      expect(await botActions(id)).toEqual(actions);
      const shown = (await (await env.botApi(id, '/show_config')).json()) as { state: string };
      expect(shown.state).toBe('running');
    }, 150_000);
  }
});
