import { z } from 'zod';

import { AppError, UpstreamRejectedError, UpstreamUnavailableError } from '../../domain/errors.js';

/** Which call failed: method and path only (no query, never a header or a token). */
export interface CallContext {
  method: string;
  path: string;
}

/**
 * A non-2xx answer. `refusedCredentials` is set by the caller when it is final: a 401 after the
 * one re-login, a refused /token/login, or the message WebSocket's 403.
 */
export class HttpFailure {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly refusedCredentials = false,
  ) {}
}

/** A 2xx body that is not JSON, or that its zod schema rejects (`field` is the path inside it). */
export class BodyFailure {
  constructor(
    readonly field: string,
    readonly why: string,
    readonly cause?: unknown,
  ) {}
}

/** A 2xx answer that still says no, e.g. /forceenter's `{"status": "Error entering …"}`. */
export class Refusal {
  constructor(
    readonly status: number,
    readonly upstreamMessage: string,
  ) {}
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The one place failures of a Freqtrade call become domain errors (the original is kept as
 * `cause`): transport → unavailable/timeout; RPC 502 `{"error"}` and `{"detail"}` answers →
 * bot-rejected with Freqtrade's own words; final 401 → bot-auth-failed; bad body →
 * bot-bad-response naming the field. A RangeError from the client's own guards passes unchanged.
 */
export function translate(problem: unknown, ctx: CallContext): Error {
  if (problem instanceof AppError) return problem;
  // Our own argument and path guards: a bug in the caller, not something the bot did.
  if (problem instanceof RangeError) return problem;
  const where = `${ctx.method} ${ctx.path}`;
  if (problem instanceof HttpFailure) {
    const upstreamMessage = upstreamMessageOf(problem);
    const details = { upstreamMessage, path: ctx.path, status: problem.status };
    if (problem.refusedCredentials) {
      return new UpstreamRejectedError(
        'bot-auth-failed',
        `Freqtrade refused Spotdesk's credentials on ${where} (${problem.status})`,
        { details },
      );
    }
    return new UpstreamRejectedError(
      'bot-rejected',
      `Freqtrade refused ${where} (${problem.status}): ${upstreamMessage}`,
      { details },
    );
  }
  if (problem instanceof Refusal) {
    const { status, upstreamMessage } = problem;
    return new UpstreamRejectedError(
      'bot-rejected',
      `Freqtrade refused ${where}: ${upstreamMessage}`,
      { details: { upstreamMessage, path: ctx.path, status } },
    );
  }
  if (problem instanceof BodyFailure) {
    const upstreamMessage = `field ${problem.field || '(body)'}: ${problem.why}`;
    return new UpstreamRejectedError(
      'bot-bad-response',
      `Freqtrade answered ${where} with a body Spotdesk cannot read: ${upstreamMessage}`,
      { details: { upstreamMessage, path: ctx.path, field: problem.field }, cause: problem.cause },
    );
  }
  const err = (problem ?? {}) as { code?: unknown; name?: unknown; cause?: { code?: unknown } };
  const code = String(err.code ?? err.cause?.code ?? '');
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || TIMEOUT_CODES.has(code)) {
    return new UpstreamUnavailableError(
      'bot-timeout',
      `Freqtrade did not answer ${where} in time`,
      {
        cause: problem,
      },
    );
  }
  const reason = code ? ` (${code})` : '';
  return new UpstreamUnavailableError(
    'bot-unavailable',
    `Freqtrade could not be reached for ${where}${reason}`,
    { cause: problem },
  );
}

// RPCException answers carry the endpoint again: "Error querying /api/v1/forceenter: <message>".
const RPC_PREFIX = /^Error querying \S+: /;
const rpcBody = z.object({ error: z.string() });
const detailBody = z.object({ detail: z.string() });
// 422: pydantic's list of {loc, msg, ...}; `input` is left out on purpose (it echoes the request).
const validationBody = z.object({
  detail: z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string() })),
});

/** Freqtrade's own words from an error answer, whichever of its body shapes it used. */
function upstreamMessageOf(failure: HttpFailure): string {
  const json = parseJson(failure.body);
  const rpc = rpcBody.safeParse(json);
  if (rpc.success) return rpc.data.error.replace(RPC_PREFIX, '');
  const detail = detailBody.safeParse(json);
  if (detail.success) return detail.data.detail;
  const validation = validationBody.safeParse(json);
  if (validation.success) {
    return validation.data.detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; ');
  }
  // e.g. 500 text/plain "Internal Server Error".
  const text = failure.body.trim().slice(0, 200);
  return text === '' ? `HTTP ${failure.status}` : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first zod issue as `field` and `why`, e.g. `0.trade_id`, `expected number, received string`. */
export function bodyFailureFrom(error: z.ZodError): BodyFailure {
  const issue = error.issues[0];
  if (!issue) return new BodyFailure('', 'rejected by the schema', error);
  const why = issue.message.replace(/^Invalid input: /, '');
  return new BodyFailure(issue.path.map(String).join('.'), why, error);
}
