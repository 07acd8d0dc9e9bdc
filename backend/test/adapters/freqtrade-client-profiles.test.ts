import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  createFreqtradeClient,
  type FreqtradeClient,
} from '../../src/adapters/freqtrade/client.js';
import {
  startSimBot,
  startSimExchange,
  type SimApiProfile,
  type SimBot,
  type SimExchange,
} from '../helpers/start-sims.js';

// Contract §3.4: API 2.40 has no /pause and no `paused` state (pause = /stopentry, state stays
// running, max_open_trades 0); the newer API has both. The client picks from show_config.api_version.

let exchange: SimExchange;
const bots: SimBot[] = [];
const clients: FreqtradeClient[] = [];
beforeAll(async () => {
  exchange = await startSimExchange();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(bots.splice(0).map((b) => b.stop()));
});
afterAll(async () => {
  await exchange?.stop();
});

async function start(
  profile: SimApiProfile,
  extra: Partial<Parameters<typeof startSimBot>[0]> = {},
) {
  const bot = await startSimBot({ exchange, profile, ...extra });
  bots.push(bot);
  const client = createFreqtradeClient({
    baseUrl: bot.baseUrl,
    username: bot.username,
    password: bot.password,
  });
  clients.push(client);
  return { bot, client };
}

/**
 * Requests of `method path` the bot has answered, once its access log (stderr) has been quiet
 * for 200 ms. The helper's own waitForState polls /show_config too, so tests compare counts
 * taken around the client's calls.
 */
async function countOf(bot: SimBot, method: string, path: string) {
  const count = () => bot.requests().filter((r) => r.method === method && r.path === path).length;
  for (let last = -1, now = count(); ; last = now, now = count()) {
    if (now === last) return now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('freqtrade client pause(): API 2.40', () => {
  it('when paused, then /stopentry is used, state stays running and no entry slot is left', async () => {
    const { bot, client } = await start('2.40');

    const result = await client.pause();
    const config = await client.showConfig();
    const count = await client.count();

    expect(result).toEqual({
      via: 'stopentry',
      message: 'No more entries will occur from now. Run /reload_config to reset.',
    });
    expect(config).toMatchObject({ apiVersion: 2.4, state: 'running', maxOpenTrades: 0 });
    expect(count.max).toBe(0);
    expect(await countOf(bot, 'POST', '/api/v1/stopentry')).toBe(1);
    expect(await countOf(bot, 'POST', '/api/v1/pause')).toBe(0);
  });

  it('when the config is reloaded after /stopentry, then max_open_trades is back', async () => {
    const { bot, client } = await start('2.40');
    await client.pause();

    expect(await client.reloadConfig()).toBe('Reloading config ...');
    await bot.waitForState('running');

    expect((await client.showConfig()).maxOpenTrades).toBe(3);
  });
});

describe('freqtrade client pause(): newer API', () => {
  it('when paused, then /pause is used and the state is paused; start() resumes', async () => {
    const { bot, client } = await start('newer');

    const config = await client.showConfig();
    const result = await client.pause();
    await bot.waitForState('paused');
    const paused = await client.showConfig();
    expect(await client.start()).toBe('starting trader ...');
    await bot.waitForState('running');

    expect(config.apiVersion).toBeGreaterThan(2.4);
    expect(result.via).toBe('pause');
    expect(result.message).toMatch(/^paused, no more entries/);
    expect(paused).toMatchObject({ state: 'paused', maxOpenTrades: 3 });
    expect(await countOf(bot, 'POST', '/api/v1/pause')).toBe(1);
    expect(await countOf(bot, 'POST', '/api/v1/stopentry')).toBe(0);
  });

  it('when paused twice, then the API version is read once; after a reload it is read again', async () => {
    const { bot, client } = await start('newer');
    const atStart = await countOf(bot, 'GET', '/api/v1/show_config');

    await client.pause();
    await client.pause();
    const afterTwo = await countOf(bot, 'GET', '/api/v1/show_config');
    await client.reloadConfig();
    await bot.waitForState('running');
    const afterReload = await countOf(bot, 'GET', '/api/v1/show_config');
    await client.pause();

    expect(afterTwo - atStart).toBe(1);
    expect((await countOf(bot, 'GET', '/api/v1/show_config')) - afterReload).toBe(1);
    expect(await countOf(bot, 'POST', '/api/v1/pause')).toBe(3);
  });

  it('when a newer bot is replaced by a 2.40 one on the same address, then /pause falls back to /stopentry', async () => {
    const first = await start('newer');
    expect((await first.client.showConfig()).apiVersion).toBeGreaterThan(2.4);
    await first.bot.stop();
    const credentials = {
      username: first.bot.username,
      password: first.bot.password,
      jwtSecret: first.bot.jwtSecret,
      wsToken: first.bot.wsToken,
    };
    const second = await startSimBot({
      exchange,
      profile: '2.40',
      port: first.bot.port,
      credentials,
    });
    bots.push(second);

    const result = await first.client.pause();

    expect(result.via).toBe('stopentry');
    expect(await countOf(second, 'POST', '/api/v1/pause')).toBe(1);
    expect(await countOf(second, 'POST', '/api/v1/stopentry')).toBe(1);
    expect((await first.client.showConfig()).maxOpenTrades).toBe(0);
  });

  it('when the bot was unreachable, then the next pause() reads the API version again', async () => {
    const { bot, client } = await start('newer');
    const atStart = await countOf(bot, 'GET', '/api/v1/show_config');
    await client.pause();
    await bot.setFault({ mode: 'silent', path: '^/api/v1/count$', count: 3 });
    await expect(client.count()).rejects.toMatchObject({ code: 'bot-unavailable' });

    await client.pause();

    expect((await countOf(bot, 'GET', '/api/v1/show_config')) - atStart).toBe(2);
  });
});
