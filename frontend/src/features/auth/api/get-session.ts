import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(['admin', 'viewer']),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  setupRequired: z.boolean(),
  user: userSchema.nullable(),
  csrfToken: z.string(),
  instance: z.object({
    version: z.string(),
    simulation: z.boolean(),
    liveTradingEnabled: z.boolean(),
  }),
});
export type Session = z.infer<typeof sessionSchema>;

export const SESSION_QUERY_KEY = ['auth', 'session'] as const;

export function getSession(api: ApiClient, signal?: AbortSignal): Promise<Session> {
  return api.request('/api/session', sessionSchema, { signal });
}

export function getSessionQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => getSession(api, signal),
    staleTime: 60_000,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions(useApi()));
}
