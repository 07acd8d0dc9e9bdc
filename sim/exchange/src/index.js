// startExchange: the whole simulator on one HTTP server (REST, WebSocket streams, control surface).
import { STATUS_CODES, createServer } from 'node:http';

import { createControl } from './control/control.js';
import { createControlHandler, isControlPath } from './control/control-routes.js';
import { createAccounts } from './engine/accounts.js';
import { createMatchingEngine } from './engine/matching-engine.js';
import { createFaults } from './http/faults.js';
import { createRateLimiter } from './http/rate-limiter.js';
import { createRequestHandler, faultResponse, readBody } from './http/request-handler.js';
import { createRequestLog } from './http/request-log.js';
import { selectMarkets } from './market/catalogue.js';
import { createMarketData } from './market/market-data.js';
import { resolveOptions } from './options.js';
import { createStreamServer } from './ws/stream-server.js';

const MATCH_EVERY_MS = 250;

function upgradeWithFault(ctx, streams, req, socket, head, url) {
  const fault = ctx.faults.take('GET', url.pathname);
  const proceed = () => {
    if (!streams.handleUpgrade(req, socket, head, url)) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    }
  };
  if (!fault) return proceed();
  if (fault.kind === 'latency') return setTimeout(proceed, fault.latencyMs);
  if (fault.kind === 'hang') {
    ctx.hanging.add(socket);
    socket.once('close', () => ctx.hanging.delete(socket));
    return undefined;
  }
  if (fault.kind === 'status') {
    const r = faultResponse(fault, ctx.clock.now(), ctx.options);
    const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    const head = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`);
    return socket.end(
      `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? 'Fault'}\r\n${head.join('')}Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  }
  return socket.destroy();
}

/**
 * Starts the simulator.
 * @param {object} [input] see README "Use it from tests"
 * @returns {Promise<{httpUrl:string, wsUrl:string, port:number, control:ReturnType<typeof createControl>, close:() => Promise<void>}>}
 */
export async function startExchange(input = {}) {
  const options = resolveOptions(input);
  const markets = selectMarkets(options.symbols);
  const clock = { offsetMs: options.clockOffsetMs, now: () => Date.now() + clock.offsetMs };
  const data = createMarketData({
    markets,
    seed: options.seed,
    speed: options.speed,
    startMs: Date.now(),
  });
  const accounts = createAccounts(options.keys);
  const ctx = {
    options,
    markets,
    clock,
    data,
    accounts,
    engine: createMatchingEngine({ markets, data, accounts }),
    faults: createFaults(),
    log: createRequestLog({ echo: options.logRequests }),
    limiter: createRateLimiter(options),
    sapiLimiter: createRateLimiter({ ...options, weightLimit: options.sapiWeightLimit }),
    hanging: new Set(),
  };
  const control = createControl(ctx);
  const handleControl = createControlHandler(control);
  const handleBinance = createRequestHandler(ctx);
  const streams = createStreamServer(ctx);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    if (isControlPath(url.pathname)) {
      readBody(req).then(
        (body) => handleControl(req, res, url, body),
        () => res.destroy(),
      );
      return;
    }
    handleBinance(req, res, url).catch((e) => {
      process.stderr.write(`sim-exchange: ${e?.stack ?? e}\n`);
      if (!res.headersSent) res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    upgradeWithFault(ctx, streams, req, socket, head, new URL(req.url ?? '/', 'http://sim.local'));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const matcher = setInterval(() => ctx.engine.matchAll(clock.now()), MATCH_EVERY_MS);
  matcher.unref();

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing;
  return {
    httpUrl: `http://${hostPart}:${port}`,
    wsUrl: `ws://${hostPart}:${port}`,
    port,
    control,
    close() {
      closing ??= (async () => {
        clearInterval(matcher);
        for (const socket of ctx.hanging) socket.destroy();
        await streams.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      })();
      return closing;
    },
  };
}
