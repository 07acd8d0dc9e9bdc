import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, startBot } from '../src/index.js';
import {
  apiClient,
  decodeJwt,
  launch,
  merge,
  signJwt,
  tempDir,
  waitFor,
} from './helpers/harness.js';

const DEAD_EXCHANGE = 'http://127.0.0.1:9';
const ORIGIN = 'http://panel.example:3000';
let bot;
let anon;

beforeAll(async () => {
  bot = await launch(DEAD_EXCHANGE, { api_server: { CORS_origins: [ORIGIN] } });
  anon = apiClient(bot.baseUrl, undefined);
});
afterAll(() => bot?.close());

const bearer = (t) => ({ headers: { authorization: `Bearer ${t}` } });
const now = () => Math.floor(Date.now() / 1000);

describe('authentication (contract §1.2–§1.4)', () => {
  it('§1.2 /ping is public', async () => {
    const r = await anon.get('/ping', { noAuth: true });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'pong' });
  });

  it('§1.4 no credentials → 401 Unauthorized without WWW-Authenticate', async () => {
    const r = await anon.get('/show_config', { noAuth: true });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Unauthorized' });
    expect(r.headers.get('www-authenticate')).toBeNull();
  });

  it('§1.4 wrong Basic credentials → 401 Unauthorized', async () => {
    const wrong = `Basic ${Buffer.from('freqtrader:nope').toString('base64')}`;
    const r = await bot.api.get('/show_config', { headers: { authorization: wrong } });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Unauthorized' });
  });

  it('§1.2 Basic auth works on protected endpoints', async () => {
    const r = await bot.api.get('/version');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ version: '2024.10' });
  });

  it('§1.4 /token/login without Basic → 401 Not authenticated, WWW-Authenticate: Basic', async () => {
    const r = await anon.post('/token/login', undefined, { noAuth: true });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Not authenticated' });
    expect(r.headers.get('www-authenticate')).toBe('Basic');
  });

  it('§1.4 /token/login with wrong credentials → Incorrect username or password', async () => {
    const wrong = `Basic ${Buffer.from('x:y').toString('base64')}`;
    const r = await bot.api.post('/token/login', undefined, { headers: { authorization: wrong } });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Incorrect username or password' });
  });

  it('§1.3 login returns exactly access+refresh tokens with Freqtrade payloads and lifetimes', async () => {
    const r = await bot.api.post('/token/login');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['access_token', 'refresh_token']);
    const access = decodeJwt(r.body.access_token);
    const refresh = decodeJwt(r.body.refresh_token);
    expect(access.identity).toEqual({ u: 'freqtrader' });
    expect(access.type).toBe('access');
    expect(access.exp - access.iat).toBe(15 * 60);
    expect(refresh.type).toBe('refresh');
    expect(refresh.exp - refresh.iat).toBe(30 * 24 * 3600);
    const header = JSON.parse(
      Buffer.from(r.body.access_token.split('.')[0], 'base64url').toString(),
    );
    expect(header.alg).toBe('HS256');
  });

  it('§1.2 a Bearer access token works; a refresh token as Bearer is rejected', async () => {
    const { access_token: access, refresh_token: refresh } = (await bot.api.post('/token/login'))
      .body;
    expect((await anon.get('/show_config', bearer(access))).status).toBe(200);
    const r = await anon.get('/show_config', bearer(refresh));
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Could not validate credentials' });
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('§1.2 a present Bearer token is the only thing checked (Basic ignored then)', async () => {
    const r = await anon.get('/show_config', { headers: { authorization: 'Bearer garbage' } });
    expect(r.status).toBe(401);
    expect(r.body.detail).toBe('Could not validate credentials');
  });

  it('§1.3 /token/refresh takes the refresh token and returns only access_token', async () => {
    const { access_token: access, refresh_token: refresh } = (await bot.api.post('/token/login'))
      .body;
    const ok = await anon.post('/token/refresh', undefined, bearer(refresh));
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body)).toEqual(['access_token']);
    expect(decodeJwt(ok.body.access_token).type).toBe('access');
    const bad = await anon.post('/token/refresh', undefined, bearer(access));
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ detail: 'Could not validate credentials' });
    expect(bad.headers.get('www-authenticate')).toBe('Bearer');
    const none = await anon.post('/token/refresh', undefined, { noAuth: true });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ detail: 'Could not validate credentials' });
  });

  it('§1.3 tokens are stateless: any token signed with the key is accepted, username not compared', async () => {
    const t = signJwt('sim-jwt-secret', {
      identity: { u: 'someone-else' },
      exp: now() + 60,
      iat: now(),
      type: 'access',
    });
    expect((await anon.get('/show_config', bearer(t))).status).toBe(200);
  });

  it('§1.3 expired, wrong-key and identity-less tokens are rejected', async () => {
    const expired = signJwt('sim-jwt-secret', {
      identity: { u: 'freqtrader' },
      exp: now() - 5,
      iat: now() - 100,
      type: 'access',
    });
    const wrongKey = signJwt('other', {
      identity: { u: 'freqtrader' },
      exp: now() + 60,
      iat: now(),
      type: 'access',
    });
    const noIdentity = signJwt('sim-jwt-secret', { exp: now() + 60, iat: now(), type: 'access' });
    for (const t of [expired, wrongKey, noIdentity]) {
      const r = await anon.get('/status', bearer(t));
      expect(r.status).toBe(401);
      expect(r.body.detail).toBe('Could not validate credentials');
    }
  });

  it('§1.2 /openapi.json is served unauthenticated; /docs falls through to the UI when disabled', async () => {
    const spec = await anon.get('/openapi.json', { noAuth: true });
    expect(spec.status).toBe(200);
    expect(spec.body.info.title).toBe('Freqtrade API');
    expect(spec.body.paths['/api/v1/show_config'].get).toBeDefined();
    expect(spec.body.paths['/api/v1/pause']).toBeUndefined();
    const docs = await anon.get('/docs', { noAuth: true });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
  });
});

describe('default jwt_secret_key (contract §1.1)', () => {
  it('signs with "super-secret" when jwt_secret_key is absent, and warns', async () => {
    const other = await launch(DEAD_EXCHANGE, { api_server: { jwt_secret_key: undefined } });
    try {
      const t = signJwt('super-secret', {
        identity: { u: 'x' },
        exp: now() + 60,
        iat: now(),
        type: 'access',
      });
      const r = await other.api.get('/show_config', bearer(t));
      expect(r.status).toBe(200);
      expect(other.output()).toContain('SECURITY WARNING - `jwt_secret_key` seems to be default');
    } finally {
      await other.close();
    }
  });
});

describe('api_server switches and start-up warnings (contract §1.1)', () => {
  it('enabled: false starts no API server; the bot still runs (reaches RUNNING)', async () => {
    const dir = tempDir();
    const config = merge(baseConfig({ dir, port: 0, exchangeUrl: DEAD_EXCHANGE }), {
      api_server: { enabled: false },
    });
    const off = await startBot({ config, dir, waitForPing: false });
    try {
      await waitFor(() => off.output().includes('Changing state to: RUNNING'));
      await expect(fetch(`${off.baseUrl}/api/v1/ping`)).rejects.toThrow();
      expect(off.output()).not.toContain('Starting HTTP Server');
    } finally {
      await off.close();
    }
  });

  it('a non-loopback listen_ip_address logs the SECURITY WARNING; an empty password warns and works', async () => {
    const open = await launch(DEAD_EXCHANGE, {
      api_server: { listen_ip_address: '0.0.0.0', password: '' },
    });
    try {
      expect(open.output()).toContain(
        'freqtrade.rpc.api_server.webserver - WARNING - SECURITY WARNING - Local Rest Server listening to external connections',
      );
      expect(open.output()).toContain(
        'SECURITY WARNING - No password for local REST Server defined. Please make sure that this is intentional!',
      );
      const emptyPass = `Basic ${Buffer.from('freqtrader:').toString('base64')}`;
      expect((await apiClient(open.baseUrl, emptyPass).get('/version')).status).toBe(200);
      // The loopback bot with a password logs neither.
      expect(bot.output()).not.toContain('listening to external connections');
      expect(bot.output()).not.toContain('No password for local REST Server');
    } finally {
      await open.close();
    }
  });
});

describe('CORS (contract §1.1 CORS_origins)', () => {
  it('an allowed origin gets the exact origin back with credentials', async () => {
    const r = await bot.api.get('/show_config', { headers: { origin: ORIGIN } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(r.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('a foreign origin gets no CORS headers', async () => {
    const r = await bot.api.get('/show_config', { headers: { origin: 'http://evil.example' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a preflight needs no auth and mirrors the requested headers', async () => {
    const r = await anon.call('OPTIONS', '/status', {
      noAuth: true,
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(r.headers.get('access-control-allow-headers')).toBe('authorization');
    expect(r.headers.get('access-control-allow-methods')).toContain('POST');
    const bad = await anon.call('OPTIONS', '/status', {
      noAuth: true,
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toBe('Disallowed CORS origin');
  });

  it('errors carry CORS headers too, so a browser can read the 401', async () => {
    const r = await anon.get('/status', { noAuth: true, headers: { origin: ORIGIN } });
    expect(r.status).toBe(401);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});
