import { queryOptions, useQuery } from '@tanstack/react-query';

import { assistantStatusSchema } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { AssistantStatus } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { assistantKeys } from './keys';

/** GET /api/settings/assistant (admins): the same status, as the Settings section edits it. */
export function getAssistantSettings(
  api: ApiClient,
  signal?: AbortSignal,
): Promise<AssistantStatus> {
  return api.request('/api/settings/assistant', assistantStatusSchema, { signal });
}

export function getAssistantSettingsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: assistantKeys.settings,
    queryFn: ({ signal }) => getAssistantSettings(api, signal),
  });
}

export function useAssistantSettings(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getAssistantSettingsQueryOptions(useApi()), enabled: options.enabled });
}
