import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

export const readySchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), reason: z.string().optional() })),
});
export type Readiness = z.infer<typeof readySchema>;

export const READY_QUERY_KEY = ['system', 'ready'] as const;

export function getReady(api: ApiClient, signal?: AbortSignal): Promise<Readiness> {
  // 503 carries the same body: it is the answer "not ready", not a failed request.
  return api.request('/ready', readySchema, { signal, acceptStatuses: [503] });
}

export function getReadyQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: READY_QUERY_KEY,
    queryFn: ({ signal }) => getReady(api, signal),
    refetchInterval: 15_000,
  });
}

export function useReady() {
  return useQuery({ ...getReadyQueryOptions(useApi()), throwOnError: true });
}
