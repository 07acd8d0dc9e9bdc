import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { USERS_QUERY_KEY } from './get-users';

export function deleteUser(api: ApiClient, id: number) {
  return api.send(`/api/users/${encodeURIComponent(String(id))}`, { method: 'DELETE' });
}

export function useDeleteUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteUser(api, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
