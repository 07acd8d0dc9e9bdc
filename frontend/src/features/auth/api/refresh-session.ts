import type { QueryClient } from '@tanstack/react-query';

import { SESSION_QUERY_KEY } from './get-session';

/**
 * After login, logout or setup the server issues a new session and CSRF token: drop every cached
 * answer of the previous user and wait until the new session is loaded.
 */
export async function refreshSession(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
}
