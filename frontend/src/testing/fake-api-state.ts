import type { FakeBotPageState } from './fake-api-bot-page';
import { createFakeBotPageState } from './fake-api-bot-page';
import type { FakeBotsState } from './fake-bots-state';
import { createFakeBotsState } from './fake-bots-state';
import type { FakeMonitorState } from './fake-monitor-state';
import { createFakeMonitorState } from './fake-monitor-state';
import type { FakeAssistantState } from './fake-api-assistant';
import { createFakeAssistantState } from './fake-api-assistant';
import type { FakeMarketState } from './fake-market-state';
import { createFakeMarketState } from './fake-market-state';

/** In-memory state of the loopback fake orchestrator; tests arrange it and read it back. */
export type FakeUser = {
  id: number;
  username: string;
  password: string;
  role: 'admin' | 'viewer';
  createdAt: string;
};

export type FakeAuditItem = {
  id: number;
  at: string;
  actor: { id: number | null; username: string };
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
};

/** A canned answer that replaces the fake's own for one method and path. */
export type CannedAnswer = { status: number; body?: unknown; rawBody?: string };

export type FakeState = {
  setupRequired: boolean;
  setupToken: string;
  users: FakeUser[];
  sessionUserId: number | null;
  csrfToken: string;
  csrfCounter: number;
  instance: { version: string; simulation: boolean; liveTradingEnabled: boolean };
  startedAt: string;
  supervisord: { ok: boolean; reason?: string };
  ready: {
    status: 'ready' | 'not-ready';
    checks: { name: string; ok: boolean; reason?: string }[];
  };
  audit: FakeAuditItem[];
  /** Seconds to answer every login with 429 `too-many-attempts`; 0 turns throttling off. */
  loginThrottleSeconds: number;
  canned: Map<string, CannedAnswer>;
  requests: RecordedRequest[];
  /** Bots, strategies, markets and the money settings. */
  bots: FakeBotsState;
  /** The live monitor: snapshots, positions, orders, equity, the exchange and the trading day. */
  monitor: FakeMonitorState;
  /** Trades, candles and logs of the bot pages. */
  botPage: FakeBotPageState;
  /** The watchlist setting and the market feed's troubles. */
  market: FakeMarketState;
  /** The AI assistant's settings and its next answers. */
  assistant: FakeAssistantState;
  /** Sends an `event` frame to the panel WebSockets subscribed to `channel`. */
  publish: (channel: string, payload: unknown, botId: number | null) => void;
};

export function createFakeState(): FakeState {
  const bots = createFakeBotsState();
  return {
    setupRequired: false,
    setupToken: 'setup-token-0123456789abcdef',
    users: [],
    sessionUserId: null,
    csrfToken: 'csrf-0',
    csrfCounter: 0,
    instance: { version: '0.1.0-test', simulation: false, liveTradingEnabled: false },
    startedAt: '2026-01-15T09:30:00.000Z',
    supervisord: { ok: true },
    ready: {
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'supervisord', ok: true },
      ],
    },
    audit: [],
    loginThrottleSeconds: 0,
    canned: new Map(),
    requests: [],
    bots,
    monitor: createFakeMonitorState(bots.now),
    botPage: createFakeBotPageState(),
    market: createFakeMarketState(),
    assistant: createFakeAssistantState(),
    publish: () => undefined,
  };
}

export function rotateCsrf(state: FakeState): void {
  state.csrfCounter += 1;
  state.csrfToken = `csrf-${state.csrfCounter}`;
}

export function addUser(
  state: FakeState,
  user: Pick<FakeUser, 'username' | 'password' | 'role'>,
): FakeUser {
  const created: FakeUser = {
    id: state.users.reduce((max, u) => Math.max(max, u.id), 0) + 1,
    createdAt: new Date(Date.UTC(2026, 0, 10 + state.users.length, 12)).toISOString(),
    ...user,
  };
  state.users.push(created);
  return created;
}

export function publicUser(user: FakeUser) {
  return { id: user.id, username: user.username, role: user.role };
}
