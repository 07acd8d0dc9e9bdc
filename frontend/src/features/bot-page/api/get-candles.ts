import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { botPageKeys } from './keys';

const finite = z.number().finite();

/** GET /api/bots/:id/candles (backend services/bot-trading.ts `candles`). */
export const candlesSchema = z.object({
  pair: z.string(),
  timeframe: z.string(),
  source: z.enum(['bot', 'exchange']),
  candles: z.array(
    z.object({
      time: z.string(),
      open: finite,
      high: finite,
      low: finite,
      close: finite,
      volume: finite,
    }),
  ),
  signals: z.array(
    z.object({ time: z.string(), kind: z.enum(['entry', 'exit']), tag: z.string().nullable() }),
  ),
  markers: z.array(
    z.object({
      tradeId: z.number().int(),
      kind: z.enum(['entry', 'exit']),
      time: z.string().nullable(),
      price: finite.nullable(),
      profitRatio: finite.nullable().optional(),
      exitReason: z.string().nullable().optional(),
    }),
  ),
  lines: z.array(
    z.object({
      tradeId: z.number().int(),
      entry: finite,
      stop: finite.nullable(),
      target: finite.nullable(),
    }),
  ),
});
export type Candles = z.infer<typeof candlesSchema>;

/** How many candles the chart asks for (the backend allows 10…1000). */
export const CANDLE_LIMIT = 300;

export function getCandles(
  api: ApiClient,
  input: { botId: number; pair: string; timeframe: string },
  signal?: AbortSignal,
): Promise<Candles> {
  return api.request(`/api/bots/${input.botId}/candles`, candlesSchema, {
    query: { pair: input.pair, timeframe: input.timeframe, limit: CANDLE_LIMIT },
    signal,
  });
}

export function getCandlesQueryOptions(
  api: ApiClient,
  input: { botId: number; pair: string; timeframe: string },
) {
  return queryOptions({
    queryKey: botPageKeys.candles(input.botId, input.pair, input.timeframe),
    queryFn: ({ signal }) => getCandles(api, input, signal),
    // The bot's own candles are announced on the `market` channel; the exchange's are not, so
    // they are read again every so often (the server caches them for 10 s).
    refetchInterval: (query) => (query.state.data?.source === 'exchange' ? 15_000 : 60_000),
    placeholderData: keepPreviousData,
  });
}

export function useCandles(input: { botId: number; pair: string; timeframe: string }) {
  return useQuery(getCandlesQueryOptions(useApi(), input));
}
