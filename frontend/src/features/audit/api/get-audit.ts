import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';

export const auditItemSchema = z.object({
  id: z.union([z.number(), z.string()]),
  at: z.string(),
  // The orchestrator records who acted as { id, username } (id null for "system").
  actor: z
    .union([z.string(), z.object({ id: z.number().nullable(), username: z.string() })])
    .transform((actor) => (typeof actor === 'string' ? actor : actor.username)),
  action: z.string(),
  target: z.string().nullable().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  reason: z.string().nullable().optional(),
  ip: z.string().nullable().optional(),
});
export type AuditItem = z.output<typeof auditItemSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditItemSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** Filters as the API takes them: `from`/`to` are ISO instants, `actor` a username, `action` exact. */
export type AuditQuery = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  cursor?: string;
  limit?: number;
};

export const AUDIT_PAGE_SIZE = 50;

export function getAudit(api: ApiClient, query: AuditQuery, signal?: AbortSignal) {
  return api.request('/api/audit', auditPageSchema, {
    query: { limit: AUDIT_PAGE_SIZE, ...query },
    signal,
  });
}

export function getAuditQueryOptions(api: ApiClient, query: AuditQuery) {
  return queryOptions({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => getAudit(api, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(query: AuditQuery) {
  return useQuery(getAuditQueryOptions(useApi(), query));
}
