import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { MONITOR_MODES } from './get-dashboard-summary';

const finite = z.number().finite();

/** An open trade of any bot (backend services/dashboard-service.ts `Position`). */
export const positionSchema = z.object({
  botId: z.number().int(),
  botName: z.string(),
  mode: z.enum(MONITOR_MODES),
  tradeId: z.number().int(),
  pair: z.string(),
  openedAt: z.string(),
  amount: finite,
  stakeAmount: finite,
  openRate: finite,
  currentRate: finite.nullable(),
  stopLoss: finite.nullable(),
  target: finite.nullable(),
  profitAbs: finite.nullable(),
  profitRatio: finite.nullable(),
});
export type Position = z.infer<typeof positionSchema>;

export const POSITIONS_QUERY_KEY = ['monitor', 'positions'] as const;

export function getPositions(api: ApiClient, signal?: AbortSignal): Promise<Position[]> {
  return api
    .request('/api/dashboard/positions', z.object({ positions: z.array(positionSchema) }), {
      signal,
    })
    .then((answer) => answer.positions);
}

export function getPositionsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: POSITIONS_QUERY_KEY,
    queryFn: ({ signal }) => getPositions(api, signal),
    // Current rates move between the `positions` events, which only say the trades changed.
    refetchInterval: 30_000,
  });
}

export function usePositions() {
  return useQuery({ ...getPositionsQueryOptions(useApi()), throwOnError: true });
}
