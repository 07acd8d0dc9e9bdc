import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { BOT_MODES, BOT_STATES } from '../lib/bot-rules';

const finite = z.number().finite();

/** A bot as the orchestrator shows it (backend http/routes/bots.ts `botView`). */
export const botSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  mode: z.enum(BOT_MODES),
  strategy: z.string(),
  strategyParams: z.record(z.string(), z.union([z.string(), finite, z.boolean()])),
  timeframe: z.string(),
  pairs: z.array(z.string()),
  stakeAmount: finite,
  maxOpenTrades: z.number().int(),
  maxExposure: finite,
  stoploss: finite.nullable(),
  minimalRoi: z.record(z.string(), finite).nullable(),
  dailyLossLimit: finite.nullable(),
  desiredState: z.enum(['CREATED', 'RUNNING', 'PAUSED', 'STOPPED']),
  state: z.enum(BOT_STATES),
  stateReason: z.string().nullable(),
  errorReason: z.string().nullable(),
  stateSince: z.string(),
  apiPort: z.number(),
  configVersion: z.number(),
  pendingRestart: z.boolean(),
  lossLimitTripped: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  openTrades: z.number().nullable(),
  openProfitAbs: finite.nullable(),
  realisedToday: finite.nullable(),
});
export type Bot = z.infer<typeof botSchema>;

export const BOTS_QUERY_KEY = ['bots', 'list'] as const;

export function getBots(api: ApiClient, signal?: AbortSignal): Promise<Bot[]> {
  return api.request('/api/bots', z.array(botSchema), { signal });
}

export function getBotsQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: BOTS_QUERY_KEY, queryFn: ({ signal }) => getBots(api, signal) });
}

export function useBots() {
  return useQuery(getBotsQueryOptions(useApi()));
}
