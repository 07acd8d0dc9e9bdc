import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { putBot } from './bots-cache';
import type { BotSettingsInput } from './create-bot';
import { botSchema } from './get-bots';
import { BOT_CONFIG_QUERY_KEY } from './get-bot-config';

/** On a bot whose process runs: restart it with the new settings now, or keep them for its next start. */
export type ApplyMode = 'restart' | 'next-start';

export type UpdateBotInput = { id: number; settings: BotSettingsInput; apply: ApplyMode };

export function updateBot(api: ApiClient, { id, settings, apply }: UpdateBotInput) {
  return api.request(`/api/bots/${id}`, botSchema, {
    method: 'PUT',
    body: { ...settings, apply },
  });
}

export function useUpdateBot() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateBotInput) => updateBot(api, input),
    onSuccess: (bot) => {
      putBot(queryClient, bot);
      void queryClient.invalidateQueries({ queryKey: BOT_CONFIG_QUERY_KEY(bot.id) });
    },
  });
}
