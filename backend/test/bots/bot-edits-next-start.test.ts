// What a bot's next start picks up (issue #4): settings saved "for next start" on a running bot,
// and a user strategy file fixed after the bot failed on it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';
import { botSteps } from '../helpers/bot-steps.js';

let env: BotEnv;
beforeAll(async () => {
  env = await startBotEnv();
}, 60_000);
afterAll(async () => env?.cleanup(), 60_000);

const { botDir, configText, configOf, create, put, showConfig, history, startAndWait } = botSteps(
  () => env,
);

describe('PUT /api/bots/:id with apply "next-start"', () => {
  it('when a running bot is saved "for next start", then it keeps running its config until it is started again', async () => {
    const settings = paperBot({ name: 'Next start' });
    const id = await create(settings);
    await startAndWait(id);
    const before = configText(id);
    const pid = await env.pid(id);

    const reply = await put(id, { ...settings, stakeAmount: 10, apply: 'next-start' });

    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ pendingRestart: true, desiredState: 'RUNNING' });
    expect(configText(id)).toBe(before);
    expect(await env.pid(id)).toBe(pid);
    expect((await showConfig(id)).stake_amount).toBe('20');
    expect((await history(id)).pendingRestart).toBe(true);

    expect((await env.admin.post(`/api/bots/${id}/stop`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'STOPPED');
    await startAndWait(id);

    expect(configOf(id).stake_amount).toBe(10);
    expect((await showConfig(id)).stake_amount).toBe('10');
    const after = await history(id);
    expect(after.pendingRestart).toBe(false);
    expect(after.versions[0]!.changes).toContainEqual({
      path: 'stake_amount',
      before: 20,
      after: 10,
    });
    expect((await env.admin.get(`/api/bots/${id}`)).body.pendingRestart).toBe(false);
  }, 120_000);
});

describe('a user strategy fixed after the bot failed on it', () => {
  it('when the file is fixed and the bot retried, then it runs the fixed file', async () => {
    const dir = path.join(env.dataDir, 'strategies');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'fixable.py');
    const source = (marker: string) =>
      [
        `# sim-behaviour: ${marker}`,
        'from freqtrade.strategy import IStrategy',
        '',
        '',
        'class FixableStrategy(IStrategy):',
        '    timeframe = "5m"',
        '    stoploss = -0.1',
        '    minimal_roi = {"0": 0.1}',
        '',
      ].join('\n');
    writeFileSync(file, source('no-such-behaviour'));
    const id = await create(paperBot({ name: 'Fixed later', strategy: 'FixableStrategy' }));
    expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.errorReason === 'crash-looping', 60_000);

    writeFileSync(file, source('never-enter'));
    const retried = await env.admin.post(`/api/bots/${id}/retry`, {});

    expect(retried.status, retried.text).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'RUNNING' && b.stateReason === null, 60_000);
    expect(
      readFileSync(path.join(botDir(id), 'user_data', 'strategies', 'fixable.py'), 'utf8'),
    ).toBe(source('never-enter'));
  }, 120_000);
});
