import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { ApiError } from '../../../lib/api-client';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { userSchema } from './get-session';
import { refreshSession } from './refresh-session';

export const setupInputSchema = z.object({
  setupToken: z.string().trim().min(1),
  username: z.string().trim().min(1),
  password: z.string().min(1),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

export function setup(api: ApiClient, input: SetupInput) {
  return api.request('/api/setup', z.object({ user: userSchema }), { method: 'POST', body: input });
}

export function useSetup() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => setup(api, input),
    onSuccess: () => refreshSession(queryClient),
    // Another tab finished setup first: re-reading the session moves this one on to Login.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'already-set-up') {
        return refreshSession(queryClient);
      }
    },
  });
}
