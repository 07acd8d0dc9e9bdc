// Everything Spotdesk knows of each running bot, gathered once (issue #5): one message stream per
// bot, and a sync every few seconds (and soon after every event) of its open trades, its new
// closed trades (paged into the mirror), its config, loop health and profit. The panel's reads
// come from here and from the mirror, so a bot's API load does not grow with the viewers.
import type {
  Balance,
  BotConfig,
  BotMessage,
  FreqtradeClient,
  LogRecord,
  MessageStream,
  OpenTrade,
  PairCandles,
  PairLock,
  ProfitSummary,
  TradeCount,
} from '../adapters/freqtrade/client.js';
import { MESSAGE_TOPICS } from '../adapters/freqtrade/client.js';
import { runsProcess, type Bot, type BotId } from '../domain/bot.js';
import { AppError } from '../domain/errors.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { MirrorRepo } from '../db/repos/mirror-repo.js';
import type { Logger } from '../lib/logger.js';

import type { BotWorkspace } from './bot-workspace.js';
import { toPanelEvents, type PanelPublish } from './monitor-events.js';

export interface BotSnapshot {
  at: number;
  open: OpenTrade[];
  config: BotConfig;
  profit: ProfitSummary;
  /** null when the bot could not say (`/balance` needs tickers, `/count` a running trader). */
  balance: Balance | null;
  count: TradeCount | null;
  locks: PairLock[];
  logs: LogRecord[];
  lastLoopAt: Date | null;
}

interface CandleEntry {
  /** The last answer, and whether a `new_candle` came after it. */
  data: PairCandles | null;
  at: number;
  stale: boolean;
  loading: Promise<PairCandles> | null;
}

interface Watched {
  stream: MessageStream | null;
  syncing: Promise<void> | null;
  dirty: boolean;
  lastSync: number;
  lastEquityMinute: number;
  snapshot: BotSnapshot | null;
  /** Why the last sync failed (schema drift, unreachable), until one succeeds. */
  degraded: string | null;
  streamKey: string;
  /** The last unreadable message-stream frame, shown as degraded for a while. */
  badFrame: { message: string; at: number } | null;
  /** `pair_candles` at the bot's timeframe, per pair someone looked at. */
  candles: Map<string, CandleEntry>;
}

export interface MonitorOptions {
  bots: BotRepo;
  mirror: MirrorRepo;
  client: (bot: Bot) => FreqtradeClient;
  workspace: BotWorkspace;
  publish: PanelPublish;
  logger: Logger;
  now: () => number;
  /** Background sync of each running bot (events also trigger one). */
  pollMs?: number;
  tickMs?: number;
}

const PAGE = 200;
const MINUTE = 60_000;
const LOG_LINES = 200;
const BAD_FRAME_SHOWN_MS = 5 * MINUTE;
/** How many of a bot's pairs have their candles fetched on every new candle, viewed or not. */
const WARM_PAIRS = 20;
/** A bot's candles are asked again after this even without `new_candle` (a missed event). */
const CANDLE_MAX_AGE_MS = 60_000;

/** A call the bot may refuse in some states (502): its refusal is `fallback`, anything else fails. */
function refusedAs<T, F>(call: Promise<T>, fallback: F): Promise<T | F> {
  return call.catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'bot-rejected') return fallback;
    throw error;
  });
}

export function createBotMonitor(options: MonitorOptions) {
  const { bots, mirror, logger, now } = options;
  const pollMs = options.pollMs ?? 10_000;
  const watched = new Map<BotId, Watched>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function entry(id: BotId): Watched {
    let w = watched.get(id);
    if (!w) {
      w = {
        stream: null,
        syncing: null,
        dirty: true,
        lastSync: 0,
        lastEquityMinute: 0,
        snapshot: null,
        degraded: null,
        streamKey: '',
        badFrame: null,
        candles: new Map(),
      };
      watched.set(id, w);
    }
    return w;
  }

  /**
   * Pages closed trades from where the mirror stopped; a shorter history (a new DB) restarts.
   * `/trades` is in trade-id order, so a trade that closes after a newer one lands before the
   * cursor: when the mirror then holds fewer closed trades than the bot reports (it never saw
   * that trade open, so no vanished-trade check finds it), the whole history is paged once more.
   */
  async function syncClosed(bot: Bot, client: FreqtradeClient): Promise<number> {
    let seen = mirror.closedSeen(bot.id, bot.mode);
    let added = 0;
    let repaged = false;
    for (;;) {
      const page = await client.trades({ limit: PAGE, offset: seen });
      if (page.totalTrades < seen) {
        seen = 0;
        continue;
      }
      if (page.trades.length > 0) {
        mirror.upsert(bot.id, bot.mode, page.trades, now());
        added += page.trades.length;
      }
      seen += page.tradesCount;
      if (page.tradesCount > 0 && seen < page.totalTrades) continue;
      if (!repaged && mirror.closedCount(bot.id, bot.mode) < page.totalTrades) {
        repaged = true;
        seen = 0;
        continue;
      }
      break;
    }
    mirror.setClosedSeen(bot.id, bot.mode, seen, now());
    return added;
  }

  /** Open trades the mirror holds that the bot no longer has: closed (paged) or deleted. */
  async function dropVanished(bot: Bot, client: FreqtradeClient, open: OpenTrade[]) {
    const live = new Set(open.map((t) => t.tradeId));
    for (const stale of mirror.openTrades(bot.id, bot.mode)) {
      if (live.has(stale.ftTradeId)) continue;
      try {
        const trade = await client.trade(stale.ftTradeId);
        mirror.upsert(bot.id, bot.mode, [trade], now());
      } catch (error) {
        const status = error instanceof AppError ? error.details?.status : undefined;
        if (status === 404) mirror.removeTrade(bot.id, bot.mode, stale.ftTradeId);
        else throw error;
      }
    }
  }

  function sampleEquity(bot: Bot, w: Watched, snapshot: BotSnapshot): void {
    const minute = Math.floor(now() / MINUTE) * MINUTE;
    if (minute === w.lastEquityMinute) return;
    w.lastEquityMinute = minute;
    const capital = snapshot.config.availableCapital ?? bot.maxExposure;
    mirror.addEquity(bot.id, bot.mode, minute, capital + snapshot.profit.allProfitAbs);
  }

  async function sync(bot: Bot, w: Watched): Promise<void> {
    const client = options.client(bot);
    try {
      const [open, config, health, profit, balance, count, locks, logs] = await Promise.all([
        client.status(),
        client.showConfig(),
        client.health(),
        client.profit(),
        refusedAs(client.balance(), w.snapshot?.balance ?? null),
        refusedAs(client.count(), null),
        client.locks(),
        client.logs(LOG_LINES),
      ]);
      mirror.upsert(bot.id, bot.mode, open, now());
      const closedAdded = await syncClosed(bot, client);
      await dropVanished(bot, client, open);
      const before = w.snapshot;
      const snapshot: BotSnapshot = {
        at: now(),
        open,
        config,
        profit,
        balance,
        count,
        locks,
        logs,
        lastLoopAt: health.lastProcess,
      };
      w.snapshot = snapshot;
      w.lastSync = now();
      sampleEquity(bot, w, snapshot);
      if (w.degraded) logger.info({ botId: bot.id }, 'bot answers as expected again');
      w.degraded = null;
      const changed =
        closedAdded > 0 || !before || JSON.stringify(before.open) !== JSON.stringify(open);
      if (changed) options.publish('positions', { botId: bot.id }, bot.id);
    } catch (error) {
      // Nothing is written from an answer that failed its schema: the mirror stays whole.
      const message = (error as Error).message;
      if (w.degraded !== message) {
        logger.warn({ botId: bot.id, err: error }, 'bot sync failed; the bot is degraded');
      }
      w.degraded = message;
      w.lastSync = now();
    }
  }

  function requestSync(bot: Bot, w: Watched): void {
    if (w.syncing) {
      w.dirty = true;
      return;
    }
    w.dirty = false;
    w.syncing = sync(bot, w).finally(() => {
      w.syncing = null;
    });
  }

  /** One request per (bot, pair) however many viewers ask; a new candle makes it stale. */
  function candlesOf(bot: Bot, pair: string): Promise<PairCandles> {
    const w = entry(bot.id);
    let c = w.candles.get(pair);
    if (!c) {
      c = { data: null, at: 0, stale: true, loading: null };
      w.candles.set(pair, c);
    }
    if (c.data && !c.stale && now() - c.at < CANDLE_MAX_AGE_MS) return Promise.resolve(c.data);
    const current = c;
    current.loading ??= options
      .client(bot)
      .pairCandles({ pair, timeframe: bot.timeframe })
      .then((data) => {
        current.data = data;
        current.at = now();
        current.stale = false;
        return data;
      })
      .finally(() => {
        current.loading = null;
      });
    return current.loading;
  }

  function onNewCandle(bot: Bot, pair: string, timeframe: string): void {
    if (timeframe !== bot.timeframe) return;
    const c = watched.get(bot.id)?.candles.get(pair);
    // The bot's own pairs are kept warm (the first few of a long list); others once looked at.
    const warm = bot.pairs.indexOf(pair);
    if (!c && (warm < 0 || warm >= WARM_PAIRS)) return;
    if (c) c.stale = true;
    // Refreshed once for every viewer, then they are told to read it again.
    setTimeout(() => {
      if (stopped) return;
      candlesOf(bot, pair).then(
        () => options.publish('market', { kind: 'bot-candles', botId: bot.id, pair }, bot.id),
        (error: unknown) =>
          logger.debug({ botId: bot.id, pair, err: error }, 'bot candles refresh failed'),
      );
    }, 200).unref();
  }

  function onMessage(id: BotId, message: BotMessage): void {
    const bot = bots.find(id);
    if (!bot) return;
    if (message.type === 'new_candle') onNewCandle(bot, message.pair, message.timeframe);
    for (const event of toPanelEvents(bot, message, now())) {
      options.publish(event.channel, event.payload, id);
    }
    if (/^(entry|exit)/.test(message.type)) {
      const w = entry(id);
      w.dirty = true;
      // Soon, not at once: fills come in bursts and Freqtrade writes the trade just after.
      setTimeout(() => !stopped && requestSync(bot, w), 300).unref();
    }
  }

  function ensureStream(bot: Bot, w: Watched): void {
    const credentials = options.workspace.credentials(bot.id);
    const key = `${bot.apiPort}|${credentials.wsToken}`;
    if (w.stream && w.streamKey === key) return;
    w.stream?.close();
    w.streamKey = key;
    w.stream = options.client(bot).connectMessages({
      wsToken: credentials.wsToken,
      topics: MESSAGE_TOPICS.filter((t) => t !== 'analyzed_df'),
      onMessage: (message) => onMessage(bot.id, message),
      // The gap while the stream was away is filled by a sync right after it returns.
      onOpen: () => requestSync(bot, w),
      onError: (error) => {
        if (error.code !== 'bot-bad-response') {
          logger.debug({ botId: bot.id, code: error.code }, 'bot message stream trouble');
          return;
        }
        // A frame that is not JSON or not the contract's shape: nothing of it is used.
        w.badFrame = { message: error.message, at: now() };
        logger.warn({ botId: bot.id, err: error }, 'bot sent a message Spotdesk cannot read');
      },
    });
  }

  function forget(id: BotId): void {
    const w = watched.get(id);
    w?.stream?.close();
    watched.delete(id);
  }

  function tick(): void {
    const running = new Set<BotId>();
    for (const bot of bots.list()) {
      // Watched once its API answered (the converger says RUNNING, PAUSED or ERROR): a bot that
      // is still starting is left alone, so its start is not slowed by calls it cannot answer.
      if (!runsProcess(bot.desiredState) || bot.state === 'CREATED' || bot.state === 'STOPPED')
        continue;
      running.add(bot.id);
      const w = entry(bot.id);
      ensureStream(bot, w);
      if (w.dirty || now() - w.lastSync >= pollMs) requestSync(bot, w);
    }
    for (const id of [...watched.keys()]) if (!running.has(id)) forget(id);
  }

  return {
    start(): void {
      stopped = false;
      tick();
      timer = setInterval(tick, options.tickMs ?? 1000);
      timer.unref();
    },
    snapshot: (id: BotId) => watched.get(id)?.snapshot ?? null,
    /** Whether the bot's message stream is connected (events arrive as they happen). */
    streaming: (id: BotId) => watched.get(id)?.stream?.isOpen ?? false,
    candles: candlesOf,
    degraded(id: BotId): string | null {
      const w = watched.get(id);
      if (!w) return null;
      const frame = w.badFrame && now() - w.badFrame.at < BAD_FRAME_SHOWN_MS ? w.badFrame : null;
      return w.degraded ?? (frame ? `unreadable message: ${frame.message}` : null);
    },
    /** Syncs one bot now (after a force exit, in tests) and waits for it. */
    async syncNow(id: BotId): Promise<void> {
      const bot = bots.find(id);
      if (!bot) return;
      const w = entry(id);
      await w.syncing;
      await sync(bot, w);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      const pending = [...watched.values()].map((w) => w.syncing);
      for (const id of [...watched.keys()]) forget(id);
      await Promise.allSettled(pending);
    },
  };
}

export type BotMonitor = ReturnType<typeof createBotMonitor>;
