import { queryOptions, useQuery } from '@tanstack/react-query';

import { watchlistSchema } from '../../../../../backend/src/http/routes/market-schemas';
import type { Watchlist } from '../../../../../backend/src/http/routes/market-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { marketKeys } from './keys';

export type { Watchlist, WatchRow } from '../../../../../backend/src/http/routes/market-schemas';

/** GET /api/market/watchlist: the setting's pairs and the bots' pairs, with their figures. */
export function getWatchlist(api: ApiClient, signal?: AbortSignal): Promise<Watchlist> {
  return api.request('/api/market/watchlist', watchlistSchema, { signal });
}

export function getWatchlistQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: marketKeys.watchlist,
    queryFn: ({ signal }) => getWatchlist(api, signal),
  });
}

export function useWatchlist() {
  return useQuery(getWatchlistQueryOptions(useApi()));
}
