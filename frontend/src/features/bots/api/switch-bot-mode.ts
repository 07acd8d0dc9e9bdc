import type { ApiClient } from '../../../lib/api-client';
import type { BotMode } from '../lib/bot-rules';
import type { LiveConfirmation } from './bot-mutation';
import { postBotAction, useBotMutation } from './bot-mutation';

/** Paper ↔ Live while stopped; Live needs `confirm` and the open Live gates. */
export type SwitchBotModeInput = { id: number; mode: BotMode; confirm?: LiveConfirmation };

export function switchBotMode(api: ApiClient, { id, mode, confirm }: SwitchBotModeInput) {
  return postBotAction(api, id, 'mode', { mode, ...confirm });
}

export function useSwitchBotMode() {
  return useBotMutation(switchBotMode);
}
