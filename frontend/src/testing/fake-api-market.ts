import type { z } from 'zod';

// The market API (backend http/routes/market.ts, services/market-service.ts) on in-memory state,
// parsing with the orchestrator's own schemas and answering with its refusals.
import { AppError, ValidationError } from '../../../backend/src/domain/errors';
import { issuesFromZod } from '../../../backend/src/http/middleware/zod-issues';
import { WATCHLIST_MAX, marketSchemas } from '../../../backend/src/http/routes/market-schemas';
import type { Answer, BotRequest } from './fake-api-bodies';
import { failWith } from './fake-api-bodies';
import type { FakeBotsState } from './fake-bots-state';
import type { FakeMarketState } from './fake-market-state';
import { fakeSnapshot, fakeWatchlist } from './fake-market-state';

type Market = {
  bots: FakeBotsState;
  market: FakeMarketState;
  publish: (channel: string, payload: unknown, botId: number | null) => void;
};

function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params') {
  const value = input ?? {};
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error.issues, where, value));
  return result.data as z.output<S>;
}

/** 404 `pair-unknown` / 410 `pair-delisted`, from the markets Binance lists (backend requireMarket). */
function requireMarket(m: Market, pair: string): void {
  const market = m.bots.markets.find((item) => item.symbol === pair);
  if (!market) throw new AppError('pair-unknown', `Binance Spot lists no pair ${pair}`, 404);
  if (!market.active) {
    throw new AppError('pair-delisted', `${pair} is not trading on Binance Spot`, 410);
  }
}

/** The same check for a pair being added: a field issue (backend checkPair). */
function checkPair(m: Market, pair: string, path: string): void {
  try {
    requireMarket(m, pair);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const rule = error.code === 'pair-unknown' ? 'pair-unknown' : 'pair-inactive';
    throw new ValidationError([{ path, rule, message: error.message }]);
  }
}

function saved(m: Market): Answer {
  m.publish('market', { kind: 'watchlist-changed' }, null);
  return { status: 200, body: fakeWatchlist(m.market, m.bots) };
}

function addPair(m: Market, body: unknown): Answer {
  const { pair } = parse(marketSchemas.watchlistAddBody, body, 'body');
  if (m.market.pairs.includes(pair)) return { status: 200, body: fakeWatchlist(m.market, m.bots) };
  if (m.market.pairs.length >= WATCHLIST_MAX) {
    throw new AppError(
      'watchlist-full',
      `the watchlist holds at most ${WATCHLIST_MAX} pairs: remove one first`,
      409,
    );
  }
  checkPair(m, pair, 'pair');
  m.market.pairs = [...m.market.pairs, pair];
  return saved(m);
}

function replace(m: Market, body: unknown): Answer {
  const change = parse(marketSchemas.watchlistPutBody, body, 'body');
  const pairs = change.pairs ? [...new Set(change.pairs)] : m.market.pairs;
  pairs.forEach((pair, index) => {
    if (!m.market.pairs.includes(pair)) checkPair(m, pair, `pairs.${index}`);
  });
  m.market.pairs = pairs;
  m.market.timeframe = change.timeframe ?? m.market.timeframe;
  return saved(m);
}

function writeRoute(m: Market, req: BotRequest): Answer | null {
  const { method, path } = req;
  const one = /^\/api\/market\/watchlist\/([^/]+)$/.exec(path);
  const isWrite =
    (path === '/api/market/watchlist' && (method === 'POST' || method === 'PUT')) ||
    (one !== null && method === 'DELETE');
  if (!isWrite) return null;
  if (req.user.role !== 'admin') throw new AppError('forbidden', 'admins only', 403);
  if (method === 'POST') return addPair(m, req.body);
  if (method === 'PUT') return replace(m, req.body);
  const { pair } = parse(
    marketSchemas.pairParams,
    { pair: decodeURIComponent(one?.[1] ?? '') },
    'params',
  );
  if (!m.market.pairs.includes(pair)) {
    throw new AppError('not-found', `${pair} is not on the watchlist`, 404);
  }
  m.market.pairs = m.market.pairs.filter((p) => p !== pair);
  return saved(m);
}

function readRoute(m: Market, req: BotRequest): Answer | null {
  if (req.method !== 'GET') return null;
  if (req.path === '/api/market/watchlist') {
    return { status: 200, body: fakeWatchlist(m.market, m.bots) };
  }
  const one = /^\/api\/market\/pairs\/([^/]+)$/.exec(req.path);
  if (!one) return null;
  const { pair } = parse(
    marketSchemas.pairParams,
    { pair: decodeURIComponent(one[1] ?? '') },
    'params',
  );
  const query = parse(marketSchemas.snapshotQuery, Object.fromEntries(req.query), 'query');
  requireMarket(m, pair);
  return {
    status: 200,
    body: fakeSnapshot(m.market, pair, query.timeframe, query.candles, m.bots.now),
  };
}

/** The market endpoints, or null for a path they do not own. */
export function marketRoutes(m: Market, req: BotRequest): Answer | null {
  if (!req.path.startsWith('/api/market/')) return null;
  try {
    return readRoute(m, req) ?? writeRoute(m, req);
  } catch (error) {
    if (error instanceof AppError) return failWith(error);
    throw error;
  }
}
