import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { RiskSettings } from './get-risk-settings';
import { RISK_SETTINGS_QUERY_KEY, riskSettingsSchema } from './get-risk-settings';

export function saveRiskSettings(api: ApiClient, input: RiskSettings) {
  return api.request('/api/settings/risk', riskSettingsSchema, { method: 'PUT', body: input });
}

export function useSaveRiskSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RiskSettings) => saveRiskSettings(api, input),
    onSuccess: (saved) => queryClient.setQueryData(RISK_SETTINGS_QUERY_KEY, saved),
  });
}
