import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

/** One Binance Spot market; minNotional is the smallest order in quote currency (0 = none). */
export const marketSchema = z.object({
  symbol: z.string(),
  base: z.string(),
  quote: z.string(),
  active: z.boolean(),
  minNotional: z.number(),
  minAmount: z.number(),
  amountStep: z.number(),
  priceTick: z.number(),
});
export type Market = z.infer<typeof marketSchema>;

export const QUOTE_PATTERN = /^[A-Z0-9]{2,10}$/;

export const MARKETS_QUERY_KEY = (quote: string) => ['bots', 'markets', quote] as const;

export function getMarkets(api: ApiClient, quote: string, signal?: AbortSignal) {
  return api.request('/api/markets', z.array(marketSchema), { query: { quote }, signal });
}

export function getMarketsQueryOptions(api: ApiClient, quote: string) {
  return queryOptions({
    queryKey: MARKETS_QUERY_KEY(quote),
    queryFn: ({ signal }) => getMarkets(api, quote, signal),
    // The exchange's market list changes rarely; the orchestrator caches it for an hour.
    staleTime: 10 * 60_000,
  });
}

/** Markets quoted in `quote`; nothing is asked while the quote is not a valid currency code. */
export function useMarkets(quote: string) {
  return useQuery({
    ...getMarketsQueryOptions(useApi(), quote),
    enabled: QUOTE_PATTERN.test(quote),
  });
}
