import type { FakeState, FakeUser } from './fake-api-state';
import { addUser, publicUser, rotateCsrf } from './fake-api-state';

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

/** Missing string fields → 400 `validation-failed` with one issue per field, as the backend does. */
function requireFields(body: unknown, names: string[]): FakeResponse | null {
  const issues = names
    .filter((name) => !field(body, name))
    .map((path) => ({ path, message: 'Required' }));
  return issues.length ? fail(400, 'validation-failed', 'Invalid request', { issues }) : null;
}

function weakPassword(password: string): FakeResponse | null {
  return password.length < 10
    ? fail(400, 'weak-password', 'Password must be at least 10 characters long.')
    : null;
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
    if (!state.setupRequired) return fail(409, 'already-set-up', 'Already set up');
    const invalid = requireFields(body, ['setupToken', 'username', 'password']);
    if (invalid) return invalid;
    if (field(body, 'setupToken') !== state.setupToken) {
      return fail(403, 'invalid-setup-token', 'Invalid setup token');
    }
    const weak = weakPassword(field(body, 'password') ?? '');
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
    const invalid = requireFields(body, ['username', 'password']);
    if (invalid) return invalid;
    if (state.users.some((u) => u.username === field(body, 'username'))) {
      return fail(409, 'username-taken', 'Username taken');
    }
    const weak = weakPassword(field(body, 'password') ?? '');
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
    if (id === user.id) return fail(409, 'conflict', 'You cannot remove yourself');
    if (!state.users.some((u) => u.id === id)) return fail(404, 'not-found', 'No such user');
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
    const invalid = requireFields(body, ['currentPassword', 'newPassword']);
    if (invalid) return invalid;
    if (field(body, 'currentPassword') !== user.password) {
      return fail(401, 'invalid-credentials', 'Current password is wrong');
    }
    const weak = weakPassword(field(body, 'newPassword') ?? '');
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
  return userRoutes(state, req, user) ?? fail(404, 'not-found', `No route ${method} ${path}`);
}
