import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { LIVE_GATE_QUERY_KEY, liveGateSchema } from './get-live-gate';

/** Audited; needs the current password again (403 `reauth-failed` otherwise). */
export type LiveSwitchInput = { enabled: boolean; password: string };

export function setLiveSwitch(api: ApiClient, input: LiveSwitchInput) {
  return api.request('/api/settings/live', liveGateSchema, { method: 'PUT', body: input });
}

export function useSetLiveSwitch() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LiveSwitchInput) => setLiveSwitch(api, input),
    onSuccess: (gate) => queryClient.setQueryData(LIVE_GATE_QUERY_KEY, gate),
  });
}
