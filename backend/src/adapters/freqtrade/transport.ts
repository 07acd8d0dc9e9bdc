import { Agent, request } from 'undici';
import type { z } from 'zod';

import { BodyFailure, HttpFailure, bodyFailureFrom } from './errors.js';

export const API_PREFIX = '/api/v1';

export interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  /** Below /api/v1, e.g. `/trade/3`; segments that come from callers are already encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** false for the public /ping. */
  auth?: boolean;
}

export interface RawAnswer {
  status: number;
  text: string;
}

/** A schema, or a function choosing one from the parsed JSON (answers with two shapes). */
export type Schema<T> = z.ZodType<T> | ((json: unknown) => z.ZodType<T>);

export interface Transport {
  /** One HTTP exchange; rejects with undici's error on transport failure (never translated). */
  send(call: Call, authorization: string | null): Promise<RawAnswer>;
  close(): Promise<void>;
}

// A bot that is reloading its config closes its port for a moment (contract §9.8) and drops
// kept-alive sockets; an idempotent GET is tried again after these pauses. Nothing else is retried.
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

export function createTransport(options: {
  origin: string;
  timeoutMs: number;
  getRetryDelaysMs: readonly number[];
}): Transport {
  const agent = new Agent({ keepAliveTimeout: 4_000 });

  async function once(call: Call, authorization: string | null): Promise<RawAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization) headers.authorization = authorization;
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    const response = await request(buildUrl(options.origin, call), {
      dispatcher: agent,
      method: call.method,
      headers,
      body,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return { status: response.statusCode, text: await response.body.text() };
  }

  return {
    async send(call, authorization) {
      const delays = call.method === 'GET' ? options.getRetryDelaysMs : [];
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await once(call, authorization);
        } catch (error) {
          const delay = delays[attempt];
          if (delay === undefined || !isRetryable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
    close: () => agent.close(),
  };
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/** Origin and path guard: the URL must stay on the bot's origin, exactly under /api/v1. */
function buildUrl(origin: string, call: Call): string {
  const pathname = `${API_PREFIX}${call.path}`;
  const url = new URL(pathname, origin);
  if (url.origin !== origin || url.pathname !== pathname) {
    throw new RangeError(`refusing to call ${pathname}: it leaves ${origin}${API_PREFIX}`);
  }
  for (const [key, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/**
 * Turns a 2xx answer into the schema's output. Throws HttpFailure for any other status and
 * BodyFailure when the body is not JSON or does not match.
 */
export function parseAnswer<T>(schema: Schema<T>, answer: RawAnswer): T {
  if (answer.status < 200 || answer.status >= 300) {
    throw new HttpFailure(answer.status, answer.text);
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    // The SyntaxError is not kept: its message quotes the body, which may hold a token.
    throw new BodyFailure('', 'not valid JSON');
  }
  const picked = typeof schema === 'function' ? schema(json) : schema;
  const parsed = picked.safeParse(json);
  if (!parsed.success) throw bodyFailureFrom(parsed.error);
  return parsed.data;
}

/** `http://host:port` from a base URL given with or without a trailing `/` or `/api/v1`. */
export function originOf(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Freqtrade baseUrl must be http(s), got ${url.protocol}`);
  }
  const rest = url.pathname.replace(/\/+$/, '');
  if (rest !== '' && rest !== API_PREFIX) {
    throw new Error(`Freqtrade baseUrl must be the bot's origin (optionally + ${API_PREFIX})`);
  }
  return url.origin;
}
