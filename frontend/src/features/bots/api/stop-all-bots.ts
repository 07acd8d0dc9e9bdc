import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { putBots } from './bots-cache';
import { BOTS_QUERY_KEY, botSchema } from './get-bots';

/** Emergency: every bot at once; the answer is the whole list as it is now. */
export function stopAllBots(api: ApiClient, reason = '') {
  return api.request('/api/emergency/stop-all', z.array(botSchema), {
    method: 'POST',
    body: { reason },
  });
}

export function useStopAllBots() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason?: string) => stopAllBots(api, reason),
    onSuccess: (bots) => putBots(queryClient, bots),
    onError: () => void queryClient.invalidateQueries({ queryKey: BOTS_QUERY_KEY }),
  });
}
