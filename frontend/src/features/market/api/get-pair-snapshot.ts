import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { snapshotSchema } from '../../../../../backend/src/http/routes/market-schemas';
import type { MarketSnapshot } from '../../../../../backend/src/http/routes/market-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { toPairParam } from '../lib/pair-param';
import { marketKeys } from './keys';

export type { MarketSnapshot } from '../../../../../backend/src/http/routes/market-schemas';

/** How many candles (with their indicator series) the pair page draws. */
export const CHART_CANDLES = 300;

export type SnapshotInput = { pair: string; timeframe: string };

/** GET /api/market/pairs/:pair: figures, indicators, regime and the chart's candles. */
export function getPairSnapshot(
  api: ApiClient,
  { pair, timeframe }: SnapshotInput,
  signal?: AbortSignal,
): Promise<MarketSnapshot> {
  return api.request(`/api/market/pairs/${encodeURIComponent(toPairParam(pair))}`, snapshotSchema, {
    query: { timeframe, candles: CHART_CANDLES },
    signal,
  });
}

export function getPairSnapshotQueryOptions(api: ApiClient, input: SnapshotInput) {
  return queryOptions({
    queryKey: marketKeys.snapshot(input.pair, input.timeframe),
    queryFn: ({ signal }) => getPairSnapshot(api, input, signal),
    // Live candles arrive on the `market` channel; this catches what a dropped socket missed and
    // keeps the server's feed of a pair nobody else watches alive (it stops 3 minutes after a read).
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function usePairSnapshot(input: SnapshotInput) {
  return useQuery(getPairSnapshotQueryOptions(useApi(), input));
}
