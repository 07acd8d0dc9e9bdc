import { z } from 'zod';

import { useWsChannel } from '../../../lib/ws-context';
import { EQUITY_QUERY_KEY_PREFIX } from '../api/get-equity';
import { MONITOR_MODES, MONITOR_QUERY_KEY, SUMMARY_QUERY_KEY } from '../api/get-dashboard-summary';
import { ORDERS_QUERY_KEY } from '../api/get-orders';
import { POSITIONS_QUERY_KEY } from '../api/get-positions';
import { useDebouncedInvalidation } from './use-debounced-invalidation';

const finite = z.number().finite();
const about = {
  botId: z.number().int(),
  botName: z.string(),
  mode: z.enum(MONITOR_MODES),
  at: z.string(),
};

/** The `alerts` channel (backend services/monitor-events.ts): every fill, exceptions, protections. */
export const monitorAlertSchema = z.discriminatedUnion('kind', [
  z.object({
    ...about,
    kind: z.literal('fill'),
    tradeId: z.number().int(),
    pair: z.string(),
    side: z.enum(['buy', 'sell']),
    price: finite.nullable().optional(),
    amount: finite.nullable().optional(),
  }),
  z.object({ ...about, kind: z.literal('bot-exception'), text: z.string() }),
  z.object({
    ...about,
    kind: z.literal('protection'),
    pair: z.string().nullable().optional(),
    reason: z.string().nullable().optional(),
    until: z.string(),
  }),
]);
export type MonitorAlert = z.infer<typeof monitorAlertSchema>;

/**
 * Keeps the dashboard's queries current from the panel WebSocket: each event marks the queries
 * it changes stale (batched for 250 ms), and every (re)subscription re-reads them all, since
 * events sent while the socket was down are lost. Alerts are handed to `onAlert`.
 */
export function useMonitorEvents(onAlert: (alert: MonitorAlert) => void): void {
  const invalidate = useDebouncedInvalidation();
  const resync = () => invalidate([MONITOR_QUERY_KEY]);

  useWsChannel('bots', { onEvent: () => invalidate([SUMMARY_QUERY_KEY]), onResync: resync });
  useWsChannel('orders', {
    onEvent: () => invalidate([ORDERS_QUERY_KEY, SUMMARY_QUERY_KEY]),
    onResync: resync,
  });
  useWsChannel('positions', {
    onEvent: () => invalidate([POSITIONS_QUERY_KEY, SUMMARY_QUERY_KEY]),
    onResync: resync,
  });
  useWsChannel('alerts', {
    onEvent: (event) => {
      const alert = monitorAlertSchema.safeParse(event.payload);
      if (!alert.success) return;
      if (alert.data.kind === 'fill') {
        invalidate([
          POSITIONS_QUERY_KEY,
          ORDERS_QUERY_KEY,
          SUMMARY_QUERY_KEY,
          EQUITY_QUERY_KEY_PREFIX,
        ]);
      }
      onAlert(alert.data);
    },
    onResync: resync,
  });
}
