// Editing a bot (issue #4 "Edit when stopped, or on a running bot save and restart vs save for
// next start"): what reaches config.json, the running process and the config history.
import { readFileSync } from 'node:fs';
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

describe('PUT /api/bots/:id', () => {
  it('when a stopped bot is edited, then config.json is regenerated and the history gains a version with its diff', async () => {
    const settings = paperBot({ name: 'Edited while stopped' });
    const id = await create(settings);
    const secret = configOf(id).api_server.password;

    const reply = await put(id, { ...settings, stakeAmount: 25, maxExposure: 50, timeframe: '5m' });

    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ stakeAmount: 25, configVersion: 2, pendingRestart: false });
    expect(configOf(id)).toMatchObject({ stake_amount: 25, timeframe: '5m' });
    expect(configOf(id).api_server.password).toBe(secret);
    expect(
      JSON.parse(readFileSync(path.join(botDir(id), 'config.previous.json'), 'utf8')),
    ).toMatchObject({
      stake_amount: 20,
      timeframe: '1m',
    });
    const { current, versions } = await history(id);
    expect(current.stake_amount).toBe(25);
    expect(current.api_server.password).toBe('[redacted]');
    expect(versions.map((v) => [v.version, v.reason])).toEqual([
      [2, 'edited'],
      [1, 'created'],
    ]);
    expect(versions[0]!.changes).toEqual(
      expect.arrayContaining([
        { path: 'stake_amount', before: 20, after: 25 },
        { path: 'timeframe', before: '1m', after: '5m' },
        { path: 'available_capital', before: 20, after: 50 },
      ]),
    );
    expect(JSON.stringify(await history(id))).not.toContain(secret);
  });

  it('when saved again with the same settings, then no version is added', async () => {
    const settings = paperBot({ name: 'Saved twice' });
    const id = await create(settings);
    const before = configText(id);

    const reply = await put(id, settings);

    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.configVersion).toBe(1);
    expect((await history(id)).versions).toHaveLength(1);
    expect(configText(id)).toBe(before);
  });

  it('when a running bot is saved with apply "restart", then its process restarts on the new config', async () => {
    const settings = paperBot({ name: 'Save and restart' });
    const id = await create(settings);
    await startAndWait(id);
    const pid = await env.pid(id);

    const reply = await put(id, { ...settings, stakeAmount: 15, apply: 'restart' });

    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ pendingRestart: false, desiredState: 'RUNNING' });
    expect(configOf(id).stake_amount).toBe(15);
    await env.waitForBot(id, (b) => b.state === 'RUNNING' && b.stateReason === null);
    const restarted = await env.pid(id);
    expect(restarted).not.toBe(0);
    expect(restarted).not.toBe(pid);
    expect(await showConfig(id)).toMatchObject({ stake_amount: '15', state: 'running' });
    const { versions } = await history(id);
    expect(versions[0]).toMatchObject({ version: 2, reason: 'edited, restarted' });
    expect(versions[0]!.changes).toContainEqual({ path: 'stake_amount', before: 20, after: 15 });
  }, 120_000);

  it('when a paused bot is saved with apply "restart", then it comes back paused with the new config', async () => {
    const settings = paperBot({ name: 'Paused edit' });
    const id = await create(settings);
    await startAndWait(id);
    expect((await env.admin.post(`/api/bots/${id}/pause`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'PAUSED' && b.stateReason === null);
    const pid = await env.pid(id);

    const reply = await put(id, { ...settings, stakeAmount: 12, apply: 'restart' });

    expect(reply.status, reply.text).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'PAUSED' && b.stateReason === null);
    expect(await env.pid(id)).not.toBe(pid);
    expect(await showConfig(id)).toMatchObject({ stake_amount: '12', max_open_trades: 0 });
  }, 120_000);
});
