import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CannedAnswer, FakeState, FakeUser } from './fake-api-state';
import { addUser, createFakeState, publicUser } from './fake-api-state';
import { route } from './fake-api-routes';
import { botView } from './fake-bots-state';
import type { FakeWsHub } from './fake-ws';
import { createFakeWsHub } from './fake-ws';
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
  /** The panel WebSocket at /api/ws. */
  ws: FakeWsHub;
  /** Changes a bot as the reconciler would (state, figures…) and publishes it on `bots`. */
  changeBot: (id: number, change: (bot: FakeState['bots']['bots'][number]) => void) => void;
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
  const ws = createFakeWsHub();
  state.publish = (channel, payload, botId) => ws.publish(channel, payload, botId);
  server.on('upgrade', (req, socket) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/ws') {
      socket.destroy();
      return;
    }
    const user = state.users.find((u) => u.id === state.sessionUserId);
    ws.upgrade(req, socket, user ? publicUser(user) : null);
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
    ws,
    changeBot: (id, change) => {
      const bot = state.bots.bots.find((b) => b.id === id);
      if (!bot) throw new Error(`the fake has no bot ${id}`);
      change(bot);
      ws.publish('bots', { bot: botView(state.bots, bot) }, id);
    },
    close: () =>
      new Promise<void>((resolve) => {
        ws.dropAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
