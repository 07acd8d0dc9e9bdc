import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { dropBot } from './bots-cache';
import { BOTS_QUERY_KEY } from './get-bots';

export function deleteBot(api: ApiClient, id: number) {
  return api.send(`/api/bots/${id}`, { method: 'DELETE' });
}

export function useDeleteBot() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteBot(api, id),
    onSuccess: (_answer, id) => dropBot(queryClient, id),
    // A refusal (409) means the list was stale: re-read it.
    onError: () => void queryClient.invalidateQueries({ queryKey: BOTS_QUERY_KEY }),
  });
}
