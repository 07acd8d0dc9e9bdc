// A Freqtrade command that exits at once (issue #4 "a process that will not start"): the bot
// shows ERROR crash-looping with the exit, its desired state is kept, and nothing restarts it
// behind the trader's back.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

let env: BotEnv;
let bin: TempDir;
beforeAll(async () => {
  bin = makeTempDir('spotdesk-badcmd-');
  const script = path.join(bin.path, 'broken-freqtrade');
  writeFileSync(script, '#!/bin/sh\necho "broken-freqtrade: cannot start, args: $*"\nexit 1\n');
  chmodSync(script, 0o755);
  env = await startBotEnv({ env: { SPOTDESK_FREQTRADE_CMD: script } });
}, 60_000);
afterAll(async () => {
  await env?.cleanup();
  bin?.remove();
}, 60_000);

describe('a bot whose command exits at once', () => {
  it('when started, then it ends in ERROR crash-looping saying it kept exiting, with its last output, desired RUNNING kept', async () => {
    const created = await env.admin.post('/api/bots', paperBot({ name: 'Never starts' }));
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as number;

    const started = await env.admin.post(`/api/bots/${id}/start`, {});

    expect(started.status, started.text).toBe(200);
    const failed = await env.waitForBot(id, (b) => b.state === 'ERROR', 60_000);
    expect(failed).toMatchObject({ desiredState: 'RUNNING', errorReason: 'crash-looping' });
    // supervisord keeps no exit status for a process that exits before startsecs: the reason
    // says it kept exiting and quotes what it printed last.
    expect(failed.stateReason).toMatch(
      /^the process kept exiting right after starting \(Exited too quickly/,
    );
    expect(failed.stateReason).toContain('broken-freqtrade: cannot start, args: trade --config');
    expect(await env.processState(id)).toBe('FATAL');
    await sleep(3000); // several reconcile passes: it is not started again by itself
    expect(await env.processState(id)).toBe('FATAL');
    expect((await env.admin.get(`/api/bots/${id}`)).body).toMatchObject({
      state: 'ERROR',
      errorReason: 'crash-looping',
      desiredState: 'RUNNING',
    });
  }, 90_000);

  it('when retried, then it tries once more and ends in the same ERROR; when stopped, then it is STOPPED without an error', async () => {
    const [bot] = (await env.admin.get('/api/bots')).body as Array<{ id: number }>;
    const id = bot!.id;

    const retried = await env.admin.post(`/api/bots/${id}/retry`, {});

    expect(retried.status, retried.text).toBe(200);
    let left = false;
    for (let i = 0; i < 40 && !left; i += 1) {
      left = (await env.processState(id)) !== 'FATAL';
      if (!left) await sleep(100);
    }
    expect(left).toBe(true);
    await env.waitForBot(
      id,
      (b) => b.state === 'ERROR' && b.errorReason === 'crash-looping',
      60_000,
    );
    expect(await env.processState(id)).toBe('FATAL');

    const stopped = await env.admin.post(`/api/bots/${id}/stop`, {});

    expect(stopped.status, stopped.text).toBe(200);
    const bot2 = await env.waitForBot(id, (b) => b.state === 'STOPPED');
    expect(bot2).toMatchObject({ desiredState: 'STOPPED', errorReason: null, stateReason: null });
  }, 90_000);
});
