import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

export const userRowSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(['admin', 'viewer']),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const USERS_QUERY_KEY = ['users'] as const;

export function getUsers(api: ApiClient, signal?: AbortSignal): Promise<UserRow[]> {
  return api.request('/api/users', z.array(userRowSchema), { signal });
}

export function getUsersQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: USERS_QUERY_KEY,
    queryFn: ({ signal }) => getUsers(api, signal),
  });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions(useApi()));
}
