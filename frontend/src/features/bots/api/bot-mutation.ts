import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { dropBot, putBot } from './bots-cache';
import type { Bot } from './get-bots';
import { BOTS_QUERY_KEY, botSchema } from './get-bots';

/** What a Live step needs from the person: their current password and the bot's name typed out. */
export type LiveConfirmation = { password: string; confirmName: string };

/** POST /api/bots/:id/<action>; every action answers with the bot as it is now. */
export function postBotAction(api: ApiClient, id: number, action: string, body: object = {}) {
  return api.request(`/api/bots/${id}/${action}`, botSchema, { method: 'POST', body });
}

/**
 * A mutation on one bot whose answer replaces the bot in the list (null: the bot is gone); a
 * refusal re-reads the list, which was evidently stale.
 */
export function useBotMutation<I extends { id: number }, R extends Bot | null = Bot>(
  request: (api: ApiClient, input: I) => Promise<R>,
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => request(api, input),
    onSuccess: (bot: R, input: I) =>
      bot === null ? dropBot(queryClient, input.id) : putBot(queryClient, bot),
    onError: () => void queryClient.invalidateQueries({ queryKey: BOTS_QUERY_KEY }),
  });
}
