import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { Bot, BotId } from '../../src/domain/bot.js';
import {
  buildFreqtradeConfig,
  deepMerge,
  diffConfigs,
  redactConfig,
  stateOverlay,
  type ConfigContext,
  type JsonObject,
} from '../../src/domain/freqtrade-config.js';
import { programConfig, shellWord } from '../../src/domain/supervisor-program.js';

const base = JSON.parse(
  readFileSync(new URL('../../../freqtrade_config/base.json', import.meta.url), 'utf8'),
) as JsonObject;

function bot(over: Partial<Bot> = {}): Bot {
  return {
    id: 7 as BotId,
    name: 'Trend "follower"',
    description: '',
    mode: 'SIMULATED',
    strategy: 'EmaCrossStrategy',
    strategyParams: {},
    timeframe: '15m',
    pairs: ['BTC/USDT', 'ETH/USDT'],
    stakeAmount: 25,
    maxOpenTrades: 2,
    maxExposure: 60,
    stoploss: null,
    minimalRoi: null,
    dailyLossLimit: 15,
    desiredState: 'RUNNING',
    state: 'RUNNING',
    stateReason: null,
    errorReason: null,
    stateSince: 0,
    apiPort: 18107,
    configVersion: 1,
    pendingRestart: false,
    lossLimitTrippedAt: null,
    lossLimitTripReason: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

const ctx: ConfigContext = {
  base,
  botDir: '/data/bots/7',
  credentials: {
    username: 'spotdesk-u',
    password: 'pw-123',
    jwtSecretKey: 'jwt-456',
    wsToken: 'ws-789',
  },
  exchangeRestUrl: 'https://api.binance.com',
  blockedPairs: ['BNB/USDT'],
};

// freqtrade-contract.md §5.1: what a trade-mode config must hold (strategy values may stand in
// for timeframe, stoploss, minimal_roi and max_open_trades; here they are set or come from it).
function assertContractRequired(config: JsonObject): void {
  for (const key of [
    'exchange',
    'timeframe',
    'max_open_trades',
    'stake_currency',
    'stake_amount',
    'dry_run',
    'exit_pricing',
    'entry_pricing',
  ]) {
    expect(config, key).toHaveProperty(key);
  }
  expect(config).toHaveProperty('exchange.name', 'binance');
  expect(config).toHaveProperty('entry_pricing.price_side');
  expect(config).toHaveProperty('exit_pricing.price_side');
  for (const key of ['enabled', 'listen_ip_address', 'listen_port', 'username', 'password']) {
    expect(config, `api_server.${key}`).toHaveProperty(`api_server.${key}`);
  }
  const orderTypes = config.order_types as JsonObject;
  for (const key of ['entry', 'exit', 'stoploss', 'stoploss_on_exchange']) {
    expect(orderTypes, `order_types.${key}`).toHaveProperty(key);
  }
  expect((config.pairlists as JsonObject[]).every((p) => typeof p.method === 'string')).toBe(true);
  expect(((config.exchange as JsonObject).pair_whitelist as string[]).length).toBeGreaterThan(0);
  expect(config.stoploss).not.toBe(0);
  expect(config).not.toHaveProperty('protections');
  expect(config.max_open_trades === -1 && config.stake_amount === 'unlimited').toBe(false);
  expect(config).not.toHaveProperty('$comment');
}

describe('buildFreqtradeConfig', () => {
  it('when a Paper bot is built, then it matches the snapshot and holds every required key', () => {
    const config = buildFreqtradeConfig(bot(), ctx);

    assertContractRequired(config);
    expect(config).toMatchObject({
      bot_name: 'Trend "follower"',
      dry_run: true,
      dry_run_wallet: 63,
      available_capital: 60,
      stake_currency: 'USDT',
      stake_amount: 25,
      max_open_trades: 2,
      timeframe: '15m',
      strategy: 'EmaCrossStrategy',
      force_entry_enable: true,
      initial_state: 'running',
      db_url: 'sqlite:////data/bots/7/trades-paper.sqlite',
      user_data_dir: '/data/bots/7/user_data',
      api_server: {
        listen_ip_address: '127.0.0.1',
        listen_port: 18107,
        jwt_secret_key: 'jwt-456',
        ws_token: 'ws-789',
      },
      exchange: {
        name: 'binance',
        key: '',
        secret: '',
        pair_whitelist: ['BTC/USDT', 'ETH/USDT'],
        pair_blacklist: ['BNB/USDT'],
      },
      pairlists: [{ method: 'StaticPairList' }],
    });
    expect(config).toMatchSnapshot();
  });

  it('when a Live bot is built, then it sizes from its exposure, keeps its stop on Binance and has its own database', () => {
    const config = buildFreqtradeConfig(bot({ mode: 'REAL_MARKET_SPOT' }), ctx);

    assertContractRequired(config);
    expect(config).toMatchObject({
      dry_run: false,
      available_capital: 60,
      cancel_open_orders_on_exit: false,
      db_url: 'sqlite:////data/bots/7/trades-live.sqlite',
      order_types: { stoploss_on_exchange: true, entry: 'limit', stoploss: 'market' },
      exchange: { key: '', secret: '' },
    });
    expect(JSON.stringify(config)).not.toMatch(/sim-secret|apiKey/);
  });

  it('when stoploss and ROI are overridden, then they are set; when not, the strategy provides them', () => {
    const withOverrides = buildFreqtradeConfig(
      bot({ stoploss: -0.05, minimalRoi: { '0': 0.03, '30': 0.01 } }),
      ctx,
    );
    const without = buildFreqtradeConfig(bot(), ctx);

    expect(withOverrides).toMatchObject({
      stoploss: -0.05,
      minimal_roi: { '0': 0.03, '30': 0.01 },
    });
    expect(without).not.toHaveProperty('stoploss');
    expect(without).not.toHaveProperty('minimal_roi');
  });

  it('when the exchange is the offline sim, then every ccxt URL points at it, keeping the spot-only options', () => {
    const config = buildFreqtradeConfig(bot(), {
      ...ctx,
      exchangeRestUrl: 'http://127.0.0.1:18001/',
    });
    const ccxt = (config.exchange as JsonObject).ccxt_config as JsonObject;

    expect(ccxt).toMatchObject({
      options: {
        defaultType: 'spot',
        fetchMarkets: { types: ['spot'] },
        fetchCurrencies: false,
        fetchMargins: false,
      },
      urls: {
        api: {
          public: 'http://127.0.0.1:18001/api/v3',
          private: 'http://127.0.0.1:18001/api/v3',
          sapi: 'http://127.0.0.1:18001/sapi/v1',
        },
      },
    });
    expect((config.exchange as JsonObject).ccxt_async_config).toEqual(ccxt);
  });

  it('when the config is redacted, then no credential is left and the rest is kept', () => {
    const redacted = JSON.stringify(redactConfig(buildFreqtradeConfig(bot(), ctx)));

    for (const secret of ['pw-123', 'jwt-456', 'ws-789', 'spotdesk-u'])
      expect(redacted).not.toContain(secret);
    expect(redacted).toContain('"listen_port":18107');
  });
});

describe('config helpers', () => {
  it('merges like Freqtrade: objects by key, lists and scalars replaced', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: 2 })).toEqual({
      a: { b: 1, c: [3] },
      d: 2,
    });
    expect(stateOverlay(true)).toEqual({ max_open_trades: 0 });
    expect(stateOverlay(false)).toEqual({});
  });

  it('diffs two configs leaf by leaf', () => {
    expect(diffConfigs({ a: 1, b: { c: 2 }, d: [1] }, { a: 1, b: { c: 3 }, e: true })).toEqual([
      { path: 'b.c', before: 2, after: 3 },
      { path: 'd', before: [1], after: undefined },
      { path: 'e', before: undefined, after: true },
    ]);
  });
});

describe('programConfig', () => {
  it('when paths hold spaces, quotes or %, then the command still splits into the same words', () => {
    const text = programConfig({
      botId: 7 as BotId,
      command: ['/usr/bin/env', '-i', 'PATH=/usr/bin', "/data dir/it's%(x)s/run"],
      directory: '/data dir/bots/7',
      autostart: true,
      logFile: '/data dir/bots/7/freqtrade.log',
    });

    expect(text).toContain('[program:bot-7]');
    expect(text).toContain(`command=/usr/bin/env -i PATH=/usr/bin '/data dir/it'"'"'s%%(x)s/run'`);
    expect(text).toContain('autostart=true');
    expect(text).toContain('stopsignal=TERM');
    expect(text).toMatch(/^stopwaitsecs=30$/m);
    expect(shellWord('plain/path')).toBe('plain/path');
    expect(() =>
      programConfig({
        botId: 7 as BotId,
        command: ['a\nb'],
        directory: '/x',
        autostart: false,
        logFile: '/x/l',
      }),
    ).toThrow(/line break/);
  });
});
