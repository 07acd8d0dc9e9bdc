import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { botPageKeys } from './keys';

/** The fields of a bot (backend http/routes/bots.ts `botView`) this page shows or decides on. */
export const botPageBotSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  mode: z.enum(['SIMULATED', 'REAL_MARKET_SPOT']),
  strategy: z.string(),
  timeframe: z.string(),
  pairs: z.array(z.string()),
  stakeAmount: z.number().finite(),
  desiredState: z.enum(['CREATED', 'RUNNING', 'PAUSED', 'STOPPED']),
  state: z.enum(['CREATED', 'RUNNING', 'PAUSED', 'STOPPED', 'ERROR']),
  stateReason: z.string().nullable(),
  /** Bumped by every saved settings change (a recommendation made before it is stale). */
  configVersion: z.number().int(),
});
export type BotPageBot = z.infer<typeof botPageBotSchema>;

export function getBot(api: ApiClient, botId: number, signal?: AbortSignal): Promise<BotPageBot> {
  return api.request(`/api/bots/${botId}`, botPageBotSchema, { signal });
}

export function getBotQueryOptions(api: ApiClient, botId: number) {
  return queryOptions({
    queryKey: botPageKeys.bot(botId),
    queryFn: ({ signal }) => getBot(api, botId, signal),
  });
}

export function useBotPageBot(botId: number) {
  return useQuery(getBotQueryOptions(useApi(), botId));
}

/** The stake currency is the quote of the first pair (backend checkBotSettings). */
export function quoteOf(bot: Pick<BotPageBot, 'pairs'>): string {
  return bot.pairs[0]?.split('/')[1] ?? '';
}
