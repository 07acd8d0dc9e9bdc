// The AI assistant (PRODUCT.md C6, issue #6): market summaries, bot summaries and recommended
// settings, written by the configured model from Spotdesk's own facts, every claim checked
// against the facts it cites. Without a model (none set up, failed, over budget) Spotdesk writes
// a rules-based summary from the same facts and says why. Nothing here changes a bot or places an
// order: a recommendation is a diff and a patch the user may send to the bots API themselves.
import type { Bot, BotId, TIMEFRAMES } from '../../domain/bot.js';
import { NotFoundError } from '../../domain/errors.js';
import { tradingDayStart } from '../../domain/trading-day.js';
import type { AssistantRepo } from '../../db/repos/assistant-repo.js';
import type { BotRepo } from '../../db/repos/bot-repo.js';
import type { MirrorRepo } from '../../db/repos/mirror-repo.js';
import type { SettingsRepo } from '../../db/repos/settings-repo.js';
import type {
  Answer,
  AssistantStatus,
  Fact,
  Recommendation,
} from '../../http/routes/assistant-schemas.js';
import type { MarketSnapshot } from '../../http/routes/market-schemas.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor, AuditService } from '../audit-service.js';
import type { SecretStore } from '../secret-store.js';

import {
  createAssistantSettings,
  type LlmEnvironment,
  type SettingsUpdate,
} from './assistant-settings.js';
import { cacheKey, createAnswerCache, createBudget } from './budget.js';
import {
  checkClaim,
  parseAnswer,
  recommendationAnswerSchema,
  summaryAnswerSchema,
  type ModelClaim,
  type ModelRecommendation,
} from './claims.js';
import { botFacts, marketFacts, mergeFacts, type BotActivity } from './facts.js';
import { createModelCall, type ModelResult, type NoticeCode } from './model-call.js';
import type { AnswerLanguage, AssistantKind } from './prompt.js';
import { reviewChanges, type ReviewContext } from './recommendation.js';
import { rulesBotSummary } from './rules-bot-summary.js';
import { rulesMarketSummary } from './rules-summary.js';

export type Timeframe = (typeof TIMEFRAMES)[number];
export type MarketSnapshotSource = (pair: string, timeframe: Timeframe) => Promise<MarketSnapshot>;

const RECENT_TRADES = 10;
const LOG_PROBLEMS = 5;

export interface AssistantDeps {
  env: LlmEnvironment;
  settingsRepo: SettingsRepo;
  secrets: SecretStore;
  audit: AuditService;
  usage: AssistantRepo;
  bots: Pick<BotRepo, 'find'>;
  mirror: Pick<MirrorRepo, 'openTrades' | 'tradesOf' | 'realisedByBot'>;
  /** The market feed (services/market-service.ts `snapshot`); throws AppError `pair-unknown` … */
  marketSnapshot: MarketSnapshotSource;
  /** The bot's recent log lines, newest last (the monitor's cache). */
  botLogs?: (id: BotId) => Array<{ at: Date; level: string; message: string }>;
  /** The bot form's schema and the rules' context (markets, strategies, the other bots). */
  review: () => Promise<ReviewContext>;
  timeZone: () => string;
  logger: Logger;
  now: () => number;
  /** Per model request (default 30 s); tests use a few hundred ms. */
  timeoutMs?: number;
  /** Before the one retry (default 500 ms). */
  retryDelayMs?: number;
  /** How long the same question is answered from the cache (default 10 min). */
  cacheTtlMs?: number;
}

export function createAssistantService(deps: AssistantDeps) {
  const { logger, now } = deps;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const cacheTtlMs = deps.cacheTtlMs ?? 600_000;
  const cache = createAnswerCache<Answer>({ ttlMs: cacheTtlMs, now });
  const budget = createBudget({ repo: deps.usage, timeZone: deps.timeZone, now });
  const settings = createAssistantSettings({
    repo: deps.settingsRepo,
    secrets: deps.secrets,
    audit: deps.audit,
    env: deps.env,
    now,
    onChange: () => cache.clear(),
  });
  const inflight = new Map<string, Promise<Answer>>();
  const model = createModelCall({
    settings,
    budget,
    logger,
    now,
    timeoutMs,
    retryDelayMs: deps.retryDelayMs ?? 500,
  });

  function status(): AssistantStatus {
    const s = settings.visible();
    const used = budget.today();
    return {
      enabled: s.enabled,
      configured: s.baseUrl !== null && s.model !== null,
      baseUrl: s.baseUrl,
      model: s.model,
      keySet: s.keySet,
      fromEnvironment: s.fromEnvironment,
      timeoutMs,
      budget: {
        dailyTokens: s.dailyTokenBudget,
        usedToday: used.tokens,
        estimatedCostToday: used.cost,
        pricePerMillionPrompt: s.pricePerMillionPrompt,
        pricePerMillionCompletion: s.pricePerMillionCompletion,
      },
      cacheTtlMs,
    };
  }

  /** The cache key of a question to the model set up now; null when none would be asked. */
  function keyOf(kind: AssistantKind, facts: Fact[], language: AnswerLanguage): string | null {
    const s = settings.resolved();
    if (!s.enabled || s.model === null || s.baseUrl === null) return null;
    return cacheKey({ kind, facts, language, model: s.model, baseUrl: s.baseUrl });
  }

  function fromCache<A extends Answer>(hit: A): A {
    return { ...hit, cached: true, latencyMs: null, estimatedCost: null };
  }

  function rules(
    facts: Fact[],
    language: AnswerLanguage,
    claims: ModelClaim[],
    notice: { code: NoticeCode; message: string },
  ): Answer {
    return {
      kind: 'rules',
      language,
      claims: claims.map((c) => checkClaim(c, facts)),
      facts,
      model: null,
      usage: null,
      cached: false,
      generatedAt: now(),
      notice,
      latencyMs: null,
      estimatedCost: null,
    };
  }

  function fromModel(
    facts: Fact[],
    language: AnswerLanguage,
    claims: ModelClaim[],
    result: Extract<ModelResult<unknown>, { ok: true }>,
  ): Answer {
    return {
      kind: 'model',
      language,
      claims: claims.map((c) => checkClaim(c, facts)),
      facts,
      model: result.model,
      usage: result.usage,
      cached: false,
      generatedAt: now(),
      notice: null,
      latencyMs: result.latencyMs,
      estimatedCost: result.cost,
    };
  }

  /**
   * The cached answer to the question `key`, or the one being produced for it right now (a double
   * click costs one call), else `produce()`. Model answers are cached; rules-based ones are not.
   */
  async function cachedOr<A extends Answer>(
    key: string | null,
    produce: () => Promise<A>,
  ): Promise<A> {
    if (key === null) return produce();
    const hit = cache.get(key) as A | undefined;
    if (hit) return fromCache(hit);
    const running = inflight.get(key) as Promise<A> | undefined;
    if (running) {
      const answer = await running;
      return answer.kind === 'model' ? fromCache(answer) : answer;
    }
    const task = produce()
      .then((answer) => {
        if (answer.kind === 'model') cache.set(key, answer);
        return answer;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, task);
    return task;
  }

  /** A summary: from the cache, else the model, else the rules-based one with the reason. */
  function summary(
    kind: 'market-summary' | 'bot-summary',
    facts: Fact[],
    language: AnswerLanguage,
    fallback: () => ModelClaim[],
  ): Promise<Answer> {
    return cachedOr(keyOf(kind, facts, language), async () => {
      const result = await model.ask(kind, facts, language, (content) =>
        parseAnswer(content, summaryAnswerSchema),
      );
      return result.ok
        ? fromModel(facts, language, result.value.claims, result)
        : rules(facts, language, fallback(), result);
    });
  }

  function mustFind(id: BotId): Bot {
    const bot = deps.bots.find(id);
    if (!bot) throw new NotFoundError('bot-not-found', `there is no bot ${id}`);
    return bot;
  }

  /** What the mirror and the monitor know of the bot's recent activity, in its current mode. */
  function activity(bot: Bot): BotActivity {
    const at = now();
    const dayStart = tradingDayStart(at, deps.timeZone());
    const today = deps.mirror
      .realisedByBot(dayStart, at + 1)
      .find((r) => r.botId === bot.id && r.mode === bot.mode);
    const problems = (deps.botLogs?.(bot.id) ?? [])
      .filter((l) => /^(WARNING|ERROR|CRITICAL)$/i.test(l.level))
      .slice(-LOG_PROBLEMS)
      .reverse();
    const recent = { status: 'closed' as const, limit: RECENT_TRADES, mode: bot.mode };
    return {
      open: deps.mirror.openTrades(bot.id, bot.mode),
      recentClosed: deps.mirror.tradesOf(bot.id, recent),
      realisedToday: today?.realised ?? 0,
      closedToday: today?.closed ?? 0,
      tradingDayStart: dayStart,
      problems,
    };
  }

  /** The market facts of the bot's first pair at its timeframe, when the feed has them. */
  async function botMarketFacts(bot: Bot): Promise<Fact[]> {
    const pair = bot.pairs[0];
    if (!pair) return [];
    try {
      return marketFacts(await deps.marketSnapshot(pair, bot.timeframe as Timeframe));
    } catch (error) {
      logger.debug({ botId: bot.id, err: error }, 'no market facts for the recommendation');
      return [];
    }
  }

  return {
    status,

    updateSettings(update: SettingsUpdate, actor: Actor, ip: string): AssistantStatus {
      settings.update(update, actor, ip);
      return status();
    },

    /** @throws the market feed's AppError (`pair-unknown`, `exchange-*`) when it has no snapshot. */
    async marketSummary(input: {
      pair: string;
      timeframe: Timeframe;
      language: AnswerLanguage;
    }): Promise<Answer> {
      const facts = marketFacts(await deps.marketSnapshot(input.pair, input.timeframe));
      return summary('market-summary', facts, input.language, () =>
        rulesMarketSummary(facts, input.language),
      );
    },

    /** @throws NotFoundError `bot-not-found`. */
    async botSummary(id: BotId, language: AnswerLanguage): Promise<Answer> {
      const bot = mustFind(id);
      const facts = botFacts(bot, activity(bot));
      return summary('bot-summary', facts, language, () => rulesBotSummary(facts, language));
    },

    /**
     * Proposed setting changes, each validated like an edit of the bot; `patch` holds the
     * survivors for the bots API, which the user sends (validated and audited there).
     * @throws NotFoundError `bot-not-found`.
     */
    async recommendation(id: BotId, language: AnswerLanguage): Promise<Recommendation> {
      const bot = mustFind(id);
      const facts = mergeFacts(botFacts(bot, activity(bot)), await botMarketFacts(bot));
      const configVersion = bot.configVersion;
      return cachedOr(keyOf('recommendation', facts, language), async () => {
        const result = await model.ask('recommendation', facts, language, (content) =>
          parseAnswer(content, recommendationAnswerSchema),
        );
        if (!result.ok) {
          const answer = rules(facts, language, rulesBotSummary(facts, language), result);
          return { ...answer, changes: [], patch: {}, dropped: [], configVersion };
        }
        const proposal: ModelRecommendation = result.value;
        const review = reviewChanges(proposal.changes, bot, facts, await deps.review());
        const answer = fromModel(facts, language, proposal.claims, result);
        return { ...answer, ...review, configVersion } satisfies Recommendation;
      });
    },
  };
}

export type AssistantService = ReturnType<typeof createAssistantService>;
