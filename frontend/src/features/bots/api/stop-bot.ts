import type { ApiClient } from '../../../lib/api-client';
import { postBotAction, useBotMutation } from './bot-mutation';

/**
 * Without `openTrades`, a bot holding trades is refused with 409 `bot-has-open-trades`
 * (details.count): the person then chooses to close them first or to leave them open.
 */
export type StopBotInput = { id: number; openTrades?: 'close' | 'leave' };

export function stopBot(api: ApiClient, { id, openTrades }: StopBotInput) {
  return postBotAction(api, id, 'stop', openTrades ? { openTrades } : {});
}

export function useStopBot() {
  return useBotMutation(stopBot);
}
