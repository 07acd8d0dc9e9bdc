import type { ApiClient } from '../../../lib/api-client';
import { postBotAction, useBotMutation } from './bot-mutation';

/** Lifts a tripped daily loss limit; the reason (3–500 characters) goes to the audit log. */
export type RearmBotInput = { id: number; reason: string };

export function rearmBot(api: ApiClient, { id, reason }: RearmBotInput) {
  return postBotAction(api, id, 'rearm', { reason });
}

export function useRearmBot() {
  return useBotMutation(rearmBot);
}
