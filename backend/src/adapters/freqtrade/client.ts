import { z } from 'zod';

import { UpstreamRejectedError, UpstreamUnavailableError } from '../../domain/errors.js';

import { createTokenSource } from './auth.js';
import { HttpFailure, Refusal, translate } from './errors.js';
import { toPairCandles } from './map-candles.js';
import * as map from './map-rest.js';
import { openMessageStream, type MessageStream, type MessageStreamOptions } from './messages.js';
import * as s from './schemas.js';
import { API_PREFIX, createTransport, originOf, parseAnswer } from './transport.js';
import type { Call, Schema } from './transport.js';
import type * as T from './types.js';

export type * from './types.js';
export type * from './message-types.js';
export { MESSAGE_TOPICS } from './message-types.js';
export type { MessageStream, MessageStreamOptions } from './messages.js';

/** One typed method per Freqtrade endpoint Spotdesk uses; every failure is an AppError. */
export interface FreqtradeClient {
  ping(): Promise<void>;
  version(): Promise<string>;
  showConfig(): Promise<T.BotConfig>;
  start(): Promise<string>;
  stop(): Promise<string>;
  /** No new entries: POST /pause on an API newer than 2.40, else POST /stopentry (contract §3.4). */
  pause(): Promise<T.PauseResult>;
  stopEntry(): Promise<string>;
  /** The bot restarts its API (connections drop) and returns to `initial_state`. */
  reloadConfig(): Promise<string>;
  /** Open trades. */
  status(): Promise<T.OpenTrade[]>;
  /** One page of closed trades, oldest first; `limit` ≥ 1. */
  trades(page?: { limit?: number; offset?: number }): Promise<T.ClosedTradesPage>;
  /** Every closed trade, paging as contract §9.6 says. */
  allClosedTrades(pageSize?: number): Promise<T.Trade[]>;
  trade(tradeId: number): Promise<T.OpenTrade>;
  deleteTrade(tradeId: number): Promise<T.DeletedTrade>;
  cancelOpenOrder(tradeId: number): Promise<T.OpenTrade>;
  reloadTrade(tradeId: number): Promise<T.OpenTrade>;
  count(): Promise<T.TradeCount>;
  balance(): Promise<T.Balance>;
  profit(): Promise<T.ProfitSummary>;
  performance(): Promise<T.PairPerformance[]>;
  daily(timescale?: number): Promise<T.DailyReport>;
  stats(): Promise<T.TradeStats>;
  health(): Promise<T.BotHealth>;
  logs(limit?: number): Promise<T.LogRecord[]>;
  whitelist(): Promise<T.Whitelist>;
  blacklist(): Promise<T.Blacklist>;
  locks(): Promise<T.PairLock[]>;
  deleteLock(lockId: number): Promise<T.PairLock[]>;
  forceEnter(input: T.ForceEnterInput): Promise<T.Trade>;
  /** Resolves with Freqtrade's confirmation ("Created exit order for trade 5."). */
  forceExit(input: T.ForceExitInput): Promise<string>;
  pairCandles(query: { pair: string; timeframe: string; limit?: number }): Promise<T.PairCandles>;
  strategies(): Promise<string[]>;
  strategy(name: string): Promise<T.StrategyCode>;
  connectMessages(options: MessageStreamOptions): MessageStream;
  /** Closes message streams and pooled connections. */
  close(): Promise<void>;
}

export interface FreqtradeClientOptions {
  /** The bot's origin, e.g. `http://127.0.0.1:8081` (a trailing `/api/v1` is accepted). */
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs?: number;
  /** Clock for token lifetimes (tests advance it). */
  now?: () => number;
  /** Pauses before an idempotent GET is tried again after a refused/reset connection. */
  getRetryDelaysMs?: readonly number[];
}

/** contract §3.4: the newer API (with /pause and `paused`) advertises more than 2.40 (= 2.4). */
const API_2_40 = 2.4;
const isNewerThan240 = (apiVersion: number) => apiVersion > API_2_40 + 1e-9;

export function createFreqtradeClient(options: FreqtradeClientOptions): FreqtradeClient {
  const origin = originOf(options.baseUrl);
  const transport = createTransport({
    origin,
    timeoutMs: options.timeoutMs ?? 5000,
    getRetryDelaysMs: options.getRetryDelaysMs ?? [250, 750],
  });
  const tokens = createTokenSource({
    transport,
    username: options.username,
    password: options.password,
    now: options.now ?? Date.now,
  });
  const streams = new Set<MessageStream>();
  // show_config.api_version, cached for pause(); forgotten on reload and when the bot is
  // unreachable (it may come back as another Freqtrade build).
  let apiVersion: number | null = null;

  async function request<Out>(schema: Schema<Out>, call: Call): Promise<Out> {
    try {
      const auth = call.auth !== false;
      let answer = await transport.send(call, auth ? `Bearer ${await tokens.bearer()}` : null);
      if (auth && answer.status === 401) {
        // One fresh login and one retry (contract §9.9); a second 401 is final.
        answer = await transport.send(call, `Bearer ${await tokens.relogin()}`);
        if (answer.status === 401) throw new HttpFailure(401, answer.text, true);
      }
      return parseAnswer(schema, answer);
    } catch (problem) {
      const error = translate(problem, { method: call.method, path: `${API_PREFIX}${call.path}` });
      if (error instanceof UpstreamUnavailableError) apiVersion = null;
      throw error;
    }
  }

  const get = <Out>(schema: Schema<Out>, path: string, query?: Call['query']) =>
    request(schema, { method: 'GET', path, query });
  const post = <Out>(schema: Schema<Out>, path: string, body?: unknown) =>
    request(schema, { method: 'POST', path, body });
  const del = <Out>(schema: Schema<Out>, path: string) =>
    request(schema, { method: 'DELETE', path });
  const command = async (path: string) => (await post(s.statusMessageSchema, path)).status;
  const openTrade = s.openTradeSchema.transform(map.toOpenTrade);

  async function showConfig(): Promise<T.BotConfig> {
    const config = await get(s.showConfigSchema.transform(map.toBotConfig), '/show_config');
    apiVersion = config.apiVersion;
    return config;
  }

  async function pause(): Promise<T.PauseResult> {
    const version = apiVersion ?? (await showConfig()).apiVersion;
    if (isNewerThan240(version)) {
      try {
        return { via: 'pause', message: await command('/pause') };
      } catch (error) {
        // 405 = this bot has no /pause after all (replaced by a 2.40 build since we looked).
        if (!isStatus(error, 405)) throw error;
        apiVersion = API_2_40;
      }
    }
    return { via: 'stopentry', message: await command('/stopentry') };
  }

  async function trades(page: { limit?: number; offset?: number } = {}) {
    const limit = page.limit ?? 500;
    // limit=0 means "everything, newest close first" on 2.40 and is refused (422) by newer APIs.
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be ≥ 1');
    const body = await get(s.tradesPageSchema, '/trades', { limit, offset: page.offset ?? 0 });
    return {
      trades: body.trades.map(map.toTrade),
      tradesCount: body.trades_count,
      offset: body.offset,
      totalTrades: body.total_trades,
    };
  }

  async function allClosedTrades(pageSize = 500): Promise<T.Trade[]> {
    const all: T.Trade[] = [];
    for (let offset = 0; ;) {
      const page = await trades({ limit: pageSize, offset });
      all.push(...page.trades);
      offset += page.tradesCount;
      // An empty page ends it too: trades deleted meanwhile would otherwise loop forever.
      if (offset >= page.totalTrades || page.tradesCount === 0) return all;
    }
  }

  async function forceEnter(input: T.ForceEnterInput): Promise<T.Trade> {
    const body = {
      pair: input.pair,
      stakeamount: input.stakeAmount, // one word on the wire (ForceEnterPayload)
      price: input.price,
      ordertype: input.orderType,
      entry_tag: input.entryTag,
    };
    // Either the trade, or 200 {"status": "Error entering long trade for pair …"}.
    const answer = await post(forceEnterAnswer, '/forceenter', body);
    if ('status' in answer) {
      throw translate(new Refusal(200, answer.status), {
        method: 'POST',
        path: `${API_PREFIX}/forceenter`,
      });
    }
    return answer;
  }

  return {
    ping: async () =>
      void (await request(s.pingSchema, { method: 'GET', path: '/ping', auth: false })),
    version: async () => (await get(s.versionSchema, '/version')).version,
    showConfig,
    start: () => command('/start'),
    stop: () => command('/stop'),
    pause,
    stopEntry: () => command('/stopentry'),
    async reloadConfig() {
      apiVersion = null;
      return command('/reload_config');
    },
    status: () => get(z.array(openTrade), '/status'),
    trades,
    allClosedTrades,
    trade: async (id) => get(openTrade, `/trade/${idSegment(id)}`),
    deleteTrade: async (id) =>
      del(s.deleteTradeSchema.transform(map.toDeletedTrade), `/trades/${idSegment(id)}`),
    cancelOpenOrder: async (id) => del(openTrade, `/trades/${idSegment(id)}/open-order`),
    reloadTrade: async (id) => post(openTrade, `/trades/${idSegment(id)}/reload`),
    count: () => get(s.countSchema.transform(map.toTradeCount), '/count'),
    balance: () => get(s.balanceSchema.transform(map.toBalance), '/balance'),
    profit: () => get(s.profitSchema.transform(map.toProfit), '/profit'),
    performance: () => get(s.performanceSchema.transform(map.toPerformance), '/performance'),
    daily: (timescale = 7) => get(s.dailySchema.transform(map.toDaily), '/daily', { timescale }),
    stats: () => get(s.statsSchema.transform(map.toStats), '/stats'),
    health: () => get(s.healthSchema.transform(map.toHealth), '/health'),
    logs: (limit) => get(s.logsSchema.transform(map.toLogs), '/logs', { limit }),
    whitelist: () => get(s.whitelistSchema.transform(map.toWhitelist), '/whitelist'),
    blacklist: () => get(s.blacklistSchema.transform(map.toBlacklist), '/blacklist'),
    locks: () => get(s.locksSchema.transform(map.toLocks), '/locks'),
    deleteLock: async (id) => del(s.locksSchema.transform(map.toLocks), `/locks/${idSegment(id)}`),
    forceEnter,
    forceExit: async (input) => {
      const tradeid = input.tradeId === 'all' ? 'all' : String(idSegment(input.tradeId));
      const body = { tradeid, ordertype: input.orderType, amount: input.amount };
      return (await post(s.forceExitSchema, '/forceexit', body)).result;
    },
    pairCandles: ({ pair, timeframe, limit }) =>
      get(s.pairCandlesSchema.transform(toPairCandles), '/pair_candles', {
        pair,
        timeframe,
        limit,
      }),
    strategies: async () => (await get(s.strategiesSchema, '/strategies')).strategies,
    strategy: (name) =>
      get(s.strategySchema.transform(map.toStrategy), `/strategy/${encodeURIComponent(name)}`),
    connectMessages(streamOptions) {
      const stream = openMessageStream(origin, streamOptions);
      streams.add(stream);
      return {
        get isOpen() {
          return stream.isOpen;
        },
        close: () => {
          streams.delete(stream);
          return stream.close();
        },
      };
    },
    async close() {
      await Promise.all([...streams].map((stream) => stream.close()));
      streams.clear();
      await transport.close();
    },
  };
}

const forceEnterAnswer = (json: unknown): z.ZodType<T.Trade | { status: string }> =>
  typeof json === 'object' && json !== null && 'trade_id' in json
    ? s.tradeSchema.transform(map.toTrade)
    : s.statusMessageSchema;

/** Trade and lock ids go into paths: only non-negative integers. */
function idSegment(id: number): number {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`not an id: ${id}`);
  return id;
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof UpstreamRejectedError && error.details?.['status'] === status;
}
