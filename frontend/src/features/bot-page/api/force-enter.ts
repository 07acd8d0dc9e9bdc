import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { botPageKeys } from './keys';
import { refreshTrading } from './refresh';

export type ForceEnterInput = {
  botId: number;
  pair: string;
  stakeAmount?: number;
  orderType: 'market' | 'limit';
  price?: number;
};

/** POST /api/bots/:id/forceenter; answers with the trade the bot opened. */
export function forceEnter(api: ApiClient, { botId, ...body }: ForceEnterInput) {
  return api.request(
    `/api/bots/${botId}/forceenter`,
    z.object({ tradeId: z.number().int(), pair: z.string() }),
    { method: 'POST', body },
  );
}

export function useForceEnter() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ForceEnterInput) => forceEnter(api, input),
    onSuccess: (_data, input) => refreshTrading(queryClient, input.botId),
    onError: (error, input) => {
      // The bot stopped trading meanwhile: read it again so the page says so.
      if (error instanceof ApiError && error.code === 'bot-not-trading') {
        void queryClient.invalidateQueries({ queryKey: botPageKeys.bot(input.botId) });
      }
    },
  });
}
