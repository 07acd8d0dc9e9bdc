import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { userSchema } from './get-session';
import { refreshSession } from './refresh-session';

export const loginInputSchema = z.object({
  username: z.string().trim().min(1),
  password: z.string().min(1),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export function login(api: ApiClient, input: LoginInput) {
  return api.request('/api/auth/login', z.object({ user: userSchema }), {
    method: 'POST',
    body: input,
  });
}

export function useLogin() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(api, input),
    onSuccess: () => refreshSession(queryClient),
  });
}
