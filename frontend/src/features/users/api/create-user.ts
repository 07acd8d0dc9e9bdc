import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { USERS_QUERY_KEY, userRowSchema } from './get-users';

export const createUserInputSchema = z.object({
  username: z.string().trim().min(1),
  password: z.string().min(1),
  role: z.literal('viewer'),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export function createUser(api: ApiClient, input: CreateUserInput) {
  return api.request('/api/users', userRowSchema, { method: 'POST', body: input });
}

export function useCreateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => createUser(api, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
