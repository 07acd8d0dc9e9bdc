import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { botPageKeys } from './keys';

const finite = z.number().finite();

/** A trade of the mirror (backend services/bot-trading.ts `tradeView`). */
export const tradeSchema = z.object({
  tradeId: z.number().int(),
  mode: z.enum(['SIMULATED', 'REAL_MARKET_SPOT']),
  pair: z.string(),
  isOpen: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  openRate: finite,
  closeRate: finite.nullable(),
  amount: finite,
  stakeAmount: finite,
  profitAbs: finite,
  profitRatio: finite.nullable(),
  exitReason: z.string().nullable(),
  enterTag: z.string().nullable(),
  stopLoss: finite.nullable(),
  orders: z.array(
    z.object({
      orderId: z.string(),
      side: z.string(),
      orderType: z.string().nullable(),
      status: z.string().nullable(),
      price: finite.nullable(),
      amount: finite.nullable(),
      filled: finite.nullable(),
      placedAt: z.string().nullable(),
      filledAt: z.string().nullable(),
    }),
  ),
});
export type Trade = z.infer<typeof tradeSchema>;

/** `nextBefore` is the opening time (ISO) of the page's last trade; null on the last page. */
const tradesPageSchema = z.object({
  trades: z.array(tradeSchema),
  nextBefore: z.iso.datetime({ offset: true }).nullable(),
});
export type TradesPage = z.infer<typeof tradesPageSchema>;

export const OPEN_TRADES_LIMIT = 500;
export const CLOSED_TRADES_PAGE = 25;

export function getTrades(
  api: ApiClient,
  input: { botId: number; status: 'open' | 'closed'; limit: number; before?: string },
  signal?: AbortSignal,
): Promise<TradesPage> {
  return api.request(`/api/bots/${input.botId}/trades`, tradesPageSchema, {
    query: {
      status: input.status,
      limit: input.limit,
      before: input.before,
    },
    signal,
  });
}

export function getOpenTradesQueryOptions(api: ApiClient, botId: number) {
  return queryOptions({
    queryKey: botPageKeys.openTrades(botId),
    queryFn: ({ signal }) =>
      getTrades(api, { botId, status: 'open', limit: OPEN_TRADES_LIMIT }, signal),
  });
}

export function useOpenTrades(botId: number) {
  return useQuery(getOpenTradesQueryOptions(useApi(), botId));
}

export function getClosedTradesQueryOptions(api: ApiClient, botId: number) {
  return infiniteQueryOptions({
    queryKey: botPageKeys.closedTrades(botId),
    queryFn: ({ pageParam, signal }) =>
      getTrades(
        api,
        { botId, status: 'closed', limit: CLOSED_TRADES_PAGE, before: pageParam ?? undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
  });
}

export function useClosedTrades(botId: number) {
  return useInfiniteQuery(getClosedTradesQueryOptions(useApi(), botId));
}
