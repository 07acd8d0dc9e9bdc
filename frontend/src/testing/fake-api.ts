import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CannedAnswer, FakeState, FakeUser } from './fake-api-state';
import { addUser, createFakeState } from './fake-api-state';
import { route } from './fake-api-routes';
import { serveStatic } from './serve-static';

export type FakeApi = {
  url: string;
  state: FakeState;
  addUser: (user: Pick<FakeUser, 'username' | 'password' | 'role'>) => FakeUser;
  /** Logs a user in on the server side, as if a session cookie already existed. */
  signIn: (user: FakeUser) => void;
  /** Answers `METHOD /path` with this status and body instead of the fake's own logic. */
  answer: (method: string, path: string, answer: CannedAnswer) => void;
  requestsTo: (method: string, path: string) => FakeState['requests'];
  close: () => Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A real HTTP server on 127.0.0.1 port 0 that plays the orchestrator's panel API (with CSRF,
 * roles and error bodies), so tests exercise the real fetch path instead of a stubbed one.
 */
export async function startFakeApi(options: { staticDir?: string } = {}): Promise<FakeApi> {
  const state = createFakeState();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const body = await readBody(req);
      const csrf = req.headers['x-csrf-token'];
      state.requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { 'x-csrf-token': typeof csrf === 'string' ? csrf : undefined },
        body,
      });
      const isApi = url.pathname.startsWith('/api/') || url.pathname === '/ready';
      if (options.staticDir && method === 'GET' && !isApi) {
        await serveStatic(options.staticDir, url.pathname, res);
        return;
      }
      const canned = state.canned.get(`${method} ${url.pathname}`);
      const answer =
        canned ??
        route(state, {
          method,
          path: url.pathname,
          query: url.searchParams,
          body,
          csrf: typeof csrf === 'string' ? csrf : undefined,
        });
      res.statusCode = answer.status;
      if (canned?.rawBody !== undefined) {
        res.setHeader('Content-Type', 'application/json');
        res.end(canned.rawBody);
      } else if (answer.body === undefined) {
        res.end();
      } else {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(answer.body));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    addUser: (user) => addUser(state, user),
    signIn: (user) => {
      state.sessionUserId = user.id;
    },
    answer: (method, path, answer) => state.canned.set(`${method} ${path}`, answer),
    requestsTo: (method, path) =>
      state.requests.filter((r) => r.method === method && r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
