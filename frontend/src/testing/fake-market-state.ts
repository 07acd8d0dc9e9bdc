import type { Bot } from '../../../backend/src/domain/bot';
import { TIMEFRAMES } from '../../../backend/src/domain/bot';
import type {
  MarketSnapshot,
  WatchRow,
  Watchlist,
} from '../../../backend/src/http/routes/market-schemas';
import { computeIndicators, sliceSeries } from '../../../backend/src/domain/market/indicators';
import { classifyRegime } from '../../../backend/src/domain/market/regime';
import { fakeCandles } from './fake-api-bot-page';
import type { FakeBotsState } from './fake-bots-state';

// What the orchestrator's market service knows (backend services/market-service.ts): the
// watchlist setting, and figures computed from the same deterministic candles the bot page's fake
// draws. Tests arrange feed troubles per pair (`feeds`) or for the whole feed (`issue`).

export type Timeframe = (typeof TIMEFRAMES)[number];
export type MarketIssue = { code: string; message: string };

/** How one pair's feed is doing; absent = streaming and fresh. */
export type FakeFeed = { stale?: boolean; source?: 'stream' | 'rest'; issue?: MarketIssue | null };

export type FakeMarketState = {
  timeframe: Timeframe;
  /** The watchlist setting, in the user's order. */
  pairs: string[];
  /** The exchange's state for the whole feed; null = reachable. */
  issue: MarketIssue | null;
  feeds: Map<string, FakeFeed>;
};

export function createFakeMarketState(): FakeMarketState {
  return { timeframe: '1h', pairs: ['BTC/USDT', 'ETH/USDT'], issue: null, feeds: new Map() };
}

/** The snapshot of (pair, timeframe) at `now`, with `candles` of them (and their series). */
export function fakeSnapshot(
  state: FakeMarketState,
  pair: string,
  timeframe: string,
  candles: number,
  now: number,
): MarketSnapshot {
  const all = fakeCandles(pair, timeframe, Math.max(candles, 250), now);
  // The real indicators and regime (pure backend modules), as the market service computes them.
  const computed = computeIndicators(all);
  const { series, last: indicators } = computed;
  const regime = classifyRegime(all, computed);
  const feed = state.feeds.get(pair) ?? {};
  const daily = fakeCandles(pair, '1h', 25, now);
  const first = daily[0]?.close ?? 1;
  const last = all[all.length - 1]?.close ?? first;
  const snapshot: MarketSnapshot = {
    pair,
    timeframe: TIMEFRAMES.find((tf) => tf === timeframe) ?? '1h',
    source: feed.source ?? 'stream',
    updatedAt: now - 2_000,
    stale: feed.stale ?? false,
    ticker: {
      last,
      bid: last,
      ask: last,
      change24hPct: Number((((last - first) / first) * 100).toFixed(4)),
      volume24hQuote: Number(daily.reduce((sum, c) => sum + c.volume * c.close, 0).toFixed(2)),
      high24h: Math.max(...daily.map((c) => c.high)),
      low24h: Math.min(...daily.map((c) => c.low)),
      at: now - 1_000,
    },
    indicators,
    regime,
    issue: feed.issue ?? null,
  };
  if (candles > 0) {
    const from = Math.max(0, all.length - candles);
    snapshot.candles = all.slice(from);
    snapshot.series = sliceSeries(series, from);
  }
  return snapshot;
}

const runs = (bot: Bot) => bot.desiredState === 'RUNNING' || bot.desiredState === 'PAUSED';

/** The setting's pairs, then every pair a running bot trades (backend `watchedPairs`). */
function watchedPairs(state: FakeMarketState, bots: FakeBotsState) {
  const tradedBy = (pair: string) =>
    bots.bots.filter((b) => runs(b) && b.pairs.includes(pair)).map((b) => b.name);
  const listed = state.pairs.map((pair) => {
    const names = tradedBy(pair);
    return { pair, origin: names.length > 0 ? ('both' as const) : ('watchlist' as const), names };
  });
  const extra = [...new Set(bots.bots.filter(runs).flatMap((b) => b.pairs))]
    .filter((pair) => !state.pairs.includes(pair))
    .map((pair) => ({ pair, origin: 'bot' as const, names: tradedBy(pair) }));
  return [...listed, ...extra];
}

/** One watchlist row as the market service builds it. */
export function fakeWatchRow(state: FakeMarketState, bots: FakeBotsState, pair: string): WatchRow {
  const entry = watchedPairs(state, bots).find((p) => p.pair === pair) ?? {
    pair,
    origin: 'watchlist' as const,
    names: [],
  };
  const snapshot = fakeSnapshot(state, pair, state.timeframe, 48, bots.now);
  const { ema9, ema21 } = snapshot.indicators;
  const gap = ema9 !== null && ema21 !== null && ema21 !== 0 ? (ema9 - ema21) / ema21 : null;
  return {
    pair,
    origin: entry.origin,
    bots: entry.names,
    ticker: snapshot.ticker,
    rsi14: snapshot.indicators.rsi14,
    trend: gap === null ? null : Math.abs(gap) <= 0.0005 ? 'flat' : gap > 0 ? 'up' : 'down',
    regime: snapshot.regime.label,
    sparkline: (snapshot.candles ?? []).map((c) => c.close),
    source: snapshot.source,
    stale: snapshot.stale,
    updatedAt: snapshot.updatedAt,
    issue: snapshot.issue,
  };
}

export function fakeWatchlist(state: FakeMarketState, bots: FakeBotsState): Watchlist {
  return {
    timeframe: state.timeframe,
    pairs: state.pairs,
    rows: watchedPairs(state, bots).map(({ pair }) => fakeWatchRow(state, bots, pair)),
    issue: state.issue,
  };
}
