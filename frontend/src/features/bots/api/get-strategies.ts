import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A hyperoptable parameter of a strategy (Int/Decimal/Categorical/BooleanParameter). */
const parameterSchema = z.object({
  name: z.string(),
  kind: z.enum(['int', 'decimal', 'categorical', 'boolean']),
  space: z.string(),
  default: value,
  low: z.number().optional(),
  high: z.number().optional(),
  decimals: z.number().optional(),
  options: z.array(value).optional(),
});

/** One strategy file of the bundled strategies/ folder or the user's (backend adapters/strategies). */
export const strategySchema = z.object({
  name: z.string(),
  file: z.string(),
  source: z.enum(['bundled', 'user']),
  description: z.string(),
  timeframe: z.string().nullable(),
  stoploss: z.number().nullable(),
  minimalRoi: z.record(z.string(), z.number()).nullable(),
  parameters: z.array(parameterSchema),
  isShadowed: z.boolean(),
  error: z.string().optional(),
});
export type Strategy = z.infer<typeof strategySchema>;

export const STRATEGIES_QUERY_KEY = ['bots', 'strategies'] as const;

export function getStrategies(api: ApiClient, signal?: AbortSignal) {
  return api.request('/api/strategies', z.array(strategySchema), { signal });
}

export function getStrategiesQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: STRATEGIES_QUERY_KEY,
    queryFn: ({ signal }) => getStrategies(api, signal),
  });
}

export function useStrategies() {
  return useQuery(getStrategiesQueryOptions(useApi()));
}
