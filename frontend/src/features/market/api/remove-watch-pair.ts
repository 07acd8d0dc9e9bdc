import { useMutation, useQueryClient } from '@tanstack/react-query';

import { watchlistSchema } from '../../../../../backend/src/http/routes/market-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { toPairParam } from '../lib/pair-param';
import { marketKeys } from './keys';

/** DELETE /api/market/watchlist/:pair (admins); a pair a bot trades stays as the bot's row. */
export function removeWatchPair(api: ApiClient, pair: string) {
  return api.request(
    `/api/market/watchlist/${encodeURIComponent(toPairParam(pair))}`,
    watchlistSchema,
    { method: 'DELETE' },
  );
}

export function useRemoveWatchPair() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pair: string) => removeWatchPair(api, pair),
    onSuccess: (watchlist) => queryClient.setQueryData(marketKeys.watchlist, watchlist),
    // A refusal (already removed elsewhere) means the list here was stale.
    onError: () => void queryClient.invalidateQueries({ queryKey: marketKeys.watchlist }),
  });
}
