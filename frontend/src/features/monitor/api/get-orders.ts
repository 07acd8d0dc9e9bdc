import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { MONITOR_MODES } from './get-dashboard-summary';

const finite = z.number().finite();

/** An order from the mirror (backend services/dashboard-service.ts `orders`), newest first. */
export const orderSchema = z.object({
  at: z.string(),
  filledAt: z.string().nullable(),
  botId: z.number().int(),
  botName: z.string().nullable(),
  mode: z.enum(MONITOR_MODES),
  tradeId: z.number().int(),
  pair: z.string(),
  side: z.string(),
  orderType: z.string().nullable(),
  price: finite.nullable(),
  amount: finite.nullable(),
  filled: finite.nullable(),
  status: z.string().nullable(),
});
export type Order = z.infer<typeof orderSchema>;

export const ordersSchema = z.object({
  from: z.string(),
  to: z.string(),
  orders: z.array(orderSchema),
});
export type Orders = z.infer<typeof ordersSchema>;

export const ORDERS_QUERY_KEY = ['monitor', 'orders', 'today'] as const;

/** Without from/to the server answers the trading day so far. */
export function getOrdersOfToday(api: ApiClient, signal?: AbortSignal): Promise<Orders> {
  return api.request('/api/orders', ordersSchema, { signal });
}

export function getOrdersOfTodayQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ORDERS_QUERY_KEY,
    queryFn: ({ signal }) => getOrdersOfToday(api, signal),
  });
}

export function useOrdersOfToday() {
  return useQuery({ ...getOrdersOfTodayQueryOptions(useApi()), throwOnError: true });
}
