import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

const changeSchema = z.object({
  path: z.string(),
  // A key that was added or removed has no before / after (undefined is dropped from JSON).
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

/** The bot's current Freqtrade config (secrets redacted) and its saved versions, newest first. */
export const botConfigSchema = z.object({
  current: z.record(z.string(), z.unknown()),
  pendingRestart: z.boolean(),
  versions: z.array(
    z.object({
      version: z.number(),
      // Epoch milliseconds today; an ISO string is read the same way.
      createdAt: z.union([z.number(), z.string()]),
      reason: z.string(),
      changes: z.array(changeSchema),
    }),
  ),
});
export type BotConfig = z.infer<typeof botConfigSchema>;
export type ConfigVersion = BotConfig['versions'][number];

export const BOT_CONFIG_QUERY_KEY = (id: number) => ['bots', 'config', id] as const;

export function getBotConfig(api: ApiClient, id: number, signal?: AbortSignal) {
  return api.request(`/api/bots/${id}/config`, botConfigSchema, { signal });
}

export function getBotConfigQueryOptions(api: ApiClient, id: number) {
  return queryOptions({
    queryKey: BOT_CONFIG_QUERY_KEY(id),
    queryFn: ({ signal }) => getBotConfig(api, id, signal),
  });
}

export function useBotConfig(id: number) {
  return useQuery(getBotConfigQueryOptions(useApi(), id));
}
