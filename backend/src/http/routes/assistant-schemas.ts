// The AI assistant's API (routes/assistant.ts): bodies and answers, in a module of their own: zod
// and the domain only, so the panel and its test fake parse with the very same schemas.
import { z } from 'zod';

import { PAIR_PATTERN, TIMEFRAMES } from '../../domain/bot.js';

const pair = z.string().trim().regex(PAIR_PATTERN, 'must look like BASE/QUOTE, e.g. BTC/USDT');
const num = z.number().finite();

export const ANSWER_LANGUAGES = ['en', 'pt-BR'] as const;

/** A fact Spotdesk holds, as the prompt gives it: `rsi_14`, `pnl_today`, `trade_42`, … */
export const factSchema = z.object({
  id: z.string(),
  /** What it is, in English (the prompt's wording). */
  label: z.string(),
  /** A number, or text (a pair, a strategy name, a date) shown as data. */
  value: z.union([num, z.string(), z.boolean(), z.null()]),
  unit: z.string().optional(),
});
export type Fact = z.infer<typeof factSchema>;

/** What the server found wrong with one claim of the model's. */
export const claimMarkSchema = z.discriminatedUnion('kind', [
  /** The claim cites an id that is not among the facts. */
  z.object({ kind: z.literal('unknown-id'), id: z.string() }),
  /** The claim states a number that none of its cited facts holds. */
  z.object({ kind: z.literal('unsupported-number'), value: z.string() }),
  /** The claim cites nothing. */
  z.object({ kind: z.literal('no-citation') }),
]);
export type ClaimMark = z.infer<typeof claimMarkSchema>;

export const claimSchema = z.object({
  /** Plain text; the panel never renders it as HTML. */
  text: z.string(),
  cites: z.array(z.string()),
  marks: z.array(claimMarkSchema),
});
export type Claim = z.infer<typeof claimSchema>;

export const usageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});

/** Why a model answer was not used (the rules-based one is shown instead), or null. */
export const answerNoticeSchema = z.object({
  code: z.enum([
    'assistant-not-configured',
    'assistant-timeout',
    'assistant-unavailable',
    'assistant-bad-answer',
    'assistant-budget-exhausted',
  ]),
  message: z.string(),
});

export const answerSchema = z.object({
  /** `model`: written by the configured model; `rules`: Spotdesk's rules-based summary. */
  kind: z.enum(['model', 'rules']),
  language: z.enum(ANSWER_LANGUAGES),
  claims: z.array(claimSchema),
  facts: z.array(factSchema),
  model: z.string().nullable(),
  usage: usageSchema.nullable(),
  /** Served from the cache: no new call was made. */
  cached: z.boolean(),
  generatedAt: z.number().int(),
  notice: answerNoticeSchema.nullable(),
  /** How long the model took (the retry included); null for a rules-based or cached answer. */
  latencyMs: z.number().int().nonnegative().nullable().optional(),
  /** Estimated USD of this answer's call at the Settings prices; null when no call was made. */
  estimatedCost: num.nonnegative().nullable().optional(),
});
export type Answer = z.infer<typeof answerSchema>;

/** Bot settings the assistant may propose to change (the bot form's fields). */
export const RECOMMENDABLE_FIELDS = [
  'stakeAmount',
  'maxOpenTrades',
  'maxExposure',
  'stoploss',
  'minimalRoi',
  'dailyLossLimit',
  'timeframe',
  'pairs',
] as const;

export const settingChangeSchema = z.object({
  field: z.enum(RECOMMENDABLE_FIELDS),
  from: z.unknown(),
  to: z.unknown(),
  reason: claimSchema,
});

/** A change the model proposed that the bot's normal validation refused (never in `patch`). */
export const droppedChangeSchema = z.object({
  field: z.string(),
  to: z.unknown(),
  /** `conflict`: valid alone, not together with the changes kept before it. */
  why: z.enum(['unknown-field', 'invalid-value', 'no-change', 'duplicate', 'conflict']),
  /** English, naming the setting and the rule (the form's own messages). */
  message: z.string(),
});
export type DroppedChange = z.infer<typeof droppedChangeSchema>;

export const recommendationSchema = answerSchema.extend({
  changes: z.array(settingChangeSchema),
  /** Proposals refused by the bot's validation; always sent by the server. */
  dropped: z.array(droppedChangeSchema).optional(),
  /** The changed settings only: applying lays them over the bot's settings in PUT /api/bots/:id. */
  patch: z.record(z.string(), z.unknown()),
  /** The bot's configVersion the diff was made against. */
  configVersion: z.number().int(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const assistantSchemas = {
  marketSummaryBody: z
    .object({
      pair,
      timeframe: z.enum(TIMEFRAMES).default('1h'),
      language: z.enum(ANSWER_LANGUAGES).default('en'),
    })
    .strict(),
  botBody: z.object({ language: z.enum(ANSWER_LANGUAGES).default('en') }).strict(),
  idParams: z.object({ id: z.coerce.number().int().positive() }),
  settingsBody: z
    .object({
      baseUrl: z
        .url({ protocol: /^https?$/ })
        .max(500)
        .optional(),
      model: z.string().trim().min(1).max(200).optional(),
      /** Sealed in the secret store; never returned. null forgets it. */
      apiKey: z.string().trim().min(1).max(500).nullable().optional(),
      dailyTokenBudget: z.number().int().min(0).max(100_000_000).optional(),
      /** Estimated cost in USD per 1,000,000 prompt and completion tokens. */
      pricePerMillionPrompt: num.min(0).max(10_000).optional(),
      pricePerMillionCompletion: num.min(0).max(10_000).optional(),
      enabled: z.boolean().optional(),
    })
    .strict(),
};

/** GET /api/assistant/status and the Settings section. */
export const assistantStatusSchema = z.object({
  enabled: z.boolean(),
  configured: z.boolean(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  keySet: z.boolean(),
  /** Which fields an environment variable sets (those win over Settings and are read-only). */
  fromEnvironment: z.array(z.enum(['baseUrl', 'model', 'apiKey'])),
  timeoutMs: z.number().int(),
  budget: z.object({
    dailyTokens: z.number().int(),
    usedToday: z.number().int(),
    estimatedCostToday: num,
    pricePerMillionPrompt: num,
    pricePerMillionCompletion: num,
  }),
  cacheTtlMs: z.number().int(),
});
export type AssistantStatus = z.infer<typeof assistantStatusSchema>;
