import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

const finite = z.number().finite();
const count = z.number().int().nonnegative();

export const MONITOR_MODES = ['SIMULATED', 'REAL_MARKET_SPOT'] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];
export const MONITOR_STATES = ['CREATED', 'RUNNING', 'PAUSED', 'STOPPED', 'ERROR'] as const;

/** PnL today = equity now − equity at the day's start; pct is null when that equity is unknown. */
const pnlSchema = z.object({ abs: finite, pct: finite.nullable() });

// backend services/dashboard-service.ts `totals`, one per mode: Paper and Live are never added.
const totals = {
  bots: count,
  running: count,
  pnlToday: pnlSchema,
  openTrades: count,
  closedToday: count,
  exposure: finite,
};

const balanceSchema = z.object({ asset: z.string(), free: finite, locked: finite });

/** What ExchangeAdapter.figures() reports: request weight, bans and the clock offset. */
const exchangeSchema = z.object({
  usedWeight1m: finite.nullable(),
  usedWeightAt: finite.nullable(),
  weightLimit1m: finite.nullable(),
  sapiUsedWeight1m: finite.nullable(),
  rateLimitedUntil: finite.nullable(),
  bannedUntil: finite.nullable(),
  clockOffsetMs: finite.nullable(),
  marketsLoadedAt: finite.nullable(),
});

export const summarySchema = z.object({
  generatedAt: z.string(),
  tradingDay: z.object({ timeZone: z.string(), start: z.string() }),
  exchange: exchangeSchema,
  live: z.object({
    ...totals,
    // null: no Binance key is set. balances null + error: the first read failed.
    account: z
      .object({
        at: z.string(),
        balances: z.array(balanceSchema).nullable(),
        error: z.string().nullable(),
      })
      .nullable(),
  }),
  paper: z.object({
    ...totals,
    wallets: z.array(
      z.object({
        botId: z.number().int(),
        name: z.string(),
        capital: finite,
        equity: finite.nullable(),
      }),
    ),
  }),
  bots: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      mode: z.enum(MONITOR_MODES),
      state: z.enum(MONITOR_STATES),
      strategy: z.string(),
      pairs: z.array(z.string()),
      lastLoopAt: z.string().nullable(),
      openTrades: count.nullable(),
      ordersToday: count,
      signalsToday: count,
      degraded: z.string().nullable(),
      streaming: z.boolean(),
    }),
  ),
});
export type DashboardSummary = z.infer<typeof summarySchema>;
export type MonitorBot = DashboardSummary['bots'][number];
export type ExchangeFigures = DashboardSummary['exchange'];

/** Every query of the live monitor starts with this, so a resync re-reads them all at once. */
export const MONITOR_QUERY_KEY = ['monitor'] as const;
export const SUMMARY_QUERY_KEY = ['monitor', 'summary'] as const;

export function getDashboardSummary(api: ApiClient, signal?: AbortSignal) {
  return api.request('/api/dashboard/summary', summarySchema, { signal });
}

export function getDashboardSummaryQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: SUMMARY_QUERY_KEY,
    queryFn: ({ signal }) => getDashboardSummary(api, signal),
    // A bot's last loop and the exchange figures move without any event.
    refetchInterval: 15_000,
  });
}

/** Throws to the card's error boundary, so one failing card does not blank the dashboard. */
export function useDashboardSummary() {
  return useQuery({ ...getDashboardSummaryQueryOptions(useApi()), throwOnError: true });
}
