// The emergency close-all against three real sim/freqtrade Paper bots under a real supervisord:
// each holds a trade, one of them stopped while holding it. Close-all pauses every bot for good,
// starts the stopped one paused, exits every trade at market and reports each bot; it is
// audited, a call made while one runs joins it, and a later call finds nothing open.
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signIn } from '../helpers/http-client.js';
import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

let env: BotEnv;
let ids: number[];
let stopped: number;
beforeAll(async () => {
  env = await startBotEnv();
  ids = [];
  for (const pair of ['BTC/USDT', 'ETH/USDT', 'SOL/USDT']) {
    const created = await env.admin.post('/api/bots', paperBot({ pairs: [pair] }));
    expect(created.status, created.text).toBe(201);
    ids.push(created.body.id as number);
  }
  for (const id of ids)
    expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);
  await Promise.all(ids.map((id) => env.waitForBot(id, (b) => b.state === 'RUNNING')));
  // A market entry fills at once in dry-run: each bot holds one filled trade.
  for (const id of ids) {
    const bot = (await env.admin.get(`/api/bots/${id}`)).body as { pairs: string[] };
    const entered = await env.botApi(id, '/forceenter', {
      method: 'POST',
      body: JSON.stringify({ pair: bot.pairs[0], ordertype: 'market' }),
    });
    expect(entered.status, await entered.text()).toBe(200);
  }
  await Promise.all(ids.map((id) => env.waitForBot(id, (b) => b.openTrades === 1)));
  stopped = ids[2]!;
  const stop = await env.admin.post(`/api/bots/${stopped}/stop`, { openTrades: 'leave' });
  expect(stop.status, stop.text).toBe(200);
  await env.waitForBot(stopped, (b) => b.state === 'STOPPED');
}, 120_000);
afterAll(async () => env?.cleanup(), 60_000);

interface ReportRow {
  botId: number;
  result: string;
  openBefore: number | null;
  openAfter: number | null;
  startedPaused: boolean;
  error: string | null;
}

describe('POST /api/emergency/close-all', () => {
  it('refuses a body without the typed confirmation, naming the field confirm', async () => {
    for (const body of [{}, { confirm: 'close all' }, { confirm: 'CLOSE ALL!' }]) {
      const reply = await env.admin.post('/api/emergency/close-all', body);
      expect(reply.status, reply.text).toBe(400);
      expect(reply.body.error.code).toBe('validation-failed');
      expect(reply.body.error.details.issues).toContainEqual(
        expect.objectContaining({ path: 'confirm' }),
      );
    }
    // Nothing happened: the stopped bot still holds its trade, the others still run.
    expect(env.storedTrades(stopped).open).toBe(1);
    expect((await env.admin.get(`/api/bots/${ids[0]}`)).body.desiredState).toBe('RUNNING');
  });

  it('is forbidden to a viewer', async () => {
    const added = await env.admin.post('/api/users', {
      username: 'vera',
      password: 'a long viewer passphrase',
      role: 'viewer',
    });
    expect(added.status, added.text).toBe(201);
    const viewer = await signIn(env.app.baseUrl, 'vera', 'a long viewer passphrase');
    const reply = await viewer.post('/api/emergency/close-all', { confirm: 'CLOSE ALL' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
    expect(env.storedTrades(stopped).open).toBe(1);
  });

  it('pauses every bot, starts the stopped one paused, closes every trade; a second call joins it', async () => {
    expect(env.storedTrades(stopped)).toEqual({ open: 1, closed: 0 });
    // Two operators press the button at the same moment: one run, one report.
    const [first, second] = await Promise.all([
      env.admin.post('/api/emergency/close-all', { confirm: 'CLOSE ALL', reason: 'drill' }),
      env.admin.post('/api/emergency/close-all', { confirm: 'CLOSE ALL' }),
    ]);
    expect(first.status, first.text).toBe(200);
    expect(second.status, second.text).toBe(200);
    expect(second.body).toEqual(first.body);

    const rows = first.body.bots as ReportRow[];
    expect(rows.map((r) => r.botId).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        result: 'closed',
        openBefore: 1,
        openAfter: 0,
        error: null,
        startedPaused: row.botId === stopped,
      });
    }

    for (const id of ids) {
      expect(env.storedTrades(id), `bot ${id}`).toEqual({ open: 0, closed: 1 });
      const status = await env.botApi(id, '/status');
      expect(status.status).toBe(200);
      expect(await status.json()).toEqual([]);
      const bot = await env.waitForBot(id, (b) => b.state === 'PAUSED');
      expect(bot.desiredState).toBe('PAUSED');
    }
    // The stopped bot's process runs again (paused) under supervisord (RUNNING once startsecs
    // have passed).
    const deadline = Date.now() + 15_000;
    while ((await env.processState(stopped)) !== 'RUNNING' && Date.now() < deadline) {
      await sleep(250);
    }
    expect(await env.processState(stopped)).toBe('RUNNING');
    // The mirror saw every close.
    for (const id of ids) {
      const trades = (await env.admin.get(`/api/bots/${id}/trades`)).body.trades;
      expect(trades).toEqual([expect.objectContaining({ isOpen: false })]);
    }

    const audit = (await env.admin.get('/api/audit?action=emergency-close-all')).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: 'bots', reason: 'drill' });
    expect(audit[0].after).toHaveLength(3);
    const startedPaused = (await env.admin.get('/api/audit?action=bot-start-paused')).body.items;
    expect(startedPaused).toEqual([expect.objectContaining({ target: `bot:${stopped}` })]);
  }, 90_000);

  it('is safe to call again: every bot closed with nothing open before', async () => {
    const reply = await env.admin.post('/api/emergency/close-all', { confirm: 'CLOSE ALL' });
    expect(reply.status, reply.text).toBe(200);
    const rows = reply.body.bots as ReportRow[];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({
        result: 'closed',
        openBefore: 0,
        openAfter: 0,
        startedPaused: false,
        error: null,
      });
    }
    for (const id of ids) {
      expect(env.storedTrades(id).open).toBe(0);
      expect((await env.admin.get(`/api/bots/${id}`)).body.desiredState).toBe('PAUSED');
    }
    const audit = (await env.admin.get('/api/audit?action=emergency-close-all')).body.items;
    expect(audit).toHaveLength(2);
  }, 60_000);
});
