// The assistant's model endpoint: any OpenAI-compatible server (OpenAI, Ollama, LM Studio) through
// the `openai` package, with its own timeout and no retries of its own: the one retry is ours, so
// its rule is ours too (README.md beside this file). It imports nothing else of ours but errors.
import type OpenAI from 'openai';
import { z } from 'zod';

import { AppError, UpstreamRejectedError, UpstreamUnavailableError } from '../../domain/errors.js';

export interface LlmConfig {
  /** e.g. `https://api.openai.com/v1`, `http://host.docker.internal:11434/v1`. */
  baseUrl: string;
  model: string;
  /** null: the server needs none (a local model server); no Authorization header is sent. */
  apiKey: string | null;
  timeoutMs: number;
  /** Pause before the one retry (tests use 0). */
  retryDelayMs?: number;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface Completion {
  content: string;
  /** The model the server says answered (it may differ from the one asked, e.g. a dated alias). */
  model: string;
  /** The server's token count; null when it sent no usage block. */
  usage: { promptTokens: number; completionTokens: number } | null;
  latencyMs: number;
  /** Requests sent: 1, or 2 after the one retry. */
  attempts: number;
}

// What we read of a chat completion; the rest may drift between servers without harm.
const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional() }) }))
    .min(1),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative(),
      completion_tokens: z.number().int().nonnegative(),
    })
    .nullish(),
});

type Sdk = typeof OpenAI;

// Loaded on the first question, not at start-up: ~140 ms and ~14 MB that an installation without
// a model never needs.
let sdk: Promise<Sdk> | null = null;
const loadSdk = () => (sdk ??= import('openai').then((m) => m.default));

/** Replaces every occurrence of the key (an echoing server, a proxy's error page) by a marker. */
export function scrubKey(text: string, apiKey: string | null): string {
  return apiKey && apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
}

/**
 * The one place failures become domain errors. Temporary (retried once, then reported):
 * timeout, connection refused or reset, 5xx — as `UpstreamUnavailableError`. Final: 4xx
 * (a bad key, an unknown model, a rate limit) and bodies that are not a chat completion — as
 * `UpstreamRejectedError`. Messages are ours; the server's words pass only through `scrubKey`,
 * and the original error is not kept (it may quote the key).
 */
function translate(error: unknown, config: LlmConfig, OpenAI: Sdk): AppError {
  if (error instanceof AppError) return error;
  const origin = new URL(config.baseUrl).origin;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new UpstreamUnavailableError(
      'assistant-timeout',
      `the model server at ${origin} did not answer within ${config.timeoutMs} ms`,
    );
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new UpstreamUnavailableError(
      'assistant-unavailable',
      `cannot reach the model server at ${origin}`,
    );
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const upstreamMessage = scrubKey(error.message, config.apiKey).slice(0, 300);
    const details = { status: error.status, upstreamMessage };
    return error.status >= 500
      ? new UpstreamUnavailableError(
          'assistant-unavailable',
          `the model server answered HTTP ${error.status}`,
          { details },
        )
      : new UpstreamRejectedError(
          'assistant-unavailable',
          `the model server refused the request (HTTP ${error.status})`,
          { details },
        );
  }
  return new UpstreamRejectedError(
    'assistant-bad-answer',
    'the model server sent something that is not a chat completion',
  );
}

/** Some servers (older LM Studio, some proxies) refuse `response_format` with a 400. */
function refusesJsonMode(error: AppError): boolean {
  const upstream = error.details?.upstreamMessage;
  return (
    error.details?.status === 400 &&
    typeof upstream === 'string' &&
    /response_format/i.test(upstream)
  );
}

export function createLlmClient(config: LlmConfig) {
  const options: ConstructorParameters<Sdk>[0] = {
    baseURL: config.baseUrl,
    // The package insists on a key; with none, the placeholder's header is removed below.
    apiKey: config.apiKey ?? 'none',
    defaultHeaders: config.apiKey ? undefined : { Authorization: null },
    // Passed explicitly so the package reads none of OPENAI_* from the environment.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: config.timeoutMs,
    maxRetries: 0,
    // The package would log on its own (with request details at debug level): we log ourselves.
    logLevel: 'off',
  };
  let client: Promise<{ OpenAI: Sdk; api: OpenAI }> | null = null;
  const connect = () =>
    (client ??= loadSdk().then((OpenAI) => ({ OpenAI, api: new OpenAI(options) })));
  let jsonMode = true;

  async function once(messages: ChatMessage[]): Promise<Omit<Completion, 'attempts'>> {
    const { OpenAI, api } = await connect();
    const started = Date.now();
    let raw: unknown;
    try {
      raw = await api.chat.completions.create({
        model: config.model,
        messages,
        stream: false,
        ...(jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
      });
    } catch (error) {
      throw translate(error, config, OpenAI);
    }
    // A proxy's HTML page or any other non-completion body arrives here as text or odd JSON.
    const parsed = completionSchema.safeParse(raw);
    if (!parsed.success) throw translate(parsed.error, config, OpenAI);
    const usage = parsed.data.usage;
    return {
      content: parsed.data.choices[0]?.message.content ?? '',
      model: parsed.data.model ?? config.model,
      usage: usage
        ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens }
        : null,
      latencyMs: Date.now() - started,
    };
  }

  return {
    config,

    /**
     * One chat completion, asked for a JSON object. A temporary failure is retried once after
     * `retryDelayMs`; a server that refuses JSON mode is asked again once without it (and never
     * again with it). Throws the last failure as an AppError (`assistant-timeout`,
     * `assistant-unavailable` or `assistant-bad-answer`).
     */
    async complete(messages: ChatMessage[]): Promise<Completion> {
      let attempts = 0;
      let retried = false;
      for (;;) {
        attempts += 1;
        try {
          return { ...(await once(messages)), attempts };
        } catch (error) {
          const failure = error as AppError;
          if (jsonMode && refusesJsonMode(failure)) {
            jsonMode = false;
            continue;
          }
          if (!(failure instanceof UpstreamUnavailableError) || retried) throw failure;
          retried = true;
          if (config.retryDelayMs) {
            await new Promise((resolve) => setTimeout(resolve, config.retryDelayMs));
          }
        }
      }
    },
  };
}

export type LlmClient = ReturnType<typeof createLlmClient>;
