import { useMutation, useQueryClient } from '@tanstack/react-query';

import { answerSchema } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { Language } from '../../../i18n/languages';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { assistantKeys } from './keys';

export type MarketSummaryInput = { pair: string; timeframe: string; language: Language };

/** POST /api/assistant/market-summary: a grounded reading of one pair, in the user's language. */
export function askMarketSummary(api: ApiClient, input: MarketSummaryInput) {
  return api.request('/api/assistant/market-summary', answerSchema, {
    method: 'POST',
    body: input,
  });
}

export function useAskMarketSummary() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarketSummaryInput) => askMarketSummary(api, input),
    // An answer spends tokens of today's budget.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: assistantKeys.all }),
  });
}
