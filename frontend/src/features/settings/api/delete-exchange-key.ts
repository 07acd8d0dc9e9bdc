import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { EXCHANGE_KEY_QUERY_KEY } from './get-exchange-key';
import { LIVE_GATE_QUERY_KEY } from './get-live-gate';

export function deleteExchangeKey(api: ApiClient) {
  return api.send('/api/settings/exchange', { method: 'DELETE' });
}

export function useDeleteExchangeKey() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteExchangeKey(api),
    onSuccess: () => queryClient.setQueryData(EXCHANGE_KEY_QUERY_KEY, { key: null }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: EXCHANGE_KEY_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: LIVE_GATE_QUERY_KEY });
    },
  });
}
