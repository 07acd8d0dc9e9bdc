import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';

import type {
  Bot,
  BotId,
  BotSettings,
  BotState,
  DesiredState,
  ErrorReason,
} from '../../domain/bot.js';
import type { Db } from '../open-db.js';
import { botConfigVersions, bots } from '../schema.js';

type Row = typeof bots.$inferSelect;

// JSON columns are parsed where they leave the DB, like any other input.
const paramsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const pairsSchema = z.array(z.string());
const roiSchema = z.record(z.string(), z.number()).nullable();

function toBot(row: Row): Bot {
  return {
    id: row.id as BotId,
    name: row.name,
    description: row.description,
    mode: row.mode,
    strategy: row.strategy,
    strategyParams: paramsSchema.parse(JSON.parse(row.strategyParams)),
    timeframe: row.timeframe,
    pairs: pairsSchema.parse(JSON.parse(row.pairs)),
    stakeAmount: row.stakeAmount,
    maxOpenTrades: row.maxOpenTrades,
    maxExposure: row.maxExposure,
    stoploss: row.stoploss,
    minimalRoi: roiSchema.parse(row.minimalRoi === null ? null : JSON.parse(row.minimalRoi)),
    dailyLossLimit: row.dailyLossLimit,
    desiredState: row.desiredState,
    state: row.state,
    stateReason: row.stateReason,
    errorReason: row.errorReason as ErrorReason | null,
    stateSince: row.stateSince,
    apiPort: row.apiPort,
    configVersion: row.configVersion,
    pendingRestart: row.pendingRestart,
    lossLimitTrippedAt: row.lossLimitTrippedAt,
    lossLimitTripReason: row.lossLimitTripReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function settingsColumns(settings: BotSettings) {
  return {
    name: settings.name,
    description: settings.description,
    mode: settings.mode,
    strategy: settings.strategy,
    strategyParams: JSON.stringify(settings.strategyParams),
    timeframe: settings.timeframe,
    pairs: JSON.stringify(settings.pairs),
    stakeAmount: settings.stakeAmount,
    maxOpenTrades: settings.maxOpenTrades,
    maxExposure: settings.maxExposure,
    stoploss: settings.stoploss,
    minimalRoi: settings.minimalRoi === null ? null : JSON.stringify(settings.minimalRoi),
    dailyLossLimit: settings.dailyLossLimit,
  };
}

export interface ConfigVersion {
  version: number;
  createdAt: number;
  reason: string;
  config: unknown;
}

export function createBotRepo(db: Db) {
  const live = isNull(bots.deletedAt);
  return {
    list(): Bot[] {
      return db.select().from(bots).where(live).orderBy(asc(bots.id)).all().map(toBot);
    },
    find(id: BotId): Bot | null {
      const row = db
        .select()
        .from(bots)
        .where(and(eq(bots.id, id), live))
        .get();
      return row ? toBot(row) : null;
    },
    /** Every bot's name, deleted ones included (their trades stay in the mirror). */
    names(): Map<number, string> {
      const rows = db.select({ id: bots.id, name: bots.name }).from(bots).all();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** Ports of bots that are not deleted (a deleted bot's port may be reused). */
    usedPorts(): Set<number> {
      return new Set(
        db
          .select({ port: bots.apiPort })
          .from(bots)
          .where(live)
          .all()
          .map((r) => r.port),
      );
    },
    insert(settings: BotSettings, apiPort: number, now: number): Bot {
      const row = db
        .insert(bots)
        .values({
          ...settingsColumns(settings),
          desiredState: 'CREATED',
          state: 'CREATED',
          stateSince: now,
          apiPort,
          configVersion: 0,
          pendingRestart: false,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      return toBot(row);
    },
    updateSettings(id: BotId, settings: BotSettings, now: number): void {
      db.update(bots)
        .set({ ...settingsColumns(settings), updatedAt: now })
        .where(eq(bots.id, id))
        .run();
    },
    setDesired(id: BotId, desired: DesiredState, now: number): void {
      db.update(bots).set({ desiredState: desired, updatedAt: now }).where(eq(bots.id, id)).run();
    },
    /** Records an observed state; `stateSince` moves only when the state itself changes. */
    setObserved(
      id: BotId,
      observed: { state: BotState; reason: string | null; errorReason: ErrorReason | null },
      now: number,
    ): boolean {
      const result = db
        .update(bots)
        .set({
          state: observed.state,
          stateReason: observed.reason,
          errorReason: observed.errorReason,
          stateSince: sql`CASE WHEN ${bots.state} = ${observed.state} THEN ${bots.stateSince} ELSE ${now} END`,
        })
        .where(
          and(
            eq(bots.id, id),
            sql`(${bots.state} IS NOT ${observed.state} OR ${bots.stateReason} IS NOT ${observed.reason})`,
          ),
        )
        .run();
      return result.changes > 0;
    },
    setPendingRestart(id: BotId, pending: boolean): void {
      db.update(bots).set({ pendingRestart: pending }).where(eq(bots.id, id)).run();
    },
    setApiPort(id: BotId, port: number): void {
      db.update(bots).set({ apiPort: port }).where(eq(bots.id, id)).run();
    },
    setLossTrip(id: BotId, trip: { at: number; reason: string } | null): void {
      db.update(bots)
        .set({ lossLimitTrippedAt: trip?.at ?? null, lossLimitTripReason: trip?.reason ?? null })
        .where(eq(bots.id, id))
        .run();
    },
    markDeleted(id: BotId, now: number): void {
      db.update(bots).set({ deletedAt: now, updatedAt: now }).where(eq(bots.id, id)).run();
    },
    /** Stores a generated config (redacted) as the bot's next version and returns its number. */
    addConfigVersion(id: BotId, config: unknown, reason: string, now: number): number {
      return db.transaction((tx) => {
        const row = tx
          .select({ version: bots.configVersion })
          .from(bots)
          .where(eq(bots.id, id))
          .get();
        const version = (row?.version ?? 0) + 1;
        tx.insert(botConfigVersions)
          .values({ botId: id, version, createdAt: now, reason, config: JSON.stringify(config) })
          .run();
        tx.update(bots).set({ configVersion: version }).where(eq(bots.id, id)).run();
        return version;
      });
    },
    configVersions(id: BotId, limit = 20): ConfigVersion[] {
      return db
        .select()
        .from(botConfigVersions)
        .where(eq(botConfigVersions.botId, id))
        .orderBy(desc(botConfigVersions.version))
        .limit(limit)
        .all()
        .map((r) => ({
          version: r.version,
          createdAt: r.createdAt,
          reason: r.reason,
          config: JSON.parse(r.config) as unknown,
        }));
    },
  };
}

export type BotRepo = ReturnType<typeof createBotRepo>;
