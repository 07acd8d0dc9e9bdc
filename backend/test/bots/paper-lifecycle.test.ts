import { readFileSync, statSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

let env: BotEnv;
beforeAll(async () => {
  env = await startBotEnv();
}, 60_000);
afterAll(async () => env?.cleanup(), 60_000);

const botDir = (id: number) => path.join(env.dataDir, 'bots', String(id));

describe('a Paper bot from creation to deletion', () => {
  let id: number;

  it('when created, then its files are written (config 0600, no exchange key) and supervisord knows its stopped program', async () => {
    const reply = await env.admin.post(
      '/api/bots',
      paperBot({ name: 'Paper "one" %(x)s ]', strategy: 'AlwaysEnterStrategy' }),
    );
    expect(reply.status, reply.text).toBe(201);
    id = reply.body.id;
    expect(reply.body).toMatchObject({
      state: 'CREATED',
      desiredState: 'CREATED',
      mode: 'SIMULATED',
    });

    const config = JSON.parse(readFileSync(path.join(botDir(id), 'config.json'), 'utf8'));
    expect(statSync(path.join(botDir(id), 'config.json')).mode & 0o777).toBe(0o600);
    expect(config).toMatchObject({
      dry_run: true,
      exchange: { key: '', secret: '' },
      bot_name: 'Paper "one" %(x)s ]',
    });
    expect(config.api_server.password).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(config.api_server.jwt_secret_key).not.toBe('super-secret');
    const program = readFileSync(path.join(botDir(id), 'supervisord.conf'), 'utf8');
    expect(program).toContain(`[program:bot-${id}]`);
    expect(program).toContain('autostart=false');
    expect(program).not.toContain('Paper');
    expect(program).toContain('--dry-run');
    expect(await env.processState(id)).toBe('STOPPED');
  });

  it('when started, then it reaches RUNNING and its process environment holds only allow-listed names', async () => {
    const reply = await env.admin.post(`/api/bots/${id}/start`, {});
    expect(reply.status, reply.text).toBe(200);

    await env.waitForBot(id, (b) => b.state === 'RUNNING');
    const pid = await env.pid(id);
    const names = readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((pair) => pair.split('=')[0]);
    expect(names.sort()).toEqual(['HOME', 'LANG', 'PATH', 'PYTHONUNBUFFERED', 'TZ']);
    expect(readFileSync(path.join(botDir(id), 'supervisord.conf'), 'utf8')).toContain(
      'autostart=true',
    );
    const ready = (await (await fetch(`${env.app.baseUrl}/ready`)).json()) as {
      status: string;
      checks: Array<{ name: string; ok: boolean; reason?: string }>;
    };
    expect(ready.status).toBe('ready');
    expect(ready.checks).toContainEqual({ name: `bot:${id}`, ok: true, reason: 'RUNNING' });
  });

  it('when paused and its process is killed, then supervisord brings it back paused and it opens no trade', async () => {
    // AlwaysEnter opens a trade at once: pause (no new entries), then close the one it holds.
    await env.waitForBot(id, (b) => (b.openTrades ?? 0) > 0);
    expect((await env.admin.post(`/api/bots/${id}/pause`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'PAUSED');
    const exit = await env.botApi(id, '/forceexit', {
      method: 'POST',
      body: JSON.stringify({ tradeid: 'all', ordertype: 'market' }),
    });
    expect(exit.status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'PAUSED' && b.openTrades === 0);
    expect(JSON.parse(readFileSync(path.join(botDir(id), 'state.json'), 'utf8'))).toEqual({
      max_open_trades: 0,
    });
    const before = await env.pid(id);

    process.kill(before, 'SIGKILL');
    for (let i = 0; i < 80 && ((await env.pid(id)) === before || (await env.pid(id)) === 0); i += 1)
      await sleep(250);
    expect(await env.pid(id)).not.toBe(before);
    await env.waitForBot(id, (b) => b.state === 'PAUSED' && b.openTrades === 0);
    await sleep(6000); // more than a loop of the bot: it would have entered by now
    const status = await (await env.botApi(id, '/status')).json();
    expect(status).toEqual([]);
  }, 90_000);

  it('when resumed, then it trades again; stopping with an open trade asks what to do with it', async () => {
    expect((await env.admin.post(`/api/bots/${id}/resume`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'RUNNING' && (b.openTrades ?? 0) > 0);

    const asked = await env.admin.post(`/api/bots/${id}/stop`, {});
    expect(asked.status).toBe(409);
    expect(asked.body.error).toMatchObject({ code: 'bot-has-open-trades', details: { count: 1 } });

    const left = await env.admin.post(`/api/bots/${id}/stop`, { openTrades: 'leave' });
    expect(left.status, left.text).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'STOPPED');
    expect(await env.processState(id)).not.toBe('RUNNING');
  }, 90_000);

  it('when it holds an open paper trade, then switching it to Live is refused and no order reaches the exchange', async () => {
    const orders = () => env.exchange.control.requestLog({ path: '/api/v3/order' }).length;
    const before = orders();

    const reply = await env.admin.post(`/api/bots/${id}/mode`, {
      mode: 'REAL_MARKET_SPOT',
      password: 'x',
      confirmName: 'x',
    });

    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'bot-has-open-trades', details: { count: 1 } });
    expect(orders()).toBe(before);
    expect((await env.admin.get(`/api/bots/${id}`)).body.mode).toBe('SIMULATED');
  });

  it('when deleted while stopped, then its databases are archived and supervisord forgets it', async () => {
    const reply = await env.admin.delete(`/api/bots/${id}`);
    expect(reply.status, reply.text).toBe(204);

    expect((await env.admin.get(`/api/bots/${id}`)).status).toBe(404);
    expect(existsSync(botDir(id))).toBe(false);
    const archive = path.join(env.dataDir, 'backups', 'deleted-bots');
    const [folder] = readdirSync(archive).filter((f) => f.startsWith(`bot-${id}-`));
    expect(existsSync(path.join(archive, folder!, 'trades-paper.sqlite'))).toBe(true);
    expect(await env.processState(id)).toBeNull();
  });
});
