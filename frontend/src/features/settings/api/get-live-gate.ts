import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { exchangeKeyInfoSchema } from './get-exchange-key';

/** The gates a Live bot needs: the environment's, the panel's switch, and a checked key. */
export const liveGateSchema = z.object({
  environment: z.boolean(),
  masterSwitch: z.boolean(),
  key: exchangeKeyInfoSchema.nullable(),
});
export type LiveGate = z.infer<typeof liveGateSchema>;

export const LIVE_GATE_QUERY_KEY = ['settings', 'live'] as const;

export function getLiveGate(api: ApiClient, signal?: AbortSignal) {
  return api.request('/api/settings/live', liveGateSchema, { signal });
}

export function getLiveGateQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: LIVE_GATE_QUERY_KEY,
    queryFn: ({ signal }) => getLiveGate(api, signal),
  });
}

export function useLiveGate() {
  return useQuery(getLiveGateQueryOptions(useApi()));
}
