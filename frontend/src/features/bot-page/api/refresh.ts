import type { QueryClient } from '@tanstack/react-query';

import { botPageKeys } from './keys';

/** After an order or a position change: the trades, the live figures and the chart's markers. */
export function refreshTrading(queryClient: QueryClient, botId: number): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: botPageKeys.trades(botId) }),
    queryClient.invalidateQueries({ queryKey: botPageKeys.positions(botId) }),
    queryClient.invalidateQueries({ queryKey: botPageKeys.candlesAll(botId) }),
  ]);
}
