import type { ApiClient } from '../../../lib/api-client';
import type { LiveConfirmation } from './bot-mutation';
import { postBotAction, useBotMutation } from './bot-mutation';

/** A Live bot's start needs `confirm`; a Paper bot's does not. */
export type StartBotInput = { id: number; confirm?: LiveConfirmation };

export function startBot(api: ApiClient, { id, confirm }: StartBotInput) {
  return postBotAction(api, id, 'start', confirm ?? {});
}

export function useStartBot() {
  return useBotMutation(startBot);
}
