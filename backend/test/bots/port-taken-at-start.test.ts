// A bot whose API port is taken by another program after the bot was created (issue #4 "Bad
// input: a port collision"): starting it must end either RUNNING on another port or in ERROR
// with a reason that names the taken port, never in a bot that runs without a reachable API.
// Runs a real orchestrator process (its own clock), so the unreachable window is real time.
import { createServer, type Server } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';
import { ADMIN_PASSWORD, signIn, type Browser } from '../helpers/http-client.js';
import { spawnMain, type MainProcess } from '../helpers/spawn-main.js';

const UNREACHABLE_SECONDS = 5;

let env: BotEnv;
let main: MainProcess | undefined;
let admin: Browser;
let squatter: Server | undefined;
beforeAll(async () => {
  env = await startBotEnv();
  await env.app.close();
  main = spawnMain({
    ...env.vars,
    SPOTDESK_DATA_DIR: env.dataDir,
    SPOTDESK_PORT: '0',
    SPOTDESK_FRONTEND_DIR: path.join(env.dataDir, 'no-frontend'),
    SPOTDESK_BOT_UNREACHABLE_SECONDS: String(UNREACHABLE_SECONDS),
  });
  admin = await signIn(await main.listening(60_000), 'ana', ADMIN_PASSWORD);
}, 90_000);
afterAll(async () => {
  squatter?.close();
  if (main && main.child.exitCode === null) {
    main.child.kill('SIGTERM');
    await main.exited();
  }
  await env?.cleanup();
}, 60_000);

describe('a bot whose port was taken after it was created', () => {
  it('when started, then it runs on another port or shows ERROR port-in-use naming the port', async () => {
    const created = await admin.post('/api/bots', paperBot({ name: 'Port stolen' }));
    expect(created.status, created.text).toBe(201);
    const { id, apiPort } = created.body as { id: number; apiPort: number };
    squatter = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter!.listen(apiPort, '127.0.0.1', () => resolve()));

    expect((await admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);

    // Three unreachable windows, and then some: long enough for any outcome to show.
    const deadline = Date.now() + (3 * UNREACHABLE_SECONDS + 20) * 1000;
    let bot: Record<string, unknown> = {};
    const settled = () =>
      (bot.state === 'RUNNING' && bot.stateReason === null && bot.apiPort !== apiPort) ||
      bot.state === 'ERROR';
    while (Date.now() < deadline && !settled()) {
      await new Promise((r) => setTimeout(r, 250));
      bot = (await admin.get(`/api/bots/${id}`)).body;
    }
    if (bot.state === 'RUNNING') {
      expect(bot.apiPort).not.toBe(apiPort);
      const again = (await admin.get(`/api/bots/${id}`)).body;
      expect(again).toMatchObject({ state: 'RUNNING', apiPort: bot.apiPort });
    } else {
      expect(bot).toMatchObject({
        state: 'ERROR',
        errorReason: 'port-in-use',
        desiredState: 'RUNNING',
        stateReason: expect.stringContaining(String(apiPort)),
      });
    }
  }, 120_000);
});
