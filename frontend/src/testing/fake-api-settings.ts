import { z } from 'zod';

import { AppError, ValidationError } from '../../../backend/src/domain/errors';
import { PAIR_PATTERN } from '../../../backend/src/domain/bot';
import { issuesFromZod } from '../../../backend/src/http/middleware/zod-issues';
import type { Answer, BotRequest } from './fake-api-bots';
import type { FakeBotsState } from './fake-bots-state';

// backend http/routes/settings.ts, field for field.
const keyPart = z
  .string()
  .trim()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9]+$/, 'letters and digits only');
const BODIES = {
  key: z.object({ apiKey: keyPart, secret: keyPart }).strict(),
  live: z.object({ enabled: z.boolean(), password: z.string().min(1).max(1024) }).strict(),
  risk: z.object({ blockedPairs: z.array(z.string().trim()).max(500) }).strict(),
};

const KEY_REFUSALS = {
  'exchange-key-invalid': 'Binance does not accept this key',
  'exchange-key-can-withdraw': 'the key may withdraw: turn off "Enable Withdrawals"',
  'exchange-key-cannot-trade': 'the key may not trade: turn on "Enable Spot & Margin Trading"',
} as const;

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const input = body ?? {};
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error.issues, 'body', input));
  return result.data;
}

function liveGate(state: FakeBotsState) {
  return { ...state.live, key: state.exchangeKey };
}

function saveKey(state: FakeBotsState, body: unknown): Answer {
  const { apiKey } = parse(BODIES.key, body);
  const check = state.keyCheck;
  if (check.error) throw new AppError(check.error, KEY_REFUSALS[check.error], 400);
  state.exchangeKey = {
    hint: apiKey.slice(-4),
    canTrade: check.canTrade,
    canWithdraw: check.canWithdraw,
    ipRestricted: check.ipRestricted,
    warnings: check.ipRestricted ? [] : ['no-ip-restriction'],
    checkedAt: state.now,
  };
  return { status: 200, body: { key: state.exchangeKey, balances: check.balances } };
}

function setBlockedPairs(state: FakeBotsState, body: unknown): Answer {
  const { blockedPairs } = parse(BODIES.risk, body);
  const issues = blockedPairs.flatMap((pair, index) =>
    PAIR_PATTERN.test(pair)
      ? []
      : [
          {
            path: `blockedPairs.${index}`,
            rule: 'pair-format' as const,
            message: 'must look like BASE/QUOTE in capitals, e.g. BTC/USDT',
          },
        ],
  );
  if (issues.length > 0) throw new ValidationError(issues);
  state.blockedPairs = [...new Set(blockedPairs)];
  return { status: 200, body: { blockedPairs: state.blockedPairs } };
}

function changeRoute(state: FakeBotsState, req: BotRequest): Answer | null {
  const { method, path, body } = req;
  if (method === 'PUT' && path === '/api/settings/exchange') return saveKey(state, body);
  if (method === 'DELETE' && path === '/api/settings/exchange') {
    state.exchangeKey = null;
    return { status: 204 };
  }
  if (method === 'PUT' && path === '/api/settings/live') {
    const { enabled, password } = parse(BODIES.live, body);
    if (password !== req.user.password) {
      throw new AppError('reauth-failed', 'the password is not correct', 403);
    }
    const wasOn = state.live.masterSwitch;
    state.live.masterSwitch = enabled;
    // Turning the switch off pauses every running Live bot (backend onLiveSwitchOff).
    for (const bot of state.bots) {
      if (!wasOn || enabled || bot.mode !== 'REAL_MARKET_SPOT' || bot.desiredState !== 'RUNNING')
        continue;
      bot.desiredState = 'PAUSED';
      if (state.converge === 'instant') bot.state = 'PAUSED';
      req.publish(bot);
    }
    return { status: 200, body: liveGate(state) };
  }
  if (method === 'PUT' && path === '/api/settings/risk') return setBlockedPairs(state, body);
  return null;
}

/** The money settings (exchange key, Live switch, blocked pairs), or null for other paths. */
export function settingsRoutes(state: FakeBotsState, req: BotRequest): Answer | null {
  const { method, path } = req;
  if (!path.startsWith('/api/settings/')) return null;
  if (method === 'GET') {
    if (path === '/api/settings/exchange') return { status: 200, body: { key: state.exchangeKey } };
    if (path === '/api/settings/live') return { status: 200, body: liveGate(state) };
    if (path === '/api/settings/risk') {
      return { status: 200, body: { blockedPairs: state.blockedPairs } };
    }
    return null;
  }
  try {
    if (req.user.role !== 'admin') throw new AppError('forbidden', 'admins only', 403);
    return changeRoute(state, req);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { code, message, details } = error;
    return {
      status: error.httpStatus,
      body: { error: { code, message, ...(details ? { details } : {}) } },
    };
  }
}
