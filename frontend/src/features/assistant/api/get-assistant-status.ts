import { queryOptions, useQuery } from '@tanstack/react-query';

import { assistantStatusSchema } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { AssistantStatus } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { assistantKeys } from './keys';

export type { AssistantStatus } from '../../../../../backend/src/http/routes/assistant-schemas';

/** GET /api/assistant/status: whether a model answers, and today's token use (any user). */
export function getAssistantStatus(api: ApiClient, signal?: AbortSignal): Promise<AssistantStatus> {
  return api.request('/api/assistant/status', assistantStatusSchema, { signal });
}

export function getAssistantStatusQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: assistantKeys.status,
    queryFn: ({ signal }) => getAssistantStatus(api, signal),
  });
}

export function useAssistantStatus(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getAssistantStatusQueryOptions(useApi()), enabled: options.enabled });
}
