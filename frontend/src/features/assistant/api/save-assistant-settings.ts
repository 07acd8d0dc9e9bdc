import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

import {
  assistantSchemas,
  assistantStatusSchema,
} from '../../../../../backend/src/http/routes/assistant-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { assistantKeys } from './keys';

/** The server's own body schema (backend http/routes/assistant-schemas.ts). */
export const assistantSettingsInputSchema = assistantSchemas.settingsBody;
export type AssistantSettingsInput = z.input<typeof assistantSettingsInputSchema>;

/** PUT /api/settings/assistant (admins); `apiKey: null` forgets the saved key. */
export function saveAssistantSettings(api: ApiClient, input: AssistantSettingsInput) {
  return api.request('/api/settings/assistant', assistantStatusSchema, {
    method: 'PUT',
    body: input,
  });
}

export function useSaveAssistantSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssistantSettingsInput) => saveAssistantSettings(api, input),
    onSuccess: (status) => {
      queryClient.setQueryData(assistantKeys.settings, status);
      queryClient.setQueryData(assistantKeys.status, status);
    },
  });
}
