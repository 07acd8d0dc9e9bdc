import { useMutation, useQueryClient } from '@tanstack/react-query';

import { recommendationSchema } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { Language } from '../../../i18n/languages';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { assistantKeys } from './keys';

export type RecommendationInput = { botId: number; language: Language };

/** POST /api/assistant/bots/:id/recommendation: proposed settings as a diff; nothing is applied. */
export function askRecommendation(api: ApiClient, { botId, language }: RecommendationInput) {
  return api.request(`/api/assistant/bots/${botId}/recommendation`, recommendationSchema, {
    method: 'POST',
    body: { language },
  });
}

export function useAskRecommendation() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecommendationInput) => askRecommendation(api, input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: assistantKeys.all }),
  });
}
