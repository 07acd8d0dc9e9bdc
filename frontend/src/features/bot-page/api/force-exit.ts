import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { refreshTrading } from './refresh';

export type ForceExitInput = { botId: number; tradeId: number | 'all' };

/** POST /api/bots/:id/forceexit at market price; Freqtrade answers with a sentence. */
export function forceExit(api: ApiClient, { botId, tradeId }: ForceExitInput) {
  return api.request(`/api/bots/${botId}/forceexit`, z.object({ result: z.unknown() }), {
    method: 'POST',
    body: { tradeId, orderType: 'market' },
  });
}

export function useForceExit() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ForceExitInput) => forceExit(api, input),
    // A refusal (not open any more, bot stopped) also says the page was stale.
    onSettled: (_data, _error, input) => refreshTrading(queryClient, input.botId),
  });
}
