import type { ApiClient } from '../../../lib/api-client';
import { postBotAction, useBotMutation } from './bot-mutation';

export function restartBot(api: ApiClient, { id }: { id: number }) {
  return postBotAction(api, id, 'restart');
}

export function useRestartBot() {
  return useBotMutation(restartBot);
}
