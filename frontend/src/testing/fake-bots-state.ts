import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The orchestrator's own pure modules: bots, their configs and their rules are what it makes.
import type { Bot, BotId, BotSettings } from '../../../backend/src/domain/bot';
import type { JsonObject } from '../../../backend/src/domain/freqtrade-config';
import { buildFreqtradeConfig, redactConfig } from '../../../backend/src/domain/freqtrade-config';

/** What `GET /api/strategies` lists (the fields of backend adapters/strategies/types.ts). */
export type FakeStrategy = {
  name: string;
  file: string;
  source: 'bundled' | 'user';
  description: string;
  timeframe: string | null;
  stoploss: number | null;
  minimalRoi: Record<string, number> | null;
  parameters: unknown[];
  isShadowed: boolean;
  error?: string;
};

export type FakeMarket = {
  symbol: string;
  base: string;
  quote: string;
  active: boolean;
  minNotional: number;
  minAmount: number;
  amountStep: number;
  priceTick: number;
};

export type FakeKeyInfo = {
  hint: string;
  canTrade: boolean;
  canWithdraw: boolean;
  ipRestricted: boolean;
  warnings: string[];
  checkedAt: number;
};

/** Live figures the converger learns from a bot's API; null until it answers. */
export type FakeRuntime = {
  openTrades: number | null;
  profitAbs: number | null;
  realisedToday: number | null;
};

export type FakeConfigVersion = {
  version: number;
  createdAt: number;
  reason: string;
  config: JsonObject;
};

export type FakeBotsState = {
  bots: Bot[];
  runtime: Map<number, FakeRuntime>;
  configVersions: Map<number, FakeConfigVersion[]>;
  strategies: FakeStrategy[];
  markets: FakeMarket[];
  /** `instant`: the actual state follows the desired one at once; `manual`: tests move it. */
  converge: 'instant' | 'manual';
  live: { environment: boolean; masterSwitch: boolean };
  exchangeKey: FakeKeyInfo | null;
  /** What Binance says of the next key saved; `error` refuses it with that code. */
  keyCheck: {
    canTrade: boolean;
    canWithdraw: boolean;
    ipRestricted: boolean;
    balances: { asset: string; free: number; locked: number }[];
    error?: 'exchange-key-invalid' | 'exchange-key-can-withdraw' | 'exchange-key-cannot-trade';
  };
  blockedPairs: string[];
  now: number;
};

const BASE_CONFIG = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../freqtrade_config/base.json'), 'utf8'),
) as JsonObject;

function strategy(
  name: string,
  file: string,
  timeframe: string,
  stoploss: number,
  description: string,
): FakeStrategy {
  return {
    name,
    file,
    source: 'bundled',
    description,
    timeframe,
    stoploss,
    minimalRoi: { '0': 0.04, '30': 0.02 },
    parameters: [],
    isShadowed: false,
  };
}

function market(base: string, quote: string, minNotional: number, active = true): FakeMarket {
  return {
    symbol: `${base}/${quote}`,
    base,
    quote,
    active,
    minNotional,
    minAmount: 0.00001,
    amountStep: 0.00001,
    priceTick: 0.01,
  };
}

export function createFakeBotsState(): FakeBotsState {
  return {
    bots: [],
    runtime: new Map(),
    configVersions: new Map(),
    strategies: [
      strategy(
        'EmaCrossStrategy',
        'ema_cross_strategy.py',
        '5m',
        -0.1,
        'Buys when the fast EMA crosses above the slow EMA.',
      ),
      strategy(
        'RsiMeanReversionStrategy',
        'rsi_mean_reversion_strategy.py',
        '15m',
        -0.08,
        'Buys oversold dips (RSI below its threshold) and sells the rebound.',
      ),
    ],
    markets: [
      market('BTC', 'USDT', 5),
      market('ETH', 'USDT', 5),
      market('SOL', 'USDT', 10),
      market('LUNA', 'USDT', 5, false),
      market('ETH', 'BTC', 0.0001),
    ],
    converge: 'instant',
    live: { environment: false, masterSwitch: false },
    exchangeKey: null,
    keyCheck: {
      canTrade: true,
      canWithdraw: false,
      ipRestricted: false,
      balances: [{ asset: 'USDT', free: 1250.5, locked: 0 }],
    },
    blockedPairs: [],
    now: Date.UTC(2026, 2, 2, 12, 0, 0),
  };
}

/** A bot as the repo would hold it; tests override what they need. */
export function addFakeBot(
  state: FakeBotsState,
  overrides: Partial<Bot> & Partial<FakeRuntime> = {},
): Bot {
  const { openTrades = null, profitAbs = null, realisedToday = null, ...fields } = overrides;
  const id = (state.bots.reduce((max, b) => Math.max(max, b.id), 0) + 1) as BotId;
  const bot: Bot = {
    id,
    name: `Bot ${id}`,
    description: '',
    mode: 'SIMULATED',
    strategy: 'EmaCrossStrategy',
    strategyParams: {},
    timeframe: '5m',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 2,
    maxExposure: 50,
    stoploss: null,
    minimalRoi: null,
    dailyLossLimit: null,
    desiredState: 'CREATED',
    state: 'CREATED',
    stateReason: null,
    errorReason: null,
    stateSince: state.now,
    apiPort: 18100 + id,
    configVersion: 1,
    pendingRestart: false,
    lossLimitTrippedAt: null,
    lossLimitTripReason: null,
    createdAt: state.now,
    updatedAt: state.now,
    ...fields,
  };
  state.bots.push(bot);
  state.runtime.set(bot.id, { openTrades, profitAbs, realisedToday });
  recordConfig(state, bot, 'created');
  return bot;
}

export function fakeConfig(state: FakeBotsState, bot: Bot): JsonObject {
  return buildFreqtradeConfig(bot, {
    base: BASE_CONFIG,
    botDir: `/data/bots/${bot.id}`,
    credentials: {
      username: `bot${bot.id}-user`,
      password: 'loopback-password',
      jwtSecretKey: 'loopback-jwt',
      wsToken: 'loopback-ws',
    },
    exchangeRestUrl: 'https://api.binance.com',
    blockedPairs: state.blockedPairs,
  });
}

export function recordConfig(state: FakeBotsState, bot: Bot, reason: string): void {
  const versions = state.configVersions.get(bot.id) ?? [];
  const version = (versions[0]?.version ?? 0) + 1;
  const config = redactConfig(fakeConfig(state, bot)) as JsonObject;
  state.configVersions.set(bot.id, [
    { version, createdAt: state.now, reason, config },
    ...versions,
  ]);
  bot.configVersion = version;
}

/** The bot as the API shows it (backend http/routes/bots.ts `botView`). */
export function botView(state: FakeBotsState, bot: Bot) {
  const runtime = state.runtime.get(bot.id);
  return {
    ...bot,
    lossLimitTripped:
      bot.lossLimitTrippedAt === null
        ? null
        : { at: new Date(bot.lossLimitTrippedAt).toISOString(), reason: bot.lossLimitTripReason },
    stateSince: new Date(bot.stateSince).toISOString(),
    createdAt: new Date(bot.createdAt).toISOString(),
    updatedAt: new Date(bot.updatedAt).toISOString(),
    openTrades: runtime?.openTrades ?? null,
    openProfitAbs: runtime?.profitAbs ?? null,
    realisedToday: runtime?.realisedToday ?? null,
  };
}

export function settingsOf(bot: Bot): BotSettings {
  const { name, description, mode, strategy: s, strategyParams, timeframe, pairs } = bot;
  const { stakeAmount, maxOpenTrades, maxExposure, stoploss, minimalRoi, dailyLossLimit } = bot;
  return {
    name,
    description,
    mode,
    strategy: s,
    strategyParams,
    timeframe,
    pairs,
    stakeAmount,
    maxOpenTrades,
    maxExposure,
    stoploss,
    minimalRoi,
    dailyLossLimit,
  };
}
