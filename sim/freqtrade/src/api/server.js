import http from 'node:http';
import { HttpError, RpcError } from '../errors.js';
import { botRoutes } from './routes-bot.js';
import { dataRoutes } from './routes-data.js';
import { miscRoutes } from './routes-misc.js';
import { parseJsonBody } from './validate.js';
import { buildOpenApi } from './openapi.js';
import { handleSimControl } from './sim-control.js';

const PREFIX = '/api/v1';
const CORS_METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';
const FALLBACK_HTML =
  '<!DOCTYPE html><html><head><title>Freqtrade UI</title></head><body>' +
  '<p>Freqtrade UI not installed. (Spotdesk Freqtrade simulator)</p></body></html>';

function compile(route) {
  const names = [];
  const re = route.path.replace(/\{(\w+)\}/g, (_, n) => {
    names.push(n);
    return '([^/]+)';
  });
  return { ...route, re: new RegExp(`^${re}$`), names, auth: route.auth ?? 'user' };
}

export function routesFor(apiVersion) {
  return [...dataRoutes, ...botRoutes, ...miscRoutes]
    .filter((r) => !r.profile || r.profile === apiVersion)
    .map(compile);
}

function send(res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body, (_k, v) =>
    typeof v === 'number' && !Number.isFinite(v) ? null : v,
  );
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendText(res, status, text, type = 'text/plain; charset=utf-8', headers = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starlette CORSMiddleware with allow_credentials=True and "*" methods/headers. */
function applyCors(req, res, origins) {
  const origin = req.headers.origin;
  if (!origin) return false;
  const allowed = origins.includes(origin);
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    if (!allowed) {
      sendText(res, 400, 'Disallowed CORS origin', 'text/plain; charset=utf-8', { vary: 'Origin' });
      return true;
    }
    const headers = {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': CORS_METHODS,
      'access-control-max-age': '600',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    };
    const reqHeaders = req.headers['access-control-request-headers'];
    if (reqHeaders) headers['access-control-allow-headers'] = reqHeaders;
    sendText(res, 200, 'OK', 'text/plain; charset=utf-8', headers);
    return true;
  }
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'Origin');
  }
  return false;
}

async function dispatch(rt, req, res, url) {
  const path = url.pathname;
  if (path === '/openapi.json' && req.method === 'GET')
    return send(res, 200, buildOpenApi(rt.routes));
  if (!path.startsWith(`${PREFIX}/`)) {
    if (req.method !== 'GET') return send(res, 405, { detail: 'Method Not Allowed' });
    if (path === '/docs' && rt.bot.config.api_server.enable_openapi) {
      return sendText(
        res,
        200,
        '<!DOCTYPE html><html><head><title>Freqtrade API - Swagger UI</title></head><body><div id="swagger-ui" data-url="/openapi.json"></div></body></html>',
        'text/html; charset=utf-8',
      );
    }
    return sendText(res, 200, FALLBACK_HTML, 'text/html; charset=utf-8');
  }
  const sub = path.slice(PREFIX.length);
  const matches = rt.routes.filter((r) => r.re.test(sub));
  const route = matches.find((r) => r.method === req.method);
  if (!route) {
    // The UI catch-all is GET-only: unmatched GETs are 404, every other method 405.
    if (matches.length > 0 || req.method !== 'GET')
      return send(res, 405, { detail: 'Method Not Allowed' });
    return send(res, 404, { detail: 'Not Found' });
  }
  if (route.auth === 'user') rt.auth.requireUser(req);
  if (route.mode === 'T' && rt.bot.state === 'webserver')
    throw new RpcError('Bot is not in the correct state');
  const m = route.re.exec(sub);
  const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  const bodyText = await readBody(req);
  const ctx = {
    rt,
    req,
    params,
    searchParams: url.searchParams,
    query: Object.fromEntries(url.searchParams),
    json: async () => parseJsonBody(bodyText),
  };
  return send(res, 200, await route.handler(ctx));
}

async function handle(rt, req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/__sim/')) return handleSimControl(rt, req, res, url, readBody);
  rt.stats.request(req.method, url.pathname);
  const fault = rt.faults.take('http', url.pathname);
  if (fault) {
    if (fault.mode === 'latency') await new Promise((r) => setTimeout(r, fault.latency_ms));
    else if (fault.mode === 'error500') return sendText(res, 500, 'Internal Server Error');
    else if (fault.mode === 'garbage')
      return sendText(res, 200, '{"status": "po', 'application/json');
    else if (fault.mode === 'hang') return undefined;
    else if (fault.mode === 'silent') return req.socket.destroy();
    else if (fault.mode === 'crash') {
      rt.log.error(`Simulated crash (exit code ${fault.exit_code}).`);
      process.exit(fault.exit_code);
    }
  }
  if (applyCors(req, res, rt.bot.config.api_server.CORS_origins ?? [])) return undefined;
  try {
    await dispatch(rt, req, res, url);
  } catch (err) {
    if (err instanceof HttpError) return send(res, err.status, { detail: err.detail }, err.headers);
    if (err instanceof RpcError) {
      return send(res, 502, { error: `Error querying ${url.pathname}: ${err.message}` });
    }
    rt.log.error(`Exception in API handler for ${url.pathname}: ${err.stack ?? err}`);
    sendText(res, 500, 'Internal Server Error');
  }
  return undefined;
}

/**
 * The API server (uvicorn in Freqtrade). Resolves with { server, close } once listening, or
 * rejects with the bind error.
 */
export function startApiServer(rt) {
  const { listen_ip_address: host, listen_port: port } = rt.bot.config.api_server;
  const sockets = new Set();
  // uvicorn's access log is on unless api_server.verbosity is "error" (the code default).
  const access = (rt.bot.config.api_server.verbosity ?? 'error') !== 'error';
  const accessLog = rt.logger.get('uvicorn.access');
  const server = http.createServer((req, res) => {
    if (access) {
      res.on('finish', () => {
        const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
        const path = req.url.split('?')[0];
        accessLog.info(
          `${peer} - "${req.method} ${path} HTTP/${req.httpVersion}" ${res.statusCode}`,
        );
      });
    }
    handle(rt, req, res).catch(() => sendText(res, 500, 'Internal Server Error'));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://localhost');
    rt.stats.request(req.method, url.pathname);
    if (
      url.pathname !== `${PREFIX}/message/ws` ||
      !rt.auth.wsTokenOk(url.searchParams.get('token'))
    ) {
      const status = url.pathname === `${PREFIX}/message/ws` ? '403 Forbidden' : '404 Not Found';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    rt.hub.wss.handleUpgrade(req, socket, head, (ws) => rt.hub.wss.emit('connection', ws, req));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        server,
        close: () =>
          new Promise((done) => {
            rt.hub.closeAll();
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}
