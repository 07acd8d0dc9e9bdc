import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  createFreqtradeClient,
  type FreqtradeClient,
} from '../../src/adapters/freqtrade/client.js';
import { UpstreamRejectedError } from '../../src/domain/errors.js';
import {
  startSimBot,
  startSimExchange,
  type SimBot,
  type SimExchange,
  type SimRequest,
} from '../helpers/start-sims.js';

// Contract §1.3/§9.9: JWT login (Basic) → access 15 min + refresh 30 days; refresh before the
// access token expires; one re-login and retry after a 401, never more.

const MINUTE = 60_000;
let exchange: SimExchange;
let bot: SimBot;
const clients: FreqtradeClient[] = [];
let offsetMs = 0;
const now = () => Date.now() + offsetMs;
const secrets = () => [bot.password, bot.jwtSecret, bot.wsToken];

beforeAll(async () => {
  exchange = await startSimExchange();
});
afterEach(async () => {
  offsetMs = 0;
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await bot?.stop();
});
afterAll(async () => {
  await exchange?.stop();
});

async function startBot() {
  bot = await startSimBot({ exchange });
}

function clientFor(password = bot.password) {
  const client = createFreqtradeClient({
    baseUrl: bot.baseUrl,
    username: bot.username,
    password,
    now,
  });
  clients.push(client);
  return client;
}

/** The bot's access log once it has been quiet for 200 ms (it arrives through stderr). */
async function settledRequests(): Promise<SimRequest[]> {
  for (let last = -1; ; await new Promise((r) => setTimeout(r, 200))) {
    const requests = bot.requests();
    if (requests.length === last) return requests;
    last = requests.length;
  }
}

const calls = (requests: SimRequest[], path: string) =>
  requests.filter((r) => r.path === `/api/v1${path}`);

/** Writes `api_server` changes to the config file and reloads the bot so it uses them. */
async function reloadWith(apiServer: Record<string, unknown>, client: FreqtradeClient) {
  bot.writeConfig({ api_server: apiServer });
  await client.reloadConfig();
  await bot.waitForState('running');
}

function expectNoSecrets(error: unknown) {
  const text = JSON.stringify(error, Object.getOwnPropertyNames(error as object)) + String(error);
  for (const secret of secrets()) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
}

describe('freqtrade client auth', () => {
  it('when calls are made, then one login serves them all and Bearer (not Basic) is what works', async () => {
    await startBot();
    const client = clientFor();

    await Promise.all([client.whitelist(), client.count(), client.version(), client.locks()]);
    // A changed password does not stop a client that holds a token: it is not sending Basic.
    await reloadWith({ password: 'changed-on-disk' }, client);
    const config = await client.showConfig();

    const requests = await settledRequests();
    expect(config.state).toBe('running');
    expect(calls(requests, '/token/login')).toEqual([
      { method: 'POST', path: '/api/v1/token/login', status: 200 },
    ]);
    expect(calls(requests, '/token/refresh')).toEqual([]);
  });

  it('when the access token nears its 15 minutes, then it is refreshed first; after 30 days it logs in again', async () => {
    await startBot();
    const client = clientFor();
    await client.whitelist();

    offsetMs = 14.5 * MINUTE;
    await client.whitelist();
    const afterRefresh = await settledRequests();
    offsetMs = 31 * 24 * 60 * MINUTE;
    await client.whitelist();

    const requests = await settledRequests();
    expect(calls(afterRefresh, '/token/refresh')).toEqual([
      { method: 'POST', path: '/api/v1/token/refresh', status: 200 },
    ]);
    expect(calls(afterRefresh, '/token/login')).toHaveLength(1);
    expect(calls(requests, '/token/refresh')).toHaveLength(1);
    expect(calls(requests, '/token/login')).toHaveLength(2);
    expect(calls(requests, '/whitelist').map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('when the refresh token is refused, then the client logs in instead', async () => {
    await startBot();
    const client = clientFor();
    await client.whitelist();
    await reloadWith({ jwt_secret_key: 'a-new-secret-after-reload' }, client);

    offsetMs = 14.5 * MINUTE;
    const whitelist = await client.whitelist();

    const requests = await settledRequests();
    expect(whitelist.pairs).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(calls(requests, '/token/refresh').map((r) => r.status)).toEqual([401]);
    expect(calls(requests, '/token/login').map((r) => r.status)).toEqual([200, 200]);
  });

  it('when a token stops being accepted, then one re-login and one retry make the call succeed', async () => {
    await startBot();
    const client = clientFor();
    await client.whitelist();
    await reloadWith({ jwt_secret_key: 'a-new-secret-after-reload' }, client);
    const mark = (await settledRequests()).length;

    const whitelist = await client.whitelist();

    const after = (await settledRequests()).slice(mark);
    expect(whitelist.pairs).toHaveLength(2);
    expect(after).toEqual([
      { method: 'GET', path: '/api/v1/whitelist', status: 401 },
      { method: 'POST', path: '/api/v1/token/login', status: 200 },
      { method: 'GET', path: '/api/v1/whitelist', status: 200 },
    ]);
  });

  it('when the re-login is refused too, then bot-auth-failed after exactly one retry', async () => {
    await startBot();
    const client = clientFor();
    await client.whitelist();
    await reloadWith({ jwt_secret_key: 'another-secret', password: 'rotated-password' }, client);
    const mark = (await settledRequests()).length;

    const error = await client.whitelist().catch((e: unknown) => e);

    const after = (await settledRequests()).slice(mark);
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({
      code: 'bot-auth-failed',
      details: {
        upstreamMessage: 'Incorrect username or password',
        path: '/api/v1/token/login',
        status: 401,
      },
    });
    expect(after).toEqual([
      { method: 'GET', path: '/api/v1/whitelist', status: 401 },
      { method: 'POST', path: '/api/v1/token/login', status: 401 },
    ]);
    expectNoSecrets(error);
  });

  it('when the password is wrong from the start, then one login attempt and bot-auth-failed; /ping needs none', async () => {
    await startBot();
    const client = clientFor('not-the-password');
    const mark = (await settledRequests()).length;

    const error = await client.showConfig().catch((e: unknown) => e);
    await client.ping();

    const after = (await settledRequests()).slice(mark);
    expect(error).toMatchObject({ code: 'bot-auth-failed', httpStatus: 502 });
    expect(String((error as Error).message)).not.toContain('not-the-password');
    expect(after).toEqual([
      { method: 'POST', path: '/api/v1/token/login', status: 401 },
      { method: 'GET', path: '/api/v1/ping', status: 200 },
    ]);
    expectNoSecrets(error);
  });
});
