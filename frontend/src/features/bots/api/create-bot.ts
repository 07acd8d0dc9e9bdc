import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { TIMEFRAMES } from '../lib/bot-rules';
import { putBot } from './bots-cache';
import { botSchema } from './get-bots';

/** Every setting of a bot, as POST /api/bots and PUT /api/bots/:id take them. */
export const botSettingsInputSchema = z.object({
  name: z.string(),
  description: z.string(),
  mode: z.enum(['SIMULATED', 'REAL_MARKET_SPOT']),
  strategy: z.string(),
  strategyParams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  timeframe: z.enum(TIMEFRAMES),
  pairs: z.array(z.string()),
  stakeAmount: z.number(),
  maxOpenTrades: z.number(),
  maxExposure: z.number(),
  stoploss: z.number().nullable(),
  minimalRoi: z.record(z.string(), z.number()).nullable(),
  dailyLossLimit: z.number().nullable(),
});
export type BotSettingsInput = z.infer<typeof botSettingsInputSchema>;

export function createBot(api: ApiClient, input: BotSettingsInput) {
  return api.request('/api/bots', botSchema, { method: 'POST', body: input });
}

export function useCreateBot() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BotSettingsInput) => createBot(api, input),
    onSuccess: (bot) => putBot(queryClient, bot),
  });
}
