import { z } from 'zod';

// The orchestrator's own validation, not a copy of it: its field schemas, zod-issue mapping,
// password policy and error classes, so every refusal here has the exact shape and rules it sends.
import type { AppError } from '../../../backend/src/domain/errors';
import { ValidationError } from '../../../backend/src/domain/errors';
import { issuesFromZod } from '../../../backend/src/http/middleware/zod-issues';
import { passwordField, usernameField } from '../../../backend/src/http/routes/fields';
import { assertStrongPassword } from '../../../backend/src/services/password-policy';
import { assistantRoutes } from './fake-api-assistant';
import { botPageRoutes } from './fake-api-bot-page';
import { botRoutes } from './fake-api-bots';
import type { BotRequest } from './fake-api-bots';
import { marketRoutes } from './fake-api-market';
import { monitorRoutes } from './fake-api-monitor';
import { settingsRoutes } from './fake-api-settings';
import type { FakeState, FakeUser } from './fake-api-state';
import { addUser, publicUser, rotateCsrf } from './fake-api-state';
import { botView } from './fake-bots-state';

export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  csrf?: string;
};
export type FakeResponse = { status: number; body?: unknown };

function fail(status: number, code: string, message: string, details?: object): FakeResponse {
  return { status, body: { error: { code, message, ...(details ? { details } : {}) } } };
}

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function failWith(error: AppError): FakeResponse {
  return fail(error.httpStatus, error.code, error.message, error.details);
}

// The request bodies of backend/src/http/routes/auth.ts and users.ts, from the same fields.
const BODIES = {
  setup: z.object({
    setupToken: z.string().min(1).max(200),
    username: usernameField,
    password: passwordField,
  }),
  login: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) }),
  password: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordField }),
  addUser: z.object({
    username: usernameField,
    password: passwordField,
    role: z.enum(['viewer', 'admin']).default('viewer'),
  }),
};

/** 400 `validation-failed` as the backend's validate middleware answers it, or null when valid. */
function invalidBody(schema: z.ZodType, body: unknown): FakeResponse | null {
  const input = body ?? {};
  const result = schema.safeParse(input);
  if (result.success) return null;
  return failWith(new ValidationError(issuesFromZod(result.error.issues, 'body', input)));
}

/** 400 `weak-password` from the backend's own policy, or null when the password is strong. */
function weakPassword(password: string, username: string, path?: string): FakeResponse | null {
  try {
    assertStrongPassword(password, username, path);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return failWith(error);
    throw error;
  }
}

function sessionUser(state: FakeState): FakeUser | undefined {
  return state.users.find((user) => user.id === state.sessionUserId);
}

function startSession(state: FakeState, user: FakeUser): void {
  state.sessionUserId = user.id;
  rotateCsrf(state);
}

function auditPage(state: FakeState, query: URLSearchParams): FakeResponse {
  const limit = Number(query.get('limit') ?? 100);
  const offset = Number(query.get('cursor') ?? 0);
  const matches = state.audit.filter(
    (item) =>
      (!query.get('actor') || item.actor.username === query.get('actor')) &&
      (!query.get('action') || item.action === query.get('action')) &&
      (!query.get('from') || item.at >= (query.get('from') ?? '')) &&
      (!query.get('to') || item.at <= (query.get('to') ?? '')),
  );
  const items = matches.slice(offset, offset + limit);
  const next = offset + limit < matches.length ? String(offset + limit) : null;
  return { status: 200, body: { items, nextCursor: next } };
}

function publicRoutes(state: FakeState, req: FakeRequest): FakeResponse | null {
  const { method, path, body } = req;
  if (method === 'GET' && path === '/api/session') {
    const user = sessionUser(state);
    return {
      status: 200,
      body: {
        setupRequired: state.setupRequired,
        user: user ? publicUser(user) : null,
        csrfToken: state.csrfToken,
        instance: state.instance,
      },
    };
  }
  if (method === 'GET' && path === '/ready') {
    return { status: state.ready.status === 'ready' ? 200 : 503, body: state.ready };
  }
  if (method === 'POST' && path === '/api/setup') {
    const invalid = invalidBody(BODIES.setup, body);
    if (invalid) return invalid;
    if (!state.setupRequired) return fail(409, 'already-set-up', 'Already set up');
    if (field(body, 'setupToken') !== state.setupToken) {
      return fail(403, 'invalid-setup-token', 'Invalid setup token');
    }
    const weak = weakPassword(field(body, 'password') ?? '', field(body, 'username') ?? '');
    if (weak) return weak;
    const user = addUser(state, {
      username: field(body, 'username') ?? '',
      password: field(body, 'password') ?? '',
      role: 'admin',
    });
    state.setupRequired = false;
    startSession(state, user);
    return { status: 201, body: { user: publicUser(user) } };
  }
  if (method === 'POST' && path === '/api/auth/login') {
    const invalid = invalidBody(BODIES.login, body);
    if (invalid) return invalid;
    if (state.loginThrottleSeconds > 0) {
      return fail(429, 'too-many-attempts', 'Too many attempts', {
        retryAfterSeconds: state.loginThrottleSeconds,
      });
    }
    const user = state.users.find(
      (u) => u.username === field(body, 'username') && u.password === field(body, 'password'),
    );
    if (!user) return fail(401, 'invalid-credentials', 'Invalid username or password');
    startSession(state, user);
    return { status: 200, body: { user: publicUser(user) } };
  }
  return null;
}

function userRoutes(state: FakeState, req: FakeRequest, user: FakeUser): FakeResponse | null {
  const { method, path, body } = req;
  if (method === 'GET' && path === '/api/users') {
    return {
      status: 200,
      body: state.users.map((u) => ({ ...publicUser(u), createdAt: u.createdAt })),
    };
  }
  if (method === 'POST' && path === '/api/users') {
    if (user.role !== 'admin') return fail(403, 'forbidden', 'Forbidden');
    const invalid = invalidBody(BODIES.addUser, body);
    if (invalid) return invalid;
    if (state.users.some((u) => u.username === field(body, 'username'))) {
      return fail(409, 'username-taken', 'Username taken');
    }
    const weak = weakPassword(field(body, 'password') ?? '', field(body, 'username') ?? '');
    if (weak) return weak;
    const created = addUser(state, {
      username: field(body, 'username') ?? '',
      password: field(body, 'password') ?? '',
      role: 'viewer',
    });
    return { status: 201, body: { ...publicUser(created), createdAt: created.createdAt } };
  }
  const removal = /^\/api\/users\/(\d+)$/.exec(path);
  if (method === 'DELETE' && removal) {
    if (user.role !== 'admin') return fail(403, 'forbidden', 'Forbidden');
    const id = Number(removal[1]);
    const target = state.users.find((u) => u.id === id);
    if (!target) return fail(404, 'user-not-found', `no user with id ${id}`);
    if (id === user.id)
      return fail(409, 'cannot-remove-self', 'you cannot remove your own account');
    const admins = state.users.filter((u) => u.role === 'admin').length;
    if (target.role === 'admin' && admins <= 1) {
      return fail(409, 'last-admin', 'the last admin cannot be removed');
    }
    state.users = state.users.filter((u) => u.id !== id);
    return { status: 204 };
  }
  return null;
}

/** The orchestrator's HTTP API as the panel's contract describes it, on in-memory state. */
export function route(state: FakeState, req: FakeRequest): FakeResponse {
  if (req.method !== 'GET' && req.csrf !== state.csrfToken) {
    return fail(403, 'csrf-failed', 'CSRF token missing or wrong');
  }
  const open = publicRoutes(state, req);
  if (open) return open;
  const user = sessionUser(state);
  if (!user) return fail(401, 'unauthenticated', 'Log in first');
  const { method, path, body } = req;
  if (method === 'POST' && path === '/api/auth/logout') {
    state.sessionUserId = null;
    rotateCsrf(state);
    return { status: 204 };
  }
  if (method === 'POST' && path === '/api/auth/password') {
    const invalid = invalidBody(BODIES.password, body);
    if (invalid) return invalid;
    if (field(body, 'currentPassword') !== user.password) {
      return fail(401, 'invalid-credentials', 'Current password is wrong');
    }
    const weak = weakPassword(field(body, 'newPassword') ?? '', user.username, 'newPassword');
    if (weak) return weak;
    user.password = field(body, 'newPassword') ?? '';
    rotateCsrf(state);
    return { status: 204 };
  }
  if (method === 'GET' && path === '/api/system') {
    return {
      status: 200,
      body: {
        version: state.instance.version,
        startedAt: state.startedAt,
        dataDir: '/data',
        simulation: state.instance.simulation,
        liveTradingEnabled: state.instance.liveTradingEnabled,
        supervisord: state.supervisord,
      },
    };
  }
  if (method === 'GET' && path === '/api/audit') return auditPage(state, req.query);
  const botRequest: BotRequest = {
    ...req,
    user,
    publish: (bot) => state.publish('bots', { bot: botView(state.bots, bot) }, bot.id),
  };
  return (
    userRoutes(state, req, user) ??
    // Before botRoutes, whose /api/bots/:id/<action> pattern would claim these paths.
    botPageRoutes(state, botRequest) ??
    botRoutes(state.bots, botRequest) ??
    monitorRoutes(state, botRequest) ??
    marketRoutes(state, botRequest) ??
    // Before settingsRoutes, which refuses a viewer's write to any /api/settings/ path.
    assistantRoutes(state, botRequest) ??
    settingsRoutes(state.bots, botRequest) ??
    fail(404, 'not-found', `No route ${method} ${path}`)
  );
}
