import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

import { loadEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/lib/logger.js';
import type { MarketServiceOptions } from '../../src/services/market-service.js';
import { startServer, type RunningServer } from '../../src/server.js';

import { makeTempDir } from './temp-dir.js';

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(start = Date.parse('2026-01-05T10:00:00Z')): TestClock {
  let current = start;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

export interface TestApp {
  baseUrl: string;
  dataDir: string;
  clock: TestClock;
  running: RunningServer;
  /** Every log line written so far, as text (to assert that secrets never appear). */
  logText(): string;
  /** The one-time setup token, read the way an operator would: from <data>/run/setup-token. */
  setupToken(): string;
  close(): Promise<void>;
}

/**
 * The real composition (startServer) on a temp data dir, listening on 127.0.0.1:0.
 * `env` adds or overrides SPOTDESK_* variables; supervisord defaults to a socket that does not exist.
 */
export async function startApp(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    wsHeartbeatMs?: number;
    /** The monitor's background sync of each running bot (default 10 s). */
    monitorPollMs?: number;
    /** The market feed's periods (default: production's). */
    marketOptions?: MarketServiceOptions;
    /** The wall clock instead of the test clock: for real bot processes, which live in real time. */
    realClock?: boolean;
  } = {},
): Promise<TestApp> {
  const temp = options.dataDir ? null : makeTempDir('spotdesk-app-');
  const dataDir = options.dataDir ?? temp!.path;
  const clock: TestClock = options.realClock
    ? {
        now: Date.now,
        advance: () => {
          throw new Error('a real clock cannot be advanced');
        },
      }
    : createClock();
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const env = loadEnv({
    SPOTDESK_DATA_DIR: dataDir,
    SPOTDESK_PORT: '0',
    SPOTDESK_FRONTEND_DIR: path.join(dataDir, 'no-frontend'),
    // Loopback only: a port nothing listens on, unless a test starts sim/exchange and says so.
    SPOTDESK_BINANCE_URL: 'http://127.0.0.1:9',
    SPOTDESK_BINANCE_WS_URL: 'ws://127.0.0.1:9/stream/ws',
    ...options.env,
  });
  let running: RunningServer;
  try {
    running = await startServer(env, createLogger('info', sink), {
      now: clock.now,
      wsHeartbeatMs: options.wsHeartbeatMs,
      monitorPollMs: options.monitorPollMs,
      marketOptions: options.marketOptions,
    });
  } catch (error) {
    temp?.remove();
    throw error;
  }
  return {
    baseUrl: running.url,
    dataDir,
    clock,
    running,
    logText: () => lines.join(''),
    setupToken: () => readFileSync(path.join(dataDir, 'run', 'setup-token'), 'utf8').trim(),
    async close() {
      await running.close();
      temp?.remove();
    },
  };
}
