import { useMutation, useQueryClient } from '@tanstack/react-query';

import {
  marketSchemas,
  watchlistSchema,
} from '../../../../../backend/src/http/routes/market-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { marketKeys } from './keys';

/** The server's own body schema (backend http/routes/market-schemas.ts), for the form to reuse. */
export const addWatchPairInputSchema = marketSchemas.watchlistAddBody;
export type AddWatchPairInput = { pair: string };

/** POST /api/market/watchlist (admins): answers the whole watchlist as it is now. */
export function addWatchPair(api: ApiClient, input: AddWatchPairInput) {
  return api.request('/api/market/watchlist', watchlistSchema, { method: 'POST', body: input });
}

export function useAddWatchPair() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddWatchPairInput) => addWatchPair(api, input),
    onSuccess: (watchlist) => queryClient.setQueryData(marketKeys.watchlist, watchlist),
  });
}
