import { useMutation, useQueryClient } from '@tanstack/react-query';

import {
  marketSchemas,
  watchlistSchema,
} from '../../../../../backend/src/http/routes/market-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { marketKeys } from './keys';

export const setWatchlistInputSchema = marketSchemas.watchlistPutBody;
export type SetWatchlistInput = { pairs?: string[]; timeframe?: string };

/** PUT /api/market/watchlist (admins): the pairs, the timeframe, or both. */
export function setWatchlist(api: ApiClient, input: SetWatchlistInput) {
  return api.request('/api/market/watchlist', watchlistSchema, {
    method: 'PUT',
    body: setWatchlistInputSchema.parse(input),
  });
}

export function useSetWatchlist() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetWatchlistInput) => setWatchlist(api, input),
    onSuccess: (watchlist) => queryClient.setQueryData(marketKeys.watchlist, watchlist),
  });
}
