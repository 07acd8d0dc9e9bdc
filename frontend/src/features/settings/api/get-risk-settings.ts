import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

/** Pairs no bot may trade (Freqtrade's pair blacklist in every generated config). */
export const riskSettingsSchema = z.object({ blockedPairs: z.array(z.string()) });
export type RiskSettings = z.infer<typeof riskSettingsSchema>;

export const RISK_SETTINGS_QUERY_KEY = ['settings', 'risk'] as const;

export function getRiskSettings(api: ApiClient, signal?: AbortSignal) {
  return api.request('/api/settings/risk', riskSettingsSchema, { signal });
}

export function getRiskSettingsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: RISK_SETTINGS_QUERY_KEY,
    queryFn: ({ signal }) => getRiskSettings(api, signal),
  });
}

export function useRiskSettings() {
  return useQuery(getRiskSettingsQueryOptions(useApi()));
}
