import { useMutation, useQueryClient } from '@tanstack/react-query';

import { answerSchema } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { Language } from '../../../i18n/languages';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { assistantKeys } from './keys';

export type BotSummaryInput = { botId: number; language: Language };

/** POST /api/assistant/bots/:id/summary: what the bot's recent signals and trades say. */
export function askBotSummary(api: ApiClient, { botId, language }: BotSummaryInput) {
  return api.request(`/api/assistant/bots/${botId}/summary`, answerSchema, {
    method: 'POST',
    body: { language },
  });
}

export function useAskBotSummary() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BotSummaryInput) => askBotSummary(api, input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: assistantKeys.all }),
  });
}
