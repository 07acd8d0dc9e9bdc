// One request through the Binance surface: faults, weight, matching, route, log.
import { STATUS_CODES } from 'node:http';

import { BinanceError } from './binance-error.js';
import { publicRoutes } from '../routes/public-routes.js';
import { signedRoutes } from '../routes/signed-routes.js';

const MAX_BODY = 1024 * 1024;
const JSON_TYPE = 'application/json;charset=UTF-8';

export const normalizeIp = (ip) => (ip ?? '').replace(/^::ffff:/, '');

export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new BinanceError(413, -1000, 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function send(res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function limitBody(status, limit, bannedUntil) {
  if (status === 418) {
    return {
      code: -1003,
      msg: `Way too much request weight used; IP banned until ${bannedUntil}. Please use WebSocket Streams for live updates to avoid bans.`,
    };
  }
  return {
    code: -1003,
    msg: `Too much request weight used; current limit is ${limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`,
  };
}

/** Answers a `status` fault the way Binance's front door would. */
export function faultResponse(fault, now) {
  if (fault.body !== null) return { status: fault.status, body: fault.body, headers: {} };
  if (fault.status === 429 || fault.status === 418) {
    return {
      status: fault.status,
      body: limitBody(fault.status, 6000, now + 120000),
      headers: { 'Retry-After': fault.status === 418 ? '120' : '60' },
    };
  }
  // 500 carries Binance's -1001; other 5xx answer like Binance's front end, with a plain-text
  // reason ("Service Unavailable.") that ccxt maps by status to ExchangeNotAvailable/RequestTimeout.
  if (fault.status === 500) {
    const msg = 'Internal error; unable to process your request. Please try again.';
    return { status: 500, body: { code: -1001, msg }, headers: {} };
  }
  if (fault.status > 500) {
    return {
      status: fault.status,
      body: `${STATUS_CODES[fault.status] ?? 'Server Error'}.`,
      headers: {},
    };
  }
  return {
    status: fault.status,
    body: { code: -1000, msg: 'An unknown error occurred while processing the request.' },
    headers: {},
  };
}

function mergeParams(rawQuery, rawBody, contentType) {
  const params = new URLSearchParams(rawQuery);
  if (rawBody && (!contentType || contentType.includes('application/x-www-form-urlencoded'))) {
    for (const [k, v] of new URLSearchParams(rawBody)) params.append(k, v);
  }
  const seen = new Set();
  for (const k of params.keys()) {
    if (seen.has(k))
      throw new BinanceError(400, -1101, 'Duplicate values for a parameter detected.');
    seen.add(k);
  }
  return params;
}

/** @param {any} ctx shared simulator state */
export function createRequestHandler(ctx) {
  const routes = { ...publicRoutes(ctx), ...signedRoutes(ctx) };

  return async function handleBinance(req, res, url) {
    const path = url.pathname;
    const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    const method = req.method ?? 'GET';
    const ip = normalizeIp(req.socket.remoteAddress);
    const apiKey =
      typeof req.headers['x-mbx-apikey'] === 'string' ? req.headers['x-mbx-apikey'] : null;
    const rawBody = await readBody(req).catch((e) => e);
    let now = ctx.clock.now();
    const entry = {
      time: now,
      ip,
      method,
      path,
      query: rawQuery,
      body: typeof rawBody === 'string' ? rawBody : '',
      apiKey,
      status: 0,
      weight: 0,
      fault: null,
    };
    const finish = (status, body, headers) => {
      entry.status = status;
      ctx.log.add(entry);
      send(res, status, body, headers);
    };
    if (rawBody instanceof BinanceError)
      return finish(rawBody.status, { code: rawBody.code, msg: rawBody.message });

    const fault = ctx.faults.take(method, path);
    if (fault) {
      entry.fault = fault.kind;
      if (fault.kind === 'latency') {
        await sleep(fault.latencyMs);
        now = ctx.clock.now();
      } else if (fault.kind === 'drop') {
        ctx.log.add(entry);
        req.socket.destroy();
        return undefined;
      } else if (fault.kind === 'hang') {
        ctx.log.add(entry);
        ctx.hanging.add(req.socket);
        req.socket.once('close', () => ctx.hanging.delete(req.socket));
        return undefined;
      } else if (fault.kind === 'malformed') {
        return finish(200, '{"serverTime":17000000,"symbols":[{"symbol":"BTC');
      } else {
        const r = faultResponse(fault, now);
        return finish(r.status, r.body, r.headers);
      }
    }

    const route = routes[`${method} ${path}`];
    let params;
    try {
      params = mergeParams(rawQuery, entry.body, req.headers['content-type']);
    } catch (e) {
      return finish(e.status, { code: e.code, msg: e.message });
    }
    const weight = route
      ? typeof route.weight === 'function'
        ? route.weight(params)
        : route.weight
      : 1;
    entry.weight = weight;
    const limiter = route?.sapi ? ctx.sapiLimiter : ctx.limiter;
    const rl = limiter.take(ip, weight, now);
    const headers = {
      [route?.sapi ? 'X-SAPI-USED-IP-WEIGHT-1M' : 'X-MBX-USED-WEIGHT-1M']: String(rl.used),
    };
    if (rl.status !== 200) {
      const limit = route?.sapi ? ctx.options.sapiWeightLimit : ctx.options.weightLimit;
      return finish(rl.status, limitBody(rl.status, limit, rl.bannedUntil), {
        ...headers,
        'Retry-After': String(rl.retryAfter),
      });
    }
    if (!route)
      return finish(404, { code: -1000, msg: `Unknown endpoint ${method} ${path}.` }, headers);

    try {
      ctx.engine.matchAll(now);
      const body = route.handle({ params, rawQuery, rawBody: entry.body, now, ip, apiKey });
      return finish(200, body, headers);
    } catch (e) {
      if (e instanceof BinanceError)
        return finish(e.status, { code: e.code, msg: e.message }, headers);
      process.stderr.write(`sim-exchange: ${method} ${path} failed: ${e?.stack ?? e}\n`);
      return finish(
        500,
        { code: -1000, msg: 'An unknown error occurred while processing the request.' },
        headers,
      );
    }
  };
}
