// Bots that cannot start as configured (issue #4 "Bad input"): a port taken before the bot is
// created, and a strategy file that exists but that Freqtrade (sim/freqtrade) refuses to load.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

let env: BotEnv;
const squatters: Server[] = [];
beforeAll(async () => {
  env = await startBotEnv();
}, 60_000);
afterAll(async () => {
  for (const server of squatters) server.close();
  await env?.cleanup();
}, 60_000);

/** Something else listening on a loopback port, as another program would. */
async function squat(port: number): Promise<void> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  squatters.push(server);
}

describe('a bot whose port is taken', () => {
  it('when another program listens on the next free bot port, then the new bot gets another port and runs', async () => {
    const first = Number(env.vars.SPOTDESK_BOT_PORTS!.split('-')[0]);
    expect((await env.admin.get('/api/bots')).body).toEqual([]);
    await squat(first);

    const reply = await env.admin.post('/api/bots', paperBot({ name: 'Port dodger' }));

    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.apiPort).toBe(first + 1);
    const id = reply.body.id as number;
    expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'RUNNING' && b.stateReason === null);
    const config = JSON.parse(
      readFileSync(path.join(env.dataDir, 'bots', String(id), 'config.json'), 'utf8'),
    ) as { api_server: { listen_port: number } };
    expect(config.api_server.listen_port).toBe(first + 1);
    expect((await env.botApi(id, '/show_config')).status).toBe(200);
  }, 90_000);
});

describe('a strategy that Freqtrade refuses', () => {
  it('when its file exists but the bot refuses to load it, then the bot shows ERROR crash-looping with the refusal, and stays down until asked', async () => {
    const dir = path.join(env.dataDir, 'strategies');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'refused_by_sim.py'),
      [
        '# Loads in the catalog; sim/freqtrade refuses it: the marker names no behaviour it knows.',
        '# sim-behaviour: no-such-behaviour',
        'from freqtrade.strategy import IStrategy',
        '',
        '',
        'class RefusedBySimStrategy(IStrategy):',
        '    timeframe = "5m"',
        '    stoploss = -0.1',
        '    minimal_roi = {"0": 0.1}',
        '',
      ].join('\n'),
    );
    const created = await env.admin.post(
      '/api/bots',
      paperBot({ name: 'Refused strategy', strategy: 'RefusedBySimStrategy' }),
    );
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as number;

    expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);

    const failed = await env.waitForBot(id, (b) => b.state === 'ERROR', 60_000);
    expect(failed).toMatchObject({ desiredState: 'RUNNING', errorReason: 'crash-looping' });
    expect(failed.stateReason).toMatch(/^the process kept exiting right after starting/);
    expect(failed.stateReason).toContain('Unknown sim-behaviour "no-such-behaviour"');
    expect(await env.processState(id)).toBe('FATAL');
    await sleep(3000); // the reconciler does not start a crash-looping bot again by itself
    expect(await env.processState(id)).toBe('FATAL');
    expect((await env.admin.get(`/api/bots/${id}`)).body).toMatchObject({
      state: 'ERROR',
      errorReason: 'crash-looping',
    });

    const stopped = await env.admin.post(`/api/bots/${id}/stop`, {});
    expect(stopped.status, stopped.text).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'STOPPED');
    expect((await env.admin.get(`/api/bots/${id}`)).body).toMatchObject({
      desiredState: 'STOPPED',
      errorReason: null,
    });
  }, 120_000);
});

describe('a config that Freqtrade refuses', () => {
  it('when the strategy gives no minimal_roi and the bot none either, then the bot shows ERROR config-refused naming the key', async () => {
    const dir = path.join(env.dataDir, 'strategies');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'no_roi.py'),
      [
        '# A strategy without minimal_roi: Freqtrade then needs it from the config, which has none.',
        '# sim-behaviour: never-enter',
        'from freqtrade.strategy import IStrategy',
        '',
        '',
        'class NoRoiStrategy(IStrategy):',
        '    timeframe = "5m"',
        '    stoploss = -0.1',
        '',
      ].join('\n'),
    );
    const created = await env.admin.post(
      '/api/bots',
      paperBot({ name: 'No ROI', strategy: 'NoRoiStrategy' }),
    );
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as number;

    expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);

    const failed = await env.waitForBot(id, (b) => b.state === 'ERROR', 60_000);
    expect(failed).toMatchObject({ desiredState: 'RUNNING', errorReason: 'config-refused' });
    expect(failed.stateReason).toContain("'minimal_roi' is a required property");
  }, 120_000);
});
