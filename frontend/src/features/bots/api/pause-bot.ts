import type { ApiClient } from '../../../lib/api-client';
import { postBotAction, useBotMutation } from './bot-mutation';

export function pauseBot(api: ApiClient, { id }: { id: number }) {
  return postBotAction(api, id, 'pause');
}

export function usePauseBot() {
  return useBotMutation(pauseBot);
}
