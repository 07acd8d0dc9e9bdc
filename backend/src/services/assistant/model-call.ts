// One bounded question to the configured model: not when it is off or not set up, not over the
// day's budget; one retry of a temporary failure (adapters/llm/client.ts); usage and estimated cost
// recorded; the answer parsed. Every way it fails is a notice for the rules-based answer.
import { createLlmClient, scrubKey, type LlmClient } from '../../adapters/llm/client.js';
import { AppError } from '../../domain/errors.js';
import type { Answer, Fact } from '../../http/routes/assistant-schemas.js';
import type { Logger } from '../../lib/logger.js';

import type { AssistantSettings, ResolvedSettings } from './assistant-settings.js';
import { estimateCost, type Budget } from './budget.js';
import { buildPrompt, estimateTokens, type AnswerLanguage, type AssistantKind } from './prompt.js';

export type NoticeCode = NonNullable<Answer['notice']>['code'];

export type ModelResult<T> =
  | {
      ok: true;
      value: T;
      model: string;
      usage: Answer['usage'];
      latencyMs: number;
      cost: number;
    }
  | { ok: false; code: NoticeCode; message: string };

type Ready = ResolvedSettings & { baseUrl: string; model: string };

export function createModelCall(deps: {
  settings: AssistantSettings;
  budget: Budget;
  logger: Logger;
  now: () => number;
  timeoutMs: number;
  retryDelayMs: number;
}) {
  const { settings, budget, logger, now } = deps;
  let client: { key: string; llm: LlmClient } | null = null;

  /** One client per endpoint, model and key (it remembers whether JSON mode is refused). */
  function clientFor(s: Ready): LlmClient {
    const key = JSON.stringify([s.baseUrl, s.model, s.apiKey]);
    if (client?.key !== key) {
      const config = { baseUrl: s.baseUrl, model: s.model, apiKey: s.apiKey };
      const llm = createLlmClient({
        ...config,
        timeoutMs: deps.timeoutMs,
        retryDelayMs: deps.retryDelayMs,
      });
      client = { key, llm };
    }
    return client.llm;
  }

  /** Why no call may be made now, or null. */
  function refusal(s: ResolvedSettings, promptTokens: number): ModelResult<never> | null {
    if (!s.enabled) {
      return {
        ok: false,
        code: 'assistant-not-configured',
        message: 'the assistant is turned off in Settings',
      };
    }
    if (s.baseUrl === null || s.model === null) {
      return {
        ok: false,
        code: 'assistant-not-configured',
        message: 'no model is set up (Settings or SPOTDESK_LLM_*)',
      };
    }
    if (!budget.allows(s.dailyTokenBudget, promptTokens)) {
      const message = `today's budget of ${s.dailyTokenBudget} tokens is spent`;
      return { ok: false, code: 'assistant-budget-exhausted', message };
    }
    return null;
  }

  /** The failure as a notice; the key never reaches a log line or a message. */
  function failed(
    error: unknown,
    kind: AssistantKind,
    s: Ready,
    started: number,
  ): ModelResult<never> {
    const failure = error instanceof AppError ? error : null;
    const code: NoticeCode =
      failure?.code === 'assistant-timeout' || failure?.code === 'assistant-bad-answer'
        ? failure.code
        : 'assistant-unavailable';
    const message = scrubKey(failure?.message ?? 'the model call failed', s.apiKey);
    const status = failure?.details?.status ?? null;
    logger.warn(
      { assistant: { kind, code, ms: now() - started, status } },
      `assistant fell back to rules: ${message}`,
    );
    return { ok: false, code, message };
  }

  /**
   * Asks the model about `facts` and parses its content with `parse` (undefined → the
   * `assistant-bad-answer` notice). Never throws for the model's sake.
   */
  async function ask<T>(
    kind: AssistantKind,
    facts: readonly Fact[],
    language: AnswerLanguage,
    parse: (content: string) => T | undefined,
  ): Promise<ModelResult<T>> {
    const s = settings.resolved();
    const prompt = buildPrompt(kind, facts, language);
    const refused = refusal(s, estimateTokens(prompt.size));
    if (refused) return refused;
    const ready: Ready = { ...s, baseUrl: s.baseUrl!, model: s.model! };
    const started = now();
    let completion;
    try {
      completion = await clientFor(ready).complete(prompt.messages);
    } catch (error) {
      return failed(error, kind, ready, started);
    }
    // Servers that report no usage still spend: the text's length stands in for it.
    const usage = completion.usage ?? {
      promptTokens: estimateTokens(prompt.size),
      completionTokens: estimateTokens(completion.content.length),
    };
    const cost = estimateCost(usage, s);
    const { model, latencyMs, attempts } = completion;
    budget.record({
      kind,
      model,
      ...usage,
      reported: completion.usage !== null,
      estimatedCost: cost,
      latencyMs,
    });
    logger.info(
      { assistant: { kind, model, attempts, latencyMs, ...usage } },
      'assistant answered',
    );
    const value = parse(completion.content);
    if (value === undefined) {
      logger.warn(
        { assistant: { kind, characters: completion.content.length } },
        'assistant answer is not the JSON asked for',
      );
      return {
        ok: false,
        code: 'assistant-bad-answer',
        message: 'the model did not answer in the JSON form asked for',
      };
    }
    return { ok: true, value, model, usage: completion.usage, latencyMs, cost };
  }

  return { ask };
}
