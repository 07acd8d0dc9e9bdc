import type { ApiClient } from '../../../lib/api-client';
import type { LiveConfirmation } from './bot-mutation';
import { postBotAction, useBotMutation } from './bot-mutation';

/** From ERROR back to its desired state; a Live bot needs `confirm`. */
export type RetryBotInput = { id: number; confirm?: LiveConfirmation };

export function retryBot(api: ApiClient, { id, confirm }: RetryBotInput) {
  return postBotAction(api, id, 'retry', confirm ?? {});
}

export function useRetryBot() {
  return useBotMutation(retryBot);
}
