import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createFreqtradeClient,
  type FreqtradeClient,
} from '../../src/adapters/freqtrade/client.js';
import { UpstreamRejectedError, UpstreamUnavailableError } from '../../src/domain/errors.js';
import {
  startSimBot,
  startSimExchange,
  type SimBot,
  type SimExchange,
} from '../helpers/start-sims.js';

// sim/freqtrade's fault injection (latency, error500, garbage, hang, silent), a killed bot and
// the reload_config window, each as the error a caller gets.

let exchange: SimExchange;
let bot: SimBot;
let client: FreqtradeClient;
const extraClients: FreqtradeClient[] = [];
beforeAll(async () => {
  exchange = await startSimExchange();
  bot = await startSimBot({ exchange });
  client = clientWith({ timeoutMs: 400 });
});
afterAll(async () => {
  await Promise.all([client, ...extraClients].map((c) => c?.close()));
  await bot?.stop();
  await exchange?.stop();
});

function clientWith(options: { timeoutMs?: number; getRetryDelaysMs?: number[] }) {
  const made = createFreqtradeClient({
    baseUrl: bot.baseUrl,
    username: bot.username,
    password: bot.password,
    ...options,
  });
  extraClients.push(made);
  return made;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('freqtrade client under injected faults', () => {
  it('when the bot answers later than the timeout, then bot-timeout, in about the timeout', async () => {
    await client.whitelist();
    await bot.setFault({
      mode: 'latency',
      path: '^/api/v1/whitelist$',
      latency_ms: 2000,
      count: 1,
    });
    const started = Date.now();

    const error = await failure(client.whitelist());

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ code: 'bot-timeout', httpStatus: 503 });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('when the bot never answers, then bot-timeout and no retry', async () => {
    await bot.setFault({ mode: 'hang', path: '^/api/v1/count$', count: 2 });

    const error = await failure(client.count());
    await bot.clearFault();

    expect(error).toMatchObject({ code: 'bot-timeout' });
    // The second hang was not used up: a timeout is not retried.
    expect((await client.count()).max).toBe(3);
  });

  it('when the bot answers 500 text/plain, then bot-rejected with that text', async () => {
    await bot.setFault({ mode: 'error500', path: '^/api/v1/balance$', count: 1 });

    const error = await failure(client.balance());

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({
      code: 'bot-rejected',
      details: { upstreamMessage: 'Internal Server Error', path: '/api/v1/balance', status: 500 },
    });
  });

  it('when the body is truncated JSON, then bot-bad-response saying so', async () => {
    await bot.setFault({ mode: 'garbage', path: '^/api/v1/show_config$', count: 1 });

    const error = await failure(client.showConfig());

    expect(error).toMatchObject({
      code: 'bot-bad-response',
      details: { upstreamMessage: 'field (body): not valid JSON', path: '/api/v1/show_config' },
    });
  });

  it('when a connection is dropped once, then a GET is retried and succeeds; a POST is not', async () => {
    await bot.setFault({ mode: 'silent', path: '^/api/v1/whitelist$', count: 1 });
    const whitelist = await client.whitelist();
    await bot.setFault({ mode: 'silent', path: '^/api/v1/stopentry$', count: 1 });

    const error = await failure(client.stopEntry());

    expect(whitelist.pairs).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(error).toMatchObject({ code: 'bot-unavailable' });
    // The dropped POST never reached the handler, and it was not sent again.
    expect((await client.showConfig()).maxOpenTrades).toBe(3);
  });

  it('when every connection is dropped, then bot-unavailable after the bounded retries', async () => {
    await bot.setFault({ mode: 'silent', path: '^/api/v1/locks$' });
    const started = Date.now();

    const error = await failure(client.locks());
    await bot.clearFault();

    expect(error).toMatchObject({ code: 'bot-unavailable', httpStatus: 503 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // 250 + 750 ms between tries
    expect(await client.locks()).toEqual([]);
  });
});

describe('freqtrade client during a reload_config window', () => {
  it('when the API restarts, then calls fail only as bot-unavailable and then see the reloaded bot', async () => {
    const raw = clientWith({ getRetryDelaysMs: [] });
    bot.writeConfig({ bot_name: 'reloaded-bot' });
    const codes = new Set<string>();

    await raw.reloadConfig();
    let config = await raw.showConfig();
    const deadline = Date.now() + 15_000;
    while (config.botName !== 'reloaded-bot' || config.state !== 'running') {
      if (Date.now() > deadline) throw new Error(`still ${config.botName}/${config.state}`);
      await new Promise((r) => setTimeout(r, 10));
      config = await raw.showConfig().catch((e: UpstreamUnavailableError) => {
        codes.add(e.code);
        return config;
      });
    }

    // Whatever the poll met while the port was closed was bot-unavailable and nothing else (on a
    // busy machine the 10 ms poll may also step over the whole window, meeting no error at all).
    expect([...codes].filter((code) => code !== 'bot-unavailable')).toEqual([]);
    expect(config).toMatchObject({ botName: 'reloaded-bot', state: 'running' });
  });
});

describe('freqtrade client when the bot is gone', () => {
  it('when the process has stopped answering, then bot-unavailable naming the refused connection', async () => {
    await bot.stop();

    const error = await failure(client.showConfig());

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ code: 'bot-unavailable' });
    expect((error as Error).message).toBe(
      'Freqtrade could not be reached for GET /api/v1/show_config (ECONNREFUSED)',
    );
  });
});
