import type { z } from 'zod';

/**
 * An issue the server found with one field of a request (`validation-failed`, `weak-password`):
 * `rule` and `params` say why in a form the panel translates; `message` is the server's English.
 */
export type FieldIssue = {
  path: string;
  rule: string | undefined;
  params: Record<string, unknown>;
  message: string;
};

/** A non-2xx answer (or no answer at all) from the orchestrator, built from its error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field issues of the answer (`details.issues`); empty when it has none. */
  get fieldIssues(): FieldIssue[] {
    const issues = this.details?.['issues'];
    if (!Array.isArray(issues)) return [];
    return issues.flatMap((issue: unknown): FieldIssue[] => {
      if (typeof issue !== 'object' || issue === null) return [];
      const { path, rule, params, message } = issue as Record<string, unknown>;
      if (typeof path !== 'string' || typeof message !== 'string') return [];
      return [
        {
          path,
          rule: typeof rule === 'string' ? rule : undefined,
          params:
            typeof params === 'object' && params !== null && !Array.isArray(params)
              ? (params as Record<string, unknown>)
              : {},
          message,
        },
      ];
    });
  }
}

/** Status 0 marks "no HTTP answer": the server is down or the network is gone. */
export const NETWORK_ERROR_CODE = 'network-error';
/** The server answered 2xx but with a body our schema rejects. */
export const BAD_RESPONSE_CODE = 'bad-response';

export type ApiClientOptions = {
  /** '' in the browser (same origin); a loopback URL in tests, where jsdom has no real origin. */
  baseUrl: string;
  /** The CSRF token of the current session, sent on every non-GET request. */
  getCsrfToken: () => string | undefined;
  /**
   * Called when the cached session is no longer true: a request other than the session probe
   * answered 401 (the session ended), or 403 `csrf-failed` (the token changed, e.g. the server
   * restarted or another tab logged in). Re-reading the session fixes both.
   */
  onUnauthorized: () => void;
};

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Non-2xx statuses whose body is still a valid answer (e.g. 503 from /ready). */
  acceptStatuses?: number[];
};

export type ApiClient = {
  request<S extends z.ZodType>(
    path: string,
    schema: S,
    options?: RequestOptions,
  ): Promise<z.output<S>>;
  /** For answers without a body (204). */
  send(path: string, options?: RequestOptions): Promise<void>;
};

const SESSION_PATH = '/api/session';

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

async function readErrorBody(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : null;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    return new ApiError(
      response.status,
      typeof code === 'string' ? code : `http-${response.status}`,
      typeof message === 'string' ? message : response.statusText,
      typeof details === 'object' && details !== null
        ? (details as Record<string, unknown>)
        : undefined,
    );
  }
  return new ApiError(response.status, `http-${response.status}`, response.statusText);
}

/** The one fetch wrapper of the panel: same-origin, JSON, CSRF header, typed errors. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  async function call(path: string, init: RequestOptions): Promise<Response> {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const token = options.getCsrfToken();
      if (token) headers['X-CSRF-Token'] = token;
    }
    let response: Response;
    try {
      response = await fetch(buildUrl(options.baseUrl, path, init.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw new ApiError(0, NETWORK_ERROR_CODE, 'The server could not be reached.');
    }
    if (response.ok || init.acceptStatuses?.includes(response.status)) return response;
    const error = await readErrorBody(response);
    const isStale =
      (response.status === 401 && path !== SESSION_PATH) ||
      (response.status === 403 && error.code === 'csrf-failed');
    if (isStale) options.onUnauthorized();
    throw error;
  }

  return {
    async request(path, schema, init = {}) {
      const response = await call(path, init);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ApiError(
          response.status,
          BAD_RESPONSE_CODE,
          'The server sent a body that is not JSON.',
        );
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        throw new ApiError(response.status, BAD_RESPONSE_CODE, `Unexpected answer from ${path}.`);
      }
      return parsed.data;
    },
    async send(path, init = {}) {
      await call(path, init);
    },
  };
}
