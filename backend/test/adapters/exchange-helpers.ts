// Shared by the exchange-*.test.ts files: a real sim/exchange on loopback, the adapter pointed at
// it with a captured logger, and a recording proxy for what the sim's request log does not show
// (response headers) or cannot answer (a 200 of another shape).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { SimExchange, SimRequest } from '@spotdesk/sim-exchange';

import {
  createExchangeAdapter,
  type ExchangeAdapter,
  type ExchangeAdapterOptions,
} from '../../src/adapters/exchange/client.js';
import { createLogger } from '../../src/lib/logger.js';

export interface CapturedLog {
  logger: ExchangeAdapterOptions['logger'];
  text(): string;
  messages(): string[];
}

export function captureLogger(): CapturedLog {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return {
    logger,
    text: () => lines.join(''),
    messages: () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg),
  };
}

export function makeAdapter(
  restUrl: string,
  overrides: Partial<ExchangeAdapterOptions> = {},
): { adapter: ExchangeAdapter; log: CapturedLog } {
  const log = captureLogger();
  const adapter = createExchangeAdapter({ restUrl, logger: log.logger, ...overrides });
  return { adapter, log };
}

/** What the sim received on `path` (all paths when omitted), oldest first. */
export function received(sim: SimExchange, path?: string): SimRequest[] {
  return sim.control.requestLog(path ? { path } : {});
}

export const summary = (entries: SimRequest[]) =>
  entries.map((e) => `${e.method} ${e.path} ${e.status}`);

/**
 * Skews the sim's clock so that a 429 it sends now carries `Retry-After: seconds` (Binance's, and
 * the sim's, is the time to the next minute). Good for about 0.9 s after the call. Signed calls
 * need the adapter to measure the clock after this.
 */
export function retryAfterWillBe(sim: SimExchange, seconds: number): void {
  const wall = Date.now();
  const toNextMinute = 60_000 - (wall % 60_000);
  sim.control.setClockOffset(toNextMinute - (seconds * 1000 - 100));
}

export interface RecordedAnswer {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
}

const HOP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'content-encoding',
  'transfer-encoding',
]);

/** A loopback proxy to `target` that records each answer and may rewrite its body. */
export async function startProxy(
  target: string,
  rewrite: (path: string, body: string) => string = (_path, body) => body,
): Promise<{ url: string; answers: RecordedAnswer[]; close(): Promise<void> }> {
  const answers: RecordedAnswer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', target);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers.set(name, value);
        }
        const answer = await fetch(url, {
          method: req.method ?? 'GET',
          headers,
          body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        });
        const out: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!HOP_HEADERS.has(name)) out[name] = value;
        });
        answers.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          status: answer.status,
          headers: out,
        });
        res.writeHead(answer.status, out);
        res.end(rewrite(url.pathname, await answer.text()));
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
