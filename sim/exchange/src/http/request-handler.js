// One request through the Binance surface: faults, weight, matching, route, log.
import { STATUS_CODES } from 'node:http';

import { BinanceError } from './binance-error.js';
import { publicRoutes } from '../routes/public-routes.js';
import { signedRoutes } from '../routes/signed-routes.js';

const MAX_BODY = 1024 * 1024;
const JSON_TYPE = 'application/json;charset=UTF-8';
const MALFORMED_BODY = '{"serverTime":17000000,"symbols":[{"symbol":"BTC';
// Plain-text error pages (the 5xx a front end sends) are labelled as text, not as JSON.
const TEXT_TYPE = 'text/plain;charset=UTF-8';

/** The Content-Type for a body: objects are JSON; a string is JSON only if it parses as JSON. */
export function contentTypeFor(body) {
  if (typeof body !== 'string') return JSON_TYPE;
  try {
    JSON.parse(body);
    return JSON_TYPE;
  } catch {
    return TEXT_TYPE;
  }
}

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
    'Content-Type': contentTypeFor(body),
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

/**
 * Answers a `status` fault the way Binance's front door would.
 * @param {{status:number, body:string|null}} fault
 * @param {number} now server clock (ms)
 * @param {{weightLimit:number, banSeconds:number}} options
 * @returns {{status:number, body:string|object, headers:Record<string,string>}}
 */
export function faultResponse(fault, now, options) {
  const answer = (status, body, headers = {}) => ({
    status,
    body,
    headers: { 'Content-Type': contentTypeFor(body), ...headers },
  });
  if (fault.body !== null) return answer(fault.status, fault.body);
  if (fault.status === 429) {
    const retryAfter = Math.max(1, Math.ceil((60000 - (now % 60000)) / 1000));
    return answer(429, limitBody(429, options.weightLimit, 0), {
      'Retry-After': String(retryAfter),
    });
  }
  if (fault.status === 418) {
    const bannedUntil = now + options.banSeconds * 1000;
    return answer(418, limitBody(418, options.weightLimit, bannedUntil), {
      'Retry-After': String(options.banSeconds),
    });
  }
  // 500 carries Binance's -1001; other 5xx answer like Binance's front end, with a plain-text
  // reason ("Service Unavailable.") that ccxt maps by status to ExchangeNotAvailable/RequestTimeout.
  if (fault.status === 500) {
    const msg = 'Internal error; unable to process your request. Please try again.';
    return answer(500, { code: -1001, msg });
  }
  if (fault.status > 500) {
    return answer(fault.status, `${STATUS_CODES[fault.status] ?? 'Server Error'}.`);
  }
  return answer(fault.status, {
    code: -1000,
    msg: 'An unknown error occurred while processing the request.',
  });
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
    const route = routes[`${method} ${path}`];
    const limiter = route?.sapi ? ctx.sapiLimiter : ctx.limiter;
    const weightHeader = route?.sapi ? 'X-SAPI-USED-IP-WEIGHT-1M' : 'X-MBX-USED-WEIGHT-1M';
    const weightLimit = route?.sapi ? ctx.options.sapiWeightLimit : ctx.options.weightLimit;
    // Answers that never reach the route (faults, unreadable body, duplicate parameters) report
    // the IP's used weight without adding to it.
    const usedHeaders = () => ({ [weightHeader]: String(limiter.usedWeight(ip, now)) });
    const finish = (status, body, headers = usedHeaders()) => {
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
        // A truncated JSON answer: still labelled JSON, as a cut-off real answer would be.
        return finish(200, MALFORMED_BODY, { ...usedHeaders(), 'Content-Type': JSON_TYPE });
      } else {
        const r = faultResponse(fault, now, { weightLimit, banSeconds: ctx.options.banSeconds });
        return finish(r.status, r.body, { ...usedHeaders(), ...r.headers });
      }
    }

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
    const rl = limiter.take(ip, weight, now);
    const headers = { [weightHeader]: String(rl.used) };
    if (rl.status !== 200) {
      return finish(rl.status, limitBody(rl.status, weightLimit, rl.bannedUntil), {
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
