import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { botPageKeys } from './keys';

/** GET /api/bots/:id/logs: the bot's last log lines as the monitor read them at `at`. */
const logsSchema = z.object({
  running: z.boolean(),
  at: z.string().nullable(),
  lines: z.array(
    z.object({ at: z.string(), level: z.string(), logger: z.string(), message: z.string() }),
  ),
});
export type BotLogs = z.infer<typeof logsSchema>;

export function getBotLogs(api: ApiClient, botId: number, signal?: AbortSignal): Promise<BotLogs> {
  return api.request(`/api/bots/${botId}/logs`, logsSchema, { signal });
}

export function getBotLogsQueryOptions(api: ApiClient, botId: number) {
  return queryOptions({
    queryKey: botPageKeys.logs(botId),
    queryFn: ({ signal }) => getBotLogs(api, botId, signal),
    // The message stream pushes status and warnings only; the full log arrives with each sync.
    refetchInterval: (query) => (query.state.data?.running ? 20_000 : false),
  });
}

export function useBotLogs(botId: number) {
  return useQuery(getBotLogsQueryOptions(useApi(), botId));
}
