import type { z } from 'zod';

// The assistant's API (backend http/routes/assistant.ts) on in-memory state: bodies parsed with
// the orchestrator's own schemas, answers that parse with them. With no model configured every
// answer is the rules-based one; tests set `next` to answer with a model's (marks, markup …).
import type { Bot } from '../../../backend/src/domain/bot';
import { AppError, NotFoundError, ValidationError } from '../../../backend/src/domain/errors';
import { issuesFromZod } from '../../../backend/src/http/middleware/zod-issues';
import {
  answerSchema,
  assistantSchemas,
  assistantStatusSchema,
  recommendationSchema,
} from '../../../backend/src/http/routes/assistant-schemas';
import type {
  Answer as AssistantAnswer,
  AssistantStatus,
  Recommendation,
} from '../../../backend/src/http/routes/assistant-schemas';
import type { Answer, BotRequest } from './fake-api-bodies';
import { failWith } from './fake-api-bodies';
import type { FakeBotsState } from './fake-bots-state';
import type { FakeMarketState } from './fake-market-state';
import { fakeSnapshot } from './fake-market-state';

export type FakeAssistantState = {
  enabled: boolean;
  baseUrl: string | null;
  model: string | null;
  keySet: boolean;
  /** Fields an environment variable sets: they win, and Settings cannot change them. */
  fromEnvironment: AssistantStatus['fromEnvironment'];
  dailyTokens: number;
  usedToday: number;
  pricePerMillionPrompt: number;
  pricePerMillionCompletion: number;
  /** The next answer of each kind; absent = the rules-based one built from the facts. */
  next: {
    marketSummary?: AssistantAnswer;
    botSummary?: AssistantAnswer;
    recommendation?: (bot: Bot) => Recommendation;
  };
};

export function createFakeAssistantState(): FakeAssistantState {
  return {
    enabled: false,
    baseUrl: null,
    model: null,
    keySet: false,
    fromEnvironment: [],
    dailyTokens: 200_000,
    usedToday: 0,
    pricePerMillionPrompt: 0.15,
    pricePerMillionCompletion: 0.6,
    next: {},
  };
}

type Context = {
  bots: FakeBotsState;
  market: FakeMarketState;
  assistant: FakeAssistantState;
};

function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'params') {
  const value = input ?? {};
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error.issues, where, value));
  return result.data as z.output<S>;
}

export function fakeAssistantStatus(a: FakeAssistantState): AssistantStatus {
  return assistantStatusSchema.parse({
    enabled: a.enabled,
    configured: a.baseUrl !== null && a.model !== null,
    baseUrl: a.baseUrl,
    model: a.model,
    keySet: a.keySet,
    fromEnvironment: a.fromEnvironment,
    timeoutMs: 20_000,
    budget: {
      dailyTokens: a.dailyTokens,
      usedToday: a.usedToday,
      estimatedCostToday: (a.usedToday * a.pricePerMillionPrompt) / 1_000_000,
      pricePerMillionPrompt: a.pricePerMillionPrompt,
      pricePerMillionCompletion: a.pricePerMillionCompletion,
    },
    cacheTtlMs: 300_000,
  });
}

/** A rules-based answer: what Spotdesk writes when no model is configured. */
function rulesAnswer(
  language: 'en' | 'pt-BR',
  now: number,
  facts: AssistantAnswer['facts'],
  claims: AssistantAnswer['claims'],
): AssistantAnswer {
  return answerSchema.parse({
    kind: 'rules',
    language,
    claims,
    facts,
    model: null,
    usage: null,
    cached: false,
    generatedAt: now,
    notice: { code: 'assistant-not-configured', message: 'no model is configured' },
  });
}

function marketSummary(c: Context, body: unknown): Answer {
  const input = parse(assistantSchemas.marketSummaryBody, body, 'body');
  const market = c.bots.markets.find((m) => m.symbol === input.pair);
  if (!market) throw new AppError('pair-unknown', `Binance Spot lists no pair ${input.pair}`, 404);
  if (c.assistant.next.marketSummary) return { status: 200, body: c.assistant.next.marketSummary };
  const { indicators, regime } = fakeSnapshot(c.market, input.pair, input.timeframe, 0, c.bots.now);
  const facts = [
    { id: 'close', label: `Last close (${input.timeframe})`, value: indicators.close },
    { id: 'rsi_14', label: 'RSI(14)', value: indicators.rsi14 },
    { id: 'regime', label: 'Regime', value: regime.label },
  ];
  const claims = [
    { text: `${input.pair} is in a ${regime.label} regime.`, cites: ['regime'], marks: [] },
    { text: `RSI(14) is ${indicators.rsi14 ?? 'not known'}.`, cites: ['rsi_14'], marks: [] },
  ];
  return { status: 200, body: rulesAnswer(input.language, c.bots.now, facts, claims) };
}

function botSummary(c: Context, bot: Bot, body: unknown): Answer {
  const input = parse(assistantSchemas.botBody, body, 'body');
  if (c.assistant.next.botSummary) return { status: 200, body: c.assistant.next.botSummary };
  const facts = [
    { id: 'bot_state', label: 'State', value: bot.state },
    { id: 'bot_pairs', label: 'Pairs', value: bot.pairs.join(', ') },
  ];
  const claims = [{ text: `${bot.name} is ${bot.state}.`, cites: ['bot_state'], marks: [] }];
  return { status: 200, body: rulesAnswer(input.language, c.bots.now, facts, claims) };
}

function recommendation(c: Context, bot: Bot, body: unknown): Answer {
  const input = parse(assistantSchemas.botBody, body, 'body');
  const next = c.assistant.next.recommendation;
  if (next) return { status: 200, body: recommendationSchema.parse(next(bot)) };
  const to = bot.maxOpenTrades + 1;
  const facts = [{ id: 'max_open_trades', label: 'Max open trades', value: bot.maxOpenTrades }];
  const answer = rulesAnswer(input.language, c.bots.now, facts, []);
  const reason = { text: 'More room for trades.', cites: ['max_open_trades'], marks: [] };
  const rec: Recommendation = {
    ...answer,
    changes: [{ field: 'maxOpenTrades', from: bot.maxOpenTrades, to, reason }],
    patch: { maxOpenTrades: to },
    configVersion: bot.configVersion,
  };
  return { status: 200, body: rec };
}

function saveSettings(c: Context, body: unknown): Answer {
  const input = parse(assistantSchemas.settingsBody, body, 'body');
  const a = c.assistant;
  const env = new Set(a.fromEnvironment);
  // The environment wins: what it sets is left as it is.
  if (input.baseUrl !== undefined && !env.has('baseUrl')) a.baseUrl = input.baseUrl;
  if (input.model !== undefined && !env.has('model')) a.model = input.model;
  if (input.apiKey !== undefined && !env.has('apiKey')) a.keySet = input.apiKey !== null;
  if (input.dailyTokenBudget !== undefined) a.dailyTokens = input.dailyTokenBudget;
  if (input.pricePerMillionPrompt !== undefined) {
    a.pricePerMillionPrompt = input.pricePerMillionPrompt;
  }
  if (input.pricePerMillionCompletion !== undefined) {
    a.pricePerMillionCompletion = input.pricePerMillionCompletion;
  }
  if (input.enabled !== undefined) a.enabled = input.enabled;
  return { status: 200, body: fakeAssistantStatus(a) };
}

function route(c: Context, req: BotRequest): Answer | null {
  const { method, path } = req;
  if (method === 'GET' && path === '/api/assistant/status') {
    return { status: 200, body: fakeAssistantStatus(c.assistant) };
  }
  if (path === '/api/settings/assistant' && (method === 'GET' || method === 'PUT')) {
    if (method === 'GET') return { status: 200, body: fakeAssistantStatus(c.assistant) };
    if (req.user.role !== 'admin') throw new AppError('forbidden', 'admins only', 403);
    return saveSettings(c, req.body);
  }
  if (method !== 'POST') return null;
  // As on the server: asking spends the budget, so every question is for admins.
  if (req.user.role !== 'admin') throw new AppError('forbidden', 'admins only', 403);
  if (path === '/api/assistant/market-summary') return marketSummary(c, req.body);
  const one = /^\/api\/assistant\/bots\/([^/]+)\/(summary|recommendation)$/.exec(path);
  if (!one) return null;
  const { id } = parse(assistantSchemas.idParams, { id: one[1] }, 'params');
  const bot = c.bots.bots.find((b) => b.id === id);
  if (!bot) throw new NotFoundError('bot-not-found', `there is no bot ${id}`);
  return one[2] === 'summary' ? botSummary(c, bot, req.body) : recommendation(c, bot, req.body);
}

/** The assistant's endpoints and its Settings section, or null for a path they do not own. */
export function assistantRoutes(c: Context, req: BotRequest): Answer | null {
  try {
    return route(c, req);
  } catch (error) {
    if (error instanceof AppError) return failWith(error);
    throw error;
  }
}
