import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

/** The installation's trading day starts at midnight in this IANA time zone. */
export const tradingSettingsSchema = z.object({ timeZone: z.string().min(1) });
export type TradingSettings = z.infer<typeof tradingSettingsSchema>;

export const TRADING_SETTINGS_QUERY_KEY = ['settings', 'trading'] as const;

export function getTradingSettings(api: ApiClient, signal?: AbortSignal) {
  return api.request('/api/settings/trading', tradingSettingsSchema, { signal });
}

export function getTradingSettingsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: TRADING_SETTINGS_QUERY_KEY,
    queryFn: ({ signal }) => getTradingSettings(api, signal),
  });
}

export function useTradingSettings() {
  return useQuery(getTradingSettingsQueryOptions(useApi()));
}
