import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { refreshSession } from './refresh-session';

export function logout(api: ApiClient) {
  return api.send('/api/auth/logout', { method: 'POST' });
}

export function useLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(api),
    // Even a failed logout (an already expired session) must leave the panel showing the truth.
    onSettled: () => refreshSession(queryClient),
  });
}
