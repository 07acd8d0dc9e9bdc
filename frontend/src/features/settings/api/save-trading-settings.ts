import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { TRADING_SETTINGS_QUERY_KEY, tradingSettingsSchema } from './get-trading-settings';

/** backend http/routes/settings.ts tradingInput; whether the zone exists is the server's call. */
export const tradingSettingsInputSchema = z.object({ timeZone: z.string().trim().max(64) });
export type TradingSettingsInput = z.infer<typeof tradingSettingsInputSchema>;

export function saveTradingSettings(api: ApiClient, input: TradingSettingsInput) {
  return api.request('/api/settings/trading', tradingSettingsSchema, {
    method: 'PUT',
    body: tradingSettingsInputSchema.parse(input),
  });
}

export function useSaveTradingSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TradingSettingsInput) => saveTradingSettings(api, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(TRADING_SETTINGS_QUERY_KEY, saved);
      // "Today" of the dashboard's figures now starts at another midnight.
      void queryClient.invalidateQueries({ queryKey: ['monitor'] });
    },
  });
}
