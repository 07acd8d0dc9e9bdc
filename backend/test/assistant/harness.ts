// The assistant service on a real temp SQLite DB with the real repos, secret store and audit
// service, talking to the OpenAI-compatible test server; the market feed is a fixed snapshot
// parsed with the market API's own schema (until these tests go through the real feed).
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

import { createAssistantRepo } from '../../src/db/repos/assistant-repo.js';
import { createAuditRepo } from '../../src/db/repos/audit-repo.js';
import { createBotRepo } from '../../src/db/repos/bot-repo.js';
import { createMirrorRepo } from '../../src/db/repos/mirror-repo.js';
import { createSecretRepo } from '../../src/db/repos/secret-repo.js';
import { createSettingsRepo } from '../../src/db/repos/settings-repo.js';
import type { BotSettings } from '../../src/domain/bot.js';
import { botSettingsSchema } from '../../src/http/routes/bots.js';
import { snapshotSchema, type MarketSnapshot } from '../../src/http/routes/market-schemas.js';
import { createLogger } from '../../src/lib/logger.js';
import {
  createAssistantService,
  type AssistantDeps,
} from '../../src/services/assistant/assistant-service.js';
import { createAuditService } from '../../src/services/audit-service.js';
import { createSecretStore } from '../../src/services/secret-store.js';
import { createClock, type TestClock } from '../helpers/start-app.js';
import { createTempDb, type TempDb } from '../helpers/temp-db.js';

/** BTC/USDT on 1h, every indicator warm, a trend-up regime. */
export const SNAPSHOT: MarketSnapshot = snapshotSchema.parse({
  pair: 'BTC/USDT',
  timeframe: '1h',
  source: 'stream',
  updatedAt: Date.parse('2026-01-05T09:59:00Z'),
  stale: false,
  ticker: {
    last: 67123.4512,
    bid: 67123.4,
    ask: 67123.5,
    change24hPct: 2.3456,
    volume24hQuote: 1234567890.12,
    high24h: 67900.1,
    low24h: 65010.9,
    at: Date.parse('2026-01-05T09:59:00Z'),
  },
  indicators: {
    close: 67123.4512,
    rsi14: 72.41,
    ema9: 67000.1,
    ema21: 66800.5,
    ema50: 66000.25,
    ema200: 61000.75,
    macd: 120.5,
    macdSignal: 100.25,
    macdHistogram: 20.25,
    atr14: 512.34,
    bollingerUpper: 68000,
    bollingerMiddle: 66500,
    bollingerLower: 65000,
    volume: 1830,
    volumeAverage20: 1000,
    volumeRatio: 1.83,
  },
  regime: {
    label: 'trend-up',
    rule: 'ema-stack-up',
    numbers: { atrPct: 0.76, ema50Slope: 0.0123 },
  },
  issue: null,
});

export const API_KEY = 'sk-test-SECRET-7c1f9e2ab4d8';

export interface Harness {
  db: TempDb;
  clock: TestClock;
  service: ReturnType<typeof createAssistantService>;
  logText(): string;
  /** Every audit row, as JSON text. */
  auditText(): string;
  addBot(over?: Partial<BotSettings>): ReturnType<ReturnType<typeof createBotRepo>['insert']>;
  mirror: ReturnType<typeof createMirrorRepo>;
  cleanup(): void;
}

export function createHarness(
  options: {
    env?: Partial<AssistantDeps['env']>;
    snapshot?: MarketSnapshot;
    timeoutMs?: number;
    cacheTtlMs?: number;
  } = {},
): Harness {
  const db = createTempDb();
  const clock = createClock();
  const lines: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const secrets = createSecretStore({
    repo: createSecretRepo(db.db),
    key: randomBytes(32),
    now: clock.now,
  });
  const bots = createBotRepo(db.db);
  const mirror = createMirrorRepo(db.db);
  let port = 18_100;
  const service = createAssistantService({
    env: { baseUrl: undefined, model: undefined, apiKey: undefined, ...options.env },
    settingsRepo: createSettingsRepo(db.db),
    secrets,
    audit: createAuditService({ repo: createAuditRepo(db.db), now: clock.now }),
    usage: createAssistantRepo(db.db),
    bots,
    mirror,
    marketSnapshot: async (pair, timeframe) => ({
      ...(options.snapshot ?? SNAPSHOT),
      pair,
      timeframe,
    }),
    review: async () => ({
      settingsSchema: botSettingsSchema,
      rules: {
        market: (symbol: string) => ({ symbol, quote: 'USDT', active: true, minNotional: 5 }),
        marketsKnown: true,
        strategyExists: (name: string) => name === 'EmaCrossStrategy',
        others: bots.list().map(({ id, name, mode, pairs }) => ({ id, name, mode, pairs })),
      },
    }),
    timeZone: () => 'UTC',
    logger,
    now: clock.now,
    timeoutMs: options.timeoutMs ?? 2_000,
    retryDelayMs: 0,
    cacheTtlMs: options.cacheTtlMs,
  });
  return {
    db,
    clock,
    service,
    mirror,
    logText: () => lines.join(''),
    auditText: () => JSON.stringify(db.sqlite.prepare('SELECT * FROM audit_log').all()),
    addBot: (over = {}) =>
      bots.insert(
        {
          name: 'Night owl',
          description: '',
          mode: 'SIMULATED',
          strategy: 'EmaCrossStrategy',
          strategyParams: {},
          timeframe: '1h',
          pairs: ['BTC/USDT'],
          stakeAmount: 20,
          maxOpenTrades: 2,
          maxExposure: 40,
          stoploss: -0.1,
          minimalRoi: null,
          dailyLossLimit: null,
          ...over,
        },
        (port += 1),
        clock.now(),
      ),
    cleanup: () => db.cleanup(),
  };
}

/** A closed trade as the monitor would mirror it. */
export function closedTrade(id: number, profitRatio: number, at: number, exitReason = 'roi') {
  const stake = 20;
  return {
    tradeId: id,
    pair: 'BTC/USDT',
    isOpen: false,
    openDate: new Date(at - 3_600_000),
    closeDate: new Date(at),
    openRate: 66000,
    closeRate: 66000 * (1 + profitRatio),
    amount: stake / 66000,
    stakeAmount: stake,
    realizedProfit: stake * profitRatio,
    closeProfitAbs: stake * profitRatio,
    profitRatio,
    closeProfitRatio: profitRatio,
    exitReason,
    enterTag: null,
    stopLossAbs: null,
    strategy: 'EmaCrossStrategy',
    orders: [],
  };
}
