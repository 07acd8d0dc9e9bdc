import type { ApiClient } from '../../../lib/api-client';
import { postBotAction, useBotMutation } from './bot-mutation';

export function resumeBot(api: ApiClient, { id }: { id: number }) {
  return postBotAction(api, id, 'resume');
}

export function useResumeBot() {
  return useBotMutation(resumeBot);
}
