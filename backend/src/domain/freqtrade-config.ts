// From a bot to its Freqtrade config.json (freqtrade-contract.md §5). Pure: the same bot and
// context always give the same object; files, ports and credentials are chosen by the caller.

import { isLive, tradeDbFile, type Bot } from './bot.js';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The bot's own loopback API credentials: random per bot, never Freqtrade's defaults. */
export interface BotApiCredentials {
  username: string;
  password: string;
  jwtSecretKey: string;
  wsToken: string;
}

export interface ConfigContext {
  /** freqtrade_config/base.json as read at start. */
  base: JsonObject;
  /** Absolute folder of this bot (`<data>/bots/<id>`). */
  botDir: string;
  credentials: BotApiCredentials;
  /** Binance REST base URL (`https://api.binance.com` or the offline demo's sim). */
  exchangeRestUrl: string;
  /** Installation-wide blocked pairs (risk settings), as the bot's blacklist. */
  blockedPairs: string[];
}

const REAL_BINANCE = 'https://api.binance.com';

/** Freqtrade's merge of --config files (misc.py deep_merge_dicts): objects by key, the rest replaced. */
export function deepMerge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    out[key] =
      isObject(prior) && isObject(value) ? deepMerge(prior, value) : structuredClone(value);
  }
  return out;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * ccxt URL overrides (binance-spot.md §A.3): every api entry ccxt may sign or call goes to the
 * same base, so a stray sapi/fapi call reaches the configured host, never the real Binance.
 */
export function binanceUrls(restUrl: string): JsonObject | null {
  const base = restUrl.replace(/\/+$/, '');
  if (base === REAL_BINANCE) return null;
  return {
    api: {
      public: `${base}/api/v3`,
      private: `${base}/api/v3`,
      v1: `${base}/api/v1`,
      v3: `${base}/api/v3`,
      sapi: `${base}/sapi/v1`,
      sapiV2: `${base}/sapi/v2`,
      sapiV3: `${base}/sapi/v3`,
      sapiV4: `${base}/sapi/v4`,
      fapiPublic: `${base}/fapi/v1`,
      fapiPrivate: `${base}/fapi/v1`,
      dapiPublic: `${base}/dapi/v1`,
      dapiPrivate: `${base}/dapi/v1`,
    },
  };
}

function ccxtConfig(base: JsonObject, restUrl: string, key: 'ccxt_config' | 'ccxt_async_config') {
  const exchange = isObject(base.exchange) ? base.exchange : {};
  const fromBase = isObject(exchange[key]) ? exchange[key] : {};
  const urls = binanceUrls(restUrl);
  return urls ? deepMerge(fromBase, { urls }) : fromBase;
}

export function stakeCurrency(pairs: string[]): string {
  return pairs[0]?.split('/')[1] ?? 'USDT';
}

/**
 * The complete config of one bot: base.json with the bot's own settings on top. Every bot sizes
 * from its max exposure alone (`available_capital`); a Live bot keeps its stop-loss on Binance
 * while its process is down, a Paper bot trades a virtual wallet slightly above its exposure.
 */
export function buildFreqtradeConfig(bot: Bot, ctx: ConfigContext): JsonObject {
  const live = isLive(bot);
  const own: JsonObject = {
    bot_name: bot.name,
    dry_run: !live,
    // Both modes size from the max exposure alone (Freqtrade's available_capital), so Paper and
    // Live make the same decisions; the virtual wallet leaves room for the fees on top.
    available_capital: bot.maxExposure,
    dry_run_wallet: Math.ceil(bot.maxExposure * 1.05 * 100) / 100,
    stake_currency: stakeCurrency(bot.pairs),
    stake_amount: bot.stakeAmount,
    max_open_trades: bot.maxOpenTrades,
    timeframe: bot.timeframe,
    strategy: bot.strategy,
    force_entry_enable: true,
    // A bot's process runs only while it should trade; supervisord, not initial_state, stops it.
    initial_state: 'running',
    cancel_open_orders_on_exit: false,
    db_url: `sqlite:///${ctx.botDir}/${tradeDbFile(bot.mode)}`,
    user_data_dir: `${ctx.botDir}/user_data`,
    exchange: {
      name: 'binance',
      key: '',
      secret: '',
      pair_whitelist: [...bot.pairs],
      pair_blacklist: [...ctx.blockedPairs],
      ccxt_config: ccxtConfig(ctx.base, ctx.exchangeRestUrl, 'ccxt_config'),
      ccxt_async_config: ccxtConfig(ctx.base, ctx.exchangeRestUrl, 'ccxt_async_config'),
    },
    pairlists: [{ method: 'StaticPairList' }],
    api_server: {
      enabled: true,
      listen_ip_address: '127.0.0.1',
      listen_port: bot.apiPort,
      verbosity: 'error',
      enable_openapi: false,
      jwt_secret_key: ctx.credentials.jwtSecretKey,
      ws_token: ctx.credentials.wsToken,
      CORS_origins: [],
      username: ctx.credentials.username,
      password: ctx.credentials.password,
    },
  };
  if (live) own.order_types = { stoploss_on_exchange: true };
  if (bot.stoploss !== null) own.stoploss = bot.stoploss;
  if (bot.minimalRoi !== null) own.minimal_roi = { ...bot.minimalRoi };
  // ccxt_config is replaced whole above (it already holds base.json's options).
  const merged = deepMerge(ctx.base, own);
  delete merged.$comment;
  return merged;
}

/** Paused bots open nothing after any restart: this file is merged last (`--config state.json`). */
export function stateOverlay(paused: boolean): JsonObject {
  return paused ? { max_open_trades: 0 } : {};
}

const SECRET_CONFIG_KEYS = new Set(['password', 'jwt_secret_key', 'ws_token', 'key', 'secret']);

/** The config as the API may show it: credentials and keys replaced, everything else kept. */
export function redactConfig(config: JsonValue): JsonValue {
  if (Array.isArray(config)) return config.map(redactConfig);
  if (!isObject(config)) return config;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] =
      SECRET_CONFIG_KEYS.has(key) && typeof value === 'string' && value !== ''
        ? '[redacted]'
        : key === 'username' && typeof value === 'string'
          ? '[redacted]'
          : redactConfig(value);
  }
  return out;
}

export interface ConfigChange {
  path: string;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
}

/** Leaf-by-leaf differences between two configs (both already redacted). */
export function diffConfigs(before: JsonValue, after: JsonValue, path = ''): ConfigChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const next = path ? `${path}.${key}` : key;
      if (!(key in before)) return [{ path: next, before: undefined, after: after[key] }];
      if (!(key in after)) return [{ path: next, before: before[key], after: undefined }];
      return diffConfigs(before[key]!, after[key]!, next);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}
