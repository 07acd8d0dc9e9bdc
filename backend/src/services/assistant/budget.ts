// The assistant's bounds: an installation-wide daily token budget over the trading day (usage
// persisted per call), and a cache that serves the same question again without a new call.
import { createHash } from 'node:crypto';

import { tradingDayStart } from '../../domain/trading-day.js';
import type { AssistantRepo } from '../../db/repos/assistant-repo.js';
import type { Answer } from '../../http/routes/assistant-schemas.js';

export interface Prices {
  /** USD per 1,000,000 tokens. */
  pricePerMillionPrompt: number;
  pricePerMillionCompletion: number;
}

export function estimateCost(
  usage: { promptTokens: number; completionTokens: number },
  prices: Prices,
): number {
  return (
    (usage.promptTokens * prices.pricePerMillionPrompt +
      usage.completionTokens * prices.pricePerMillionCompletion) /
    1_000_000
  );
}

export function createBudget(deps: {
  repo: AssistantRepo;
  timeZone: () => string;
  now: () => number;
}) {
  const { repo, now } = deps;
  const today = () => {
    const at = now();
    return repo.totals(tradingDayStart(at, deps.timeZone()), at + 1);
  };
  return {
    /** Tokens and estimated USD spent since the trading day began. */
    today,

    /**
     * Whether a call of about `promptTokens` may be made: not when the day's usage already
     * reached the budget or this prompt alone would pass it (a budget of 0 allows no call).
     */
    allows(dailyTokens: number, promptTokens: number): boolean {
      return today().tokens + promptTokens <= dailyTokens;
    },

    record(entry: {
      kind: string;
      model: string;
      promptTokens: number;
      completionTokens: number;
      reported: boolean;
      estimatedCost: number;
      latencyMs: number;
    }): void {
      repo.record({ at: now(), ...entry });
    },
  };
}

export type Budget = ReturnType<typeof createBudget>;

/** The cache key: kind, facts, language and the model (and where it is served). */
export function cacheKey(parts: {
  kind: string;
  facts: unknown;
  language: string;
  model: string;
  baseUrl: string;
}): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

const MAX_ENTRIES = 200;

/** Model answers by cacheKey for `ttlMs`; the oldest entry goes first when it is full. */
export function createAnswerCache<A extends Answer>(deps: { ttlMs: number; now: () => number }) {
  const entries = new Map<string, { at: number; answer: A }>();
  return {
    get(key: string): A | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (deps.now() - hit.at >= deps.ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return hit.answer;
    },
    set(key: string, answer: A): void {
      entries.delete(key);
      entries.set(key, { at: deps.now(), answer });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    },
    clear(): void {
      entries.clear();
    },
  };
}
