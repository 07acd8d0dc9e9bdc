import { and, gte, lt, sql } from 'drizzle-orm';

import type { Db } from '../open-db.js';
import { assistantUsage } from '../schema.js';

export type AssistantUsageRow = typeof assistantUsage.$inferInsert;

/** The assistant's model calls: one row each, summed per period for the budget and the cost. */
export function createAssistantRepo(db: Db) {
  return {
    record(row: Omit<AssistantUsageRow, 'id'>): void {
      db.insert(assistantUsage).values(row).run();
    },

    /** Tokens (prompt + completion), estimated cost and calls of the calls made in [from, to). */
    totals(from: number, to: number): { tokens: number; cost: number; calls: number } {
      const row = db
        .select({
          tokens: sql<number>`coalesce(sum(${assistantUsage.promptTokens} + ${assistantUsage.completionTokens}), 0)`,
          cost: sql<number>`coalesce(sum(${assistantUsage.estimatedCost}), 0)`,
          calls: sql<number>`count(*)`,
        })
        .from(assistantUsage)
        .where(and(gte(assistantUsage.at, from), lt(assistantUsage.at, to)))
        .get();
      return { tokens: row?.tokens ?? 0, cost: row?.cost ?? 0, calls: row?.calls ?? 0 };
    },
  };
}

export type AssistantRepo = ReturnType<typeof createAssistantRepo>;
