// The whole Live path against sim/exchange: the key check, both gates, re-authentication, the
// launcher that keeps the key out of every file and environment, real orders with the key, and
// the daily loss limit that pauses a bot for good until it is re-armed.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN_PASSWORD } from '../helpers/http-client.js';
import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

const KEY = { apiKey: 'LiveKey0123456789abcdefGHIJ', secret: 'LiveSecret0123456789abcdefKLMN' };
const WITHDRAW_KEY = {
  apiKey: 'DrainKey0123456789abcdefXYZ',
  secret: 'DrainSecret0123456789abcdefUV',
};

let env: BotEnv;
let id: number;

beforeAll(async () => {
  env = await startBotEnv({ env: { SPOTDESK_LIVE_TRADING: 'enabled' } });
  env.exchange.control.createKey({ ...KEY, balances: { USDT: '1000' } });
  env.exchange.control.createKey({ ...WITHDRAW_KEY, balances: { USDT: '5' } });
  env.exchange.control.setKeyRights(WITHDRAW_KEY.apiKey, { enableWithdrawals: true });
}, 60_000);
afterAll(async () => env?.cleanup(), 60_000);

/** Every file under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile() && readFileSync(file).includes(needle));
}

describe('the Binance key in Settings', () => {
  it('when the key may withdraw, then it is refused naming the Binance switch, and nothing is stored', async () => {
    const reply = await env.admin.request('PUT', '/api/settings/exchange', { body: WITHDRAW_KEY });

    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toMatch(/Enable Withdrawals/);
    expect((await env.admin.get('/api/settings/exchange')).body).toEqual({ key: null });
  });

  it('when the key is good, then its rights and balances show, never the key, and no IP restriction is warned', async () => {
    const reply = await env.admin.request('PUT', '/api/settings/exchange', { body: KEY });

    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.key).toMatchObject({
      hint: 'GHIJ',
      canTrade: true,
      canWithdraw: false,
      ipRestricted: false,
      warnings: ['no-ip-restriction'],
    });
    expect(reply.body.balances).toContainEqual({ asset: 'USDT', free: 1000, locked: 0 });
    const shown = JSON.stringify((await env.admin.get('/api/settings/exchange')).body);
    expect(shown).not.toContain(KEY.apiKey);
    expect(shown).not.toContain(KEY.secret);
    expect(env.app.logText()).not.toContain(KEY.secret);
    expect(env.app.logText()).not.toContain(KEY.apiKey);
  });
});

describe('a bot going Live', () => {
  it('when the Live switch is off, then switching a bot to Live is refused', async () => {
    const created = await env.admin.post(
      '/api/bots',
      paperBot({
        name: 'Live one',
        strategy: 'AlwaysEnterStrategy',
        dailyLossLimit: 0.1,
        stoploss: -0.01,
      }),
    );
    expect(created.status, created.text).toBe(201);
    id = created.body.id;

    const reply = await env.admin.post(`/api/bots/${id}/mode`, {
      mode: 'REAL_MARKET_SPOT',
      password: ADMIN_PASSWORD,
      confirmName: 'Live one',
    });

    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('live-switch-off');
  });

  it('when the switch is turned on, it takes the password; then the mode change takes the password and the typed name', async () => {
    const wrongSwitch = await env.admin.request('PUT', '/api/settings/live', {
      body: { enabled: true, password: 'not the password' },
    });
    expect(wrongSwitch.status).toBe(403);
    const on = await env.admin.request('PUT', '/api/settings/live', {
      body: { enabled: true, password: ADMIN_PASSWORD },
    });
    expect(on.body).toMatchObject({ environment: true, masterSwitch: true });

    const wrongPassword = await env.admin.post(`/api/bots/${id}/mode`, {
      mode: 'REAL_MARKET_SPOT',
      password: 'nope',
      confirmName: 'Live one',
    });
    const wrongName = await env.admin.post(`/api/bots/${id}/mode`, {
      mode: 'REAL_MARKET_SPOT',
      password: ADMIN_PASSWORD,
      confirmName: 'live one',
    });
    const done = await env.admin.post(`/api/bots/${id}/mode`, {
      mode: 'REAL_MARKET_SPOT',
      password: ADMIN_PASSWORD,
      confirmName: 'Live one',
    });

    expect(wrongPassword.body.error.code).toBe('reauth-failed');
    expect(wrongName.body.error.code).toBe('confirmation-mismatch');
    expect(done.status, done.text).toBe(200);
    expect(done.body.mode).toBe('REAL_MARKET_SPOT');
    const dir = path.join(env.dataDir, 'bots', String(id));
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      dry_run: false,
      available_capital: 20,
      order_types: { stoploss_on_exchange: true },
    });
    expect(config.db_url).toMatch(/trades-live\.sqlite$/);
    const program = readFileSync(path.join(dir, 'supervisord.conf'), 'utf8');
    expect(program).toContain('bot-launcher.js');
    expect(program).not.toContain('--dry-run');
    const audit = (await env.admin.get('/api/audit?action=bot-mode')).body.items;
    expect(audit[0]).toMatchObject({ action: 'bot-mode', target: `bot:${id}` });
  });

  it('when started Live with the confirmation, then it trades on the exchange with the key, which is in no file and no environment', async () => {
    const unconfirmed = await env.admin.post(`/api/bots/${id}/start`, {});
    expect(unconfirmed.body.error.code).toBe('reauth-failed');

    const started = await env.admin.post(`/api/bots/${id}/start`, {
      password: ADMIN_PASSWORD,
      confirmName: 'Live one',
    });
    expect(started.status, started.text).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'RUNNING' && (b.openTrades ?? 0) > 0, 60_000);

    // The bot view can show the Paper trade of the process before the switch for a moment, so
    // wait for what proves it: the Live process's order at the exchange.
    const liveOrders = () =>
      env.exchange.control.requestLog({ path: '/api/v3/order' }).filter((r) => r.method === 'POST');
    for (let waited = 0; liveOrders().length === 0 && waited < 30_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const orders = liveOrders();
    expect(orders.length).toBeGreaterThan(0);
    expect(orders[0]!.apiKey).toBe(`${KEY.apiKey.slice(0, 4)}…`);
    const launcher = await env.pid(id);
    const freqtrade = Number(
      execFileSync('pgrep', ['-P', String(launcher)], { encoding: 'utf8' }).trim(),
    );
    for (const pid of [launcher, freqtrade]) {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      const names = environ
        .split('\0')
        .filter(Boolean)
        .map((p) => p.split('=')[0])
        .sort();
      expect(names).toEqual(['HOME', 'LANG', 'PATH', 'PYTHONUNBUFFERED', 'TZ']);
      expect(environ + readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(KEY.secret);
    }
    expect(filesContaining(env.dataDir, KEY.secret)).toEqual([]);
    expect(filesContaining(env.dataDir, KEY.apiKey)).toEqual([]);
  }, 90_000);

  it('when it loses more than its daily limit, then it is paused, stays paused across a restart, and resumes only after a re-arm', async () => {
    // A slow slide (about 0.1 % a second) through the stop: the stop-limit on the exchange fills,
    // and each new entry is stopped out again until the day's losses pass the limit.
    const start = Number(env.exchange.control.getPrice('BTCUSDT'));
    env.exchange.control.scriptPrice('BTCUSDT', [
      { afterMs: 0, price: String(start) },
      { afterMs: 90_000, price: String(start * 0.9) },
    ]);

    const tripped = await env.waitForBot(id, (b) => b.lossLimitTripped !== null, 90_000);
    expect(tripped.desiredState).toBe('PAUSED');
    expect((tripped.lossLimitTripped as { reason: string }).reason).toMatch(
      /over the daily loss limit of 0.1/,
    );
    await env.waitForBot(id, (b) => b.state === 'PAUSED');
    const refused = await env.admin.post(`/api/bots/${id}/resume`, {});
    expect(refused.body.error.code).toBe('loss-limit-tripped');

    await env.app.close();
    await env.restartApp();
    const after = await env.waitForBot(id, (b) => b.state === 'PAUSED');
    expect(after.lossLimitTripped).not.toBeNull();

    const rearmed = await env.admin.post(`/api/bots/${id}/rearm`, {
      reason: 'reviewed the losses',
    });
    expect(rearmed.status, rearmed.text).toBe(200);
    expect(rearmed.body.lossLimitTripped).toBeNull();
    expect(rearmed.body.desiredState).toBe('PAUSED');
    const audit = (await env.admin.get('/api/audit?action=bot-rearm')).body.items;
    expect(audit[0]).toMatchObject({ reason: 'reviewed the losses' });
  }, 180_000);
});
