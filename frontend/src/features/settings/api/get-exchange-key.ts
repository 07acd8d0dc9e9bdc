import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

/** What is kept of a saved Binance key: never the key itself, only its last 4 characters and rights. */
export const exchangeKeyInfoSchema = z.object({
  hint: z.string(),
  canTrade: z.boolean(),
  canWithdraw: z.boolean(),
  ipRestricted: z.boolean(),
  warnings: z.array(z.string()),
  // Epoch milliseconds today; an ISO string is read the same way.
  checkedAt: z.union([z.number(), z.string()]),
});
export type ExchangeKeyInfo = z.infer<typeof exchangeKeyInfoSchema>;

export const EXCHANGE_KEY_QUERY_KEY = ['settings', 'exchange'] as const;

export function getExchangeKey(api: ApiClient, signal?: AbortSignal) {
  return api.request(
    '/api/settings/exchange',
    z.object({ key: exchangeKeyInfoSchema.nullable() }),
    { signal },
  );
}

export function getExchangeKeyQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: EXCHANGE_KEY_QUERY_KEY,
    queryFn: ({ signal }) => getExchangeKey(api, signal),
  });
}

export function useExchangeKey() {
  return useQuery(getExchangeKeyQueryOptions(useApi()));
}
