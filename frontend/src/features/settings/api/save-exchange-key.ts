import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { EXCHANGE_KEY_QUERY_KEY, exchangeKeyInfoSchema } from './get-exchange-key';
import { LIVE_GATE_QUERY_KEY } from './get-live-gate';

/** Binance keys are 64 letters and digits; the orchestrator accepts 16–128. */
export const exchangeKeyInputSchema = z.object({
  apiKey: z.string().trim().min(1),
  secret: z.string().trim().min(1),
});
export type ExchangeKeyInput = z.infer<typeof exchangeKeyInputSchema>;

const savedKeySchema = z.object({
  key: exchangeKeyInfoSchema,
  balances: z.array(z.object({ asset: z.string(), free: z.number(), locked: z.number() })),
});
export type SavedKey = z.infer<typeof savedKeySchema>;

/** Checked with Binance before it is stored; a key that can withdraw or cannot trade is refused. */
export function saveExchangeKey(api: ApiClient, input: ExchangeKeyInput) {
  return api.request('/api/settings/exchange', savedKeySchema, { method: 'PUT', body: input });
}

export function useSaveExchangeKey() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExchangeKeyInput) => saveExchangeKey(api, input),
    onSuccess: ({ key }) => {
      queryClient.setQueryData(EXCHANGE_KEY_QUERY_KEY, { key });
      void queryClient.invalidateQueries({ queryKey: LIVE_GATE_QUERY_KEY });
    },
  });
}
