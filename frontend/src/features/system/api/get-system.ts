import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

export const systemSchema = z.object({
  version: z.string(),
  startedAt: z.string(),
  dataDir: z.string(),
  simulation: z.boolean(),
  liveTradingEnabled: z.boolean(),
  supervisord: z.object({ ok: z.boolean(), reason: z.string().optional() }),
});
export type SystemInfo = z.infer<typeof systemSchema>;

export const SYSTEM_QUERY_KEY = ['system', 'info'] as const;

export function getSystem(api: ApiClient, signal?: AbortSignal): Promise<SystemInfo> {
  return api.request('/api/system', systemSchema, { signal });
}

export function getSystemQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: SYSTEM_QUERY_KEY,
    queryFn: ({ signal }) => getSystem(api, signal),
    refetchInterval: 30_000,
  });
}

/** Throws to the card's error boundary, so one failing card does not blank the dashboard. */
export function useSystem() {
  return useQuery({ ...getSystemQueryOptions(useApi()), throwOnError: true });
}
