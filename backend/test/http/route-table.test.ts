import { startExchange, type SimExchange } from '@spotdesk/sim-exchange';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, setUpAdmin, signIn } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

interface RouteEntry {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

// Routers are mounted at the root with full paths, so walking the stack yields the real table.
function collectRoutes(stack: Layer[]): RouteEntry[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { path, methods } = layer.route;
      return Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path }));
    }
    return layer.handle?.stack ? collectRoutes(layer.handle.stack) : [];
  });
}

const PUBLIC = new Set([
  'GET /health',
  'GET /ready',
  'GET /api/session',
  'POST /api/setup',
  'POST /api/auth/login',
]);
// Signing out and changing one's own password act on the caller's own account, so viewers may.
const SELF_SERVICE = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let app: TestApp;
let exchange: SimExchange;
let routes: RouteEntry[];
let viewer: Browser;

beforeAll(async () => {
  exchange = await startExchange({ seed: 3 });
  app = await startApp({ env: { SPOTDESK_BINANCE_URL: exchange.httpUrl } });
  const admin = await setUpAdmin(app.baseUrl, app.setupToken());
  // Bot 1 exists, so GET /api/bots/:id routes answer for real.
  const created = await admin.post('/api/bots', {
    name: 'Route walker',
    strategy: 'EmaCrossStrategy',
    timeframe: '5m',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 1,
    maxExposure: 20,
  });
  expect(created.status, created.text).toBe(201);
  await admin.post('/api/users', {
    username: 'vera',
    password: 'viewer passphrase 42',
    role: 'viewer',
  });
  viewer = await signIn(app.baseUrl, 'vera', 'viewer passphrase 42');
  const express = app.running.server.listeners('request')[0] as Express;
  routes = collectRoutes((express as unknown as { router: { stack: Layer[] } }).router.stack);
});
afterAll(async () => {
  await app.close();
  await exchange.close();
});

const concrete = (path: string) => path.replace(/:(\w+)/g, '1');

describe('route table', () => {
  it('when walked, then it holds the known routes (the walk really sees the table)', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);

    expect(names).toEqual(
      expect.arrayContaining([
        ...PUBLIC,
        ...SELF_SERVICE,
        'GET /api/users',
        'DELETE /api/users/:id',
        'GET /api/audit',
        'GET /api/system',
      ]),
    );
  });

  it('when called without a session, then every non-public route answers 401', async () => {
    const anonymous = new Browser(app.baseUrl);
    await anonymous.refreshSession();
    const protectedRoutes = routes.filter((r) => !PUBLIC.has(`${r.method} ${r.path}`));
    expect(protectedRoutes.length).toBeGreaterThan(5);

    for (const route of protectedRoutes) {
      const reply = await anonymous.request(route.method, concrete(route.path), { body: {} });
      expect({ route, status: reply.status, code: reply.body?.error?.code }).toEqual({
        route,
        status: 401,
        code: 'unauthenticated',
      });
    }
  });

  it('when a viewer calls any state-changing route, then 403 forbidden', async () => {
    const unsafe = routes.filter(
      (r) =>
        UNSAFE.has(r.method) &&
        !PUBLIC.has(`${r.method} ${r.path}`) &&
        !SELF_SERVICE.has(`${r.method} ${r.path}`),
    );
    expect(unsafe.length).toBeGreaterThan(1);

    for (const route of unsafe) {
      const reply = await viewer.request(route.method, concrete(route.path), { body: {} });
      expect({ route, status: reply.status, code: reply.body?.error?.code }).toEqual({
        route,
        status: 403,
        code: 'forbidden',
      });
    }
  });

  it('when a viewer reads every GET route, then none is forbidden', async () => {
    const reads = routes.filter((r) => r.method === 'GET');

    // Reads that need a query answer 400 for its absence: past the guard, so not forbidden.
    // `/api/market/pairs/1` is not a pair: 400 too, past the guard.
    const needsQuery = new Set(['/api/bots/:id/candles', '/api/market/pairs/:pair']);
    for (const route of reads) {
      const reply = await viewer.get(concrete(route.path));
      expect({ route, status: reply.status }).toEqual({
        route,
        status: route.path === '/ready' ? 503 : needsQuery.has(route.path) ? 400 : 200,
      });
    }
  });
});
