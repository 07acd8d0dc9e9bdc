import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

export const EQUITY_RANGES = ['today', '7d', '30d'] as const;
export type EquityRange = (typeof EQUITY_RANGES)[number];

const finite = z.number().finite();

/** Equity per mode, a point a minute today or an hour for longer ranges; Paper and Live apart. */
export const equitySchema = z.object({
  range: z.enum(EQUITY_RANGES),
  step: z.enum(['minute', 'hour']),
  points: z.array(z.object({ at: z.string(), paper: finite.nullable(), live: finite.nullable() })),
});
export type Equity = z.infer<typeof equitySchema>;

export const EQUITY_QUERY_KEY_PREFIX = ['monitor', 'equity'] as const;
export const EQUITY_QUERY_KEY = (range: EquityRange) =>
  [...EQUITY_QUERY_KEY_PREFIX, range] as const;

export function getEquity(api: ApiClient, range: EquityRange, signal?: AbortSignal) {
  return api.request('/api/dashboard/equity', equitySchema, { query: { range }, signal });
}

export function getEquityQueryOptions(api: ApiClient, range: EquityRange) {
  return queryOptions({
    queryKey: EQUITY_QUERY_KEY(range),
    queryFn: ({ signal }) => getEquity(api, range, signal),
    refetchInterval: 60_000,
  });
}

export function useEquity(range: EquityRange) {
  return useQuery({ ...getEquityQueryOptions(useApi(), range), throwOnError: true });
}
