import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { botPageKeys } from './keys';

const finite = z.number().finite();

/**
 * An open position as the bot reports it now (backend services/dashboard-service.ts `Position`):
 * the current rate, the ROI target in force and the unrealised profit, which the mirror's trade
 * rows do not carry.
 */
const positionSchema = z.object({
  botId: z.number().int(),
  tradeId: z.number().int(),
  pair: z.string(),
  currentRate: finite.nullable(),
  stopLoss: finite.nullable(),
  target: finite.nullable(),
  profitAbs: finite.nullable(),
  profitRatio: finite.nullable(),
});
export type Position = z.infer<typeof positionSchema>;

/** GET /api/dashboard/positions, kept to this bot's. */
export async function getBotPositions(
  api: ApiClient,
  botId: number,
  signal?: AbortSignal,
): Promise<Position[]> {
  const body = await api.request(
    '/api/dashboard/positions',
    z.object({ positions: z.array(positionSchema) }),
    { signal },
  );
  return body.positions.filter((position) => position.botId === botId);
}

export function getBotPositionsQueryOptions(api: ApiClient, botId: number) {
  return queryOptions({
    queryKey: botPageKeys.positions(botId),
    queryFn: ({ signal }) => getBotPositions(api, botId, signal),
    // Prices move without an event; the monitor refreshes its snapshot every few seconds.
    refetchInterval: 15_000,
  });
}

export function useBotPositions(botId: number) {
  return useQuery(getBotPositionsQueryOptions(useApi(), botId));
}
