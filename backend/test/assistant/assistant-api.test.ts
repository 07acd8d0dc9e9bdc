// The assistant's HTTP API on the real composition: the market feed against sim/exchange in
// process, the model on the OpenAI-compatible test server set by SPOTDESK_LLM_* (base URL and
// model; the key saved through Settings). Settings, guards, bad input, the three questions, and
// the key in no log line, answer, prompt or audit entry.
import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  answerSchema,
  assistantStatusSchema,
  recommendationSchema,
} from '../../src/http/routes/assistant-schemas.js';
import { setUpAdmin, signIn, type Browser } from '../helpers/http-client.js';
import {
  claimsJson,
  startOpenAiCompatibleServer,
  type OpenAiCompatibleServer,
} from '../helpers/openai-compatible-server.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

import { API_KEY, closedTrade } from './harness.js';

let sim: SimExchange;
let llm: OpenAiCompatibleServer;
let app: TestApp;
let admin: Browser;
let viewer: Browser;
let botId: number;

beforeAll(async () => {
  sim = await startExchange({ seed: 11 });
  llm = await startOpenAiCompatibleServer();
  app = await startApp({
    realClock: true,
    env: {
      SPOTDESK_BINANCE_URL: sim.httpUrl,
      SPOTDESK_BINANCE_WS_URL: `${sim.wsUrl}/stream/ws`,
      SPOTDESK_LLM_BASE_URL: llm.baseUrl,
      SPOTDESK_LLM_MODEL: 'test-model',
    },
    marketOptions: {
      restPollMs: 300,
      streamRetryMs: 400,
      streamRetryMaxMs: 800,
      firstDataWaitMs: 8_000,
    },
  });
  admin = await setUpAdmin(app.baseUrl, app.setupToken());
  const created = await admin.post('/api/bots', {
    name: 'Night owl',
    strategy: 'EmaCrossStrategy',
    timeframe: '1h',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 1,
    maxExposure: 20,
  });
  expect(created.status, created.text).toBe(201);
  botId = created.body.id as number;
  await admin.post('/api/users', {
    username: 'vera',
    password: 'viewer passphrase 42',
    role: 'viewer',
  });
  viewer = await signIn(app.baseUrl, 'vera', 'viewer passphrase 42');
}, 60_000);
afterAll(async () => {
  await app?.close();
  await llm?.close();
  await sim?.close();
});
beforeEach(() => llm.reset());

const put = (browser: Browser, body: unknown) =>
  browser.request('PUT', '/api/settings/assistant', { body });

describe('status and settings', () => {
  it('when anyone signed in reads the status, then it says what the environment sets and no key', async () => {
    const status = await viewer.get('/api/assistant/status');
    const settings = await viewer.get('/api/settings/assistant');

    expect(status.status).toBe(200);
    expect(assistantStatusSchema.parse(status.body)).toMatchObject({
      enabled: true,
      configured: true,
      baseUrl: llm.baseUrl,
      model: 'test-model',
      keySet: false,
      fromEnvironment: ['baseUrl', 'model'],
      timeoutMs: 30_000,
      cacheTtlMs: 600_000,
    });
    expect(settings.body).toEqual(status.body);
  });

  it('when an admin saves a key and prices, then it is sealed, audited without its value, never returned and used', async () => {
    const reply = await put(admin, {
      apiKey: API_KEY,
      dailyTokenBudget: 500_000,
      pricePerMillionPrompt: 0.15,
      pricePerMillionCompletion: 0.6,
    });

    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      keySet: true,
      budget: { dailyTokens: 500_000, pricePerMillionPrompt: 0.15 },
    });
    expect(reply.text).not.toContain(API_KEY);
    expect((await admin.get('/api/settings/assistant')).text).not.toContain(API_KEY);
    const stored = JSON.stringify(app.running.db.sqlite.prepare('SELECT * FROM secrets').all());
    expect(stored).toContain('assistant:api-key');
    expect(stored).not.toContain(API_KEY);
    const audit = await admin.get('/api/audit?action=assistant-settings');
    expect(audit.status).toBe(200);
    expect(audit.text).toContain('assistant-settings');
    expect(audit.text).toContain('keyChanged');
    expect(audit.text).not.toContain(API_KEY);

    const asked = await admin.post(`/api/assistant/bots/${botId}/summary`, { language: 'en' });

    expect(asked.status, asked.text).toBe(200);
    expect(llm.requests[0]?.authorization).toBe(`Bearer ${API_KEY}`);
    for (const m of llm.requests[0]!.body.messages) expect(m.content).not.toContain(API_KEY);
    expect(asked.text).not.toContain(API_KEY);
  });

  it('when a field the environment sets is sent, then 400 names it; bad values name theirs', async () => {
    const fromEnv = await put(admin, { baseUrl: 'http://127.0.0.1:1/v1', model: 'other' });
    const bad = await put(admin, {
      dailyTokenBudget: -1,
      pricePerMillionPrompt: 'cheap',
      extra: true,
    });

    expect(fromEnv.status).toBe(400);
    expect(fromEnv.body.error.details.issues).toEqual([
      expect.objectContaining({ path: 'baseUrl', rule: 'set-by-environment' }),
      expect.objectContaining({ path: 'model', rule: 'set-by-environment' }),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ['body', 'dailyTokenBudget', 'pricePerMillionPrompt'].sort(),
    );
    expect((await admin.get('/api/assistant/status')).body.model).toBe('test-model');
  });

  it('when a key is too long, then 400 names apiKey without echoing it', async () => {
    const reply = await put(admin, { apiKey: API_KEY.repeat(40) });

    expect([reply.status, reply.body.error.details.issues[0].path]).toEqual([400, 'apiKey']);
    expect(reply.text).not.toContain(API_KEY);
  });

  it('when a viewer changes settings or asks a question, then 403 (asking spends the budget)', async () => {
    expect((await put(viewer, { enabled: false })).status).toBe(403);
    expect((await viewer.post(`/api/assistant/bots/${botId}/summary`, {})).status).toBe(403);
    expect(llm.requests).toHaveLength(0);
  });
});

describe('questions', () => {
  it('when a market summary is asked, then the facts come from the live feed and the answer is checked', async () => {
    const snapshot = await admin.get('/api/market/pairs/BTC-USDT?timeframe=1h');
    expect(snapshot.status, snapshot.text).toBe(200);
    llm.script(
      claimsJson([
        { text: 'RSI(14) está neutro.', cites: ['rsi_14'] },
        { text: 'Compre agora.', cites: [] },
      ]),
    );

    const reply = await admin.post('/api/assistant/market-summary', {
      pair: 'BTC/USDT',
      timeframe: '1h',
      language: 'pt-BR',
    });

    expect(reply.status, reply.text).toBe(200);
    const answer = answerSchema.parse(reply.body);
    expect(answer).toMatchObject({
      kind: 'model',
      language: 'pt-BR',
      model: 'test-model',
      cached: false,
    });
    expect(answer.claims[1]?.marks).toEqual([{ kind: 'no-citation' }]);
    expect(answer.facts.find((f) => f.id === 'pair')?.value).toBe('BTC/USDT');
    expect(answer.facts.map((f) => f.id)).toEqual(
      expect.arrayContaining(['price_last', 'regime', 'rsi_14']),
    );
    expect(llm.requests[0]!.body.messages[1]!.content).toContain('{"id":"price_last"');
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answer.estimatedCost).toBeGreaterThan(0);
  });

  it('when a bot summary is asked, then its mirrored trades are trade_<id> facts', async () => {
    const now = Date.now();
    app.running.bots.mirror.upsert(
      botId as never,
      'SIMULATED',
      [closedTrade(5, 0.031, now - 3_600_000), closedTrade(6, -0.02, now - 1_800_000, 'stop_loss')],
      now,
    );
    llm.script(claimsJson([{ text: 'Trade 6 lost 2%.', cites: ['trade_6'] }]));

    const reply = await admin.post(`/api/assistant/bots/${botId}/summary`, {});

    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.language).toBe('en');
    expect(reply.body.claims[0].marks).toEqual([]);
    const ids = (reply.body.facts as Array<{ id: string }>).map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'trade_5',
        'trade_6_profit_pct',
        'trade_6_exit_reason',
        'recent_win_rate_pct',
        'bot_name',
      ]),
    );
  });

  it('when a recommendation is asked, then the changes pass the bot validation, and the patch is what PUT /api/bots/:id accepts', async () => {
    const before = (await admin.get(`/api/bots/${botId}`)).body;
    const reason = { text: 'Stake per trade is 20 USDT.', cites: ['stake_amount'] };
    llm.script(
      claimsJson([{ text: 'Most exposure is 20 USDT.', cites: ['max_exposure'] }], {
        changes: [
          { field: 'stakeAmount', to: 30, reason },
          { field: 'maxExposure', to: 30, reason },
          { field: 'pairs', to: ['NOPE/USDT'], reason },
          { field: 'timeframe', to: '7m', reason },
        ],
      }),
    );

    const reply = await admin.post(`/api/assistant/bots/${botId}/recommendation`, {
      language: 'en',
    });

    expect(reply.status, reply.text).toBe(200);
    const rec = recommendationSchema.parse(reply.body);
    expect(rec.configVersion).toBe(before.configVersion);
    expect(rec.patch).toEqual({ stakeAmount: 30, maxExposure: 30 });
    expect(rec.dropped?.map((d) => [d.field, d.why])).toEqual([
      ['timeframe', 'invalid-value'],
      ['pairs', 'invalid-value'],
    ]);
    expect(rec.dropped?.[1]?.message).toContain('not a spot market');
    // Nothing changed until the user sends the patch through the normal, audited path.
    expect((await admin.get(`/api/bots/${botId}`)).body.stakeAmount).toBe(20);

    const {
      name,
      description,
      mode,
      strategy,
      strategyParams,
      timeframe,
      pairs,
      maxOpenTrades,
      stoploss,
      minimalRoi,
      dailyLossLimit,
    } = before;
    const applied = await admin.request('PUT', `/api/bots/${botId}`, {
      body: {
        name,
        description,
        mode,
        strategy,
        strategyParams,
        timeframe,
        pairs,
        maxOpenTrades,
        stoploss,
        minimalRoi,
        dailyLossLimit,
        stakeAmount: 20,
        maxExposure: 20,
        ...rec.patch,
      },
    });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body).toMatchObject({ stakeAmount: 30, maxExposure: 30 });
  });

  it.each([
    ['/api/assistant/market-summary', { pair: 'btc' }, 'pair'],
    ['/api/assistant/market-summary', { pair: 'BTC/USDT', timeframe: '7m' }, 'timeframe'],
    ['/api/assistant/market-summary', { pair: 'BTC/USDT', language: 'fr' }, 'language'],
    ['/api/assistant/market-summary', { pair: 'BTC/USDT', extra: 1 }, 'body'],
    ['/api/assistant/bots/abc/summary', {}, 'id'],
    ['/api/assistant/bots/1/recommendation', { language: 'de' }, 'language'],
  ])('when %s gets %j, then 400 names %s', async (path, body, field) => {
    const reply = await admin.post(path, body);

    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation-failed');
    expect(reply.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(llm.requests).toHaveLength(0);
  });

  it('when the bot or the pair does not exist, then 404 with its code', async () => {
    const bot = await admin.post('/api/assistant/bots/999/summary', {});
    const pair = await admin.post('/api/assistant/market-summary', { pair: 'ZZZ/USDT' });

    expect([bot.status, bot.body.error.code]).toEqual([404, 'bot-not-found']);
    expect([pair.status, pair.body.error.code]).toEqual([404, 'pair-unknown']);
  });

  it('when everything above ran, then no log line holds the key', () => {
    expect(app.logText()).toContain('assistant answered');
    expect(app.logText()).not.toContain(API_KEY);
  });
});
