import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { MONITOR_MODES, MONITOR_QUERY_KEY } from './get-dashboard-summary';

/** The words the server wants in `confirm` (backend http/routes/monitor.ts closeAllInput). */
export const CLOSE_ALL_PHRASE = 'CLOSE ALL';

export const closeAllInputSchema = z.object({
  confirm: z.literal(CLOSE_ALL_PHRASE),
  reason: z.string().trim().max(500),
});
export type CloseAllInput = z.infer<typeof closeAllInputSchema>;

/** backend services/emergency-service.ts `CloseReport`. */
export const closeReportSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  bots: z.array(
    z.object({
      botId: z.number().int(),
      name: z.string(),
      mode: z.enum(MONITOR_MODES),
      result: z.enum(['closed', 'pending', 'failed']),
      openBefore: z.number().int().nullable(),
      openAfter: z.number().int().nullable(),
      startedPaused: z.boolean(),
      error: z.string().nullable(),
    }),
  ),
});
export type CloseReport = z.infer<typeof closeReportSchema>;

/** Pauses every bot and force-exits every open trade; the answer may take up to a minute. */
export function closeAllPositions(api: ApiClient, input: CloseAllInput) {
  return api.request('/api/emergency/close-all', closeReportSchema, {
    method: 'POST',
    body: closeAllInputSchema.parse(input),
  });
}

export function useCloseAllPositions() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CloseAllInput) => closeAllPositions(api, input),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: MONITOR_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ['bots', 'list'] });
    },
  });
}
