// "Pause everything and close every position" (issue #5), in this order: every bot is paused
// persistently; a stopped bot that still holds trades is started paused; every open trade is
// force-exited at market; /status is read until every bot is flat or 60 s pass; each bot is
// reported closed, pending or failed. A second call while one runs joins it; a call after it
// finds nothing open and says so.
import type { Bot, BotId, BotMode } from '../domain/bot.js';
import { runsProcess } from '../domain/bot.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { Logger } from '../lib/logger.js';

import type { AuditService } from './audit-service.js';
import type { BotApis } from './bot-api.js';
import type { BotConverger } from './bot-converger.js';
import type { BotMonitor } from './bot-monitor.js';
import type { BotService, Caller } from './bot-service.js';

export type CloseResult = 'closed' | 'pending' | 'failed';

export interface CloseReport {
  startedAt: string;
  finishedAt: string;
  bots: Array<{
    botId: number;
    name: string;
    mode: BotMode;
    result: CloseResult;
    openBefore: number | null;
    openAfter: number | null;
    startedPaused: boolean;
    error: string | null;
  }>;
}

const CLOSE_TIMEOUT_MS = 60_000;
/** How long a bot started for the purpose gets to answer its API. */
const ANSWER_TIMEOUT_MS = 45_000;
const POLL_MS = 1000;

export function createEmergencyService(deps: {
  repo: BotRepo;
  bots: BotService;
  converger: BotConverger;
  apis: BotApis;
  monitor: BotMonitor;
  audit: AuditService;
  logger: Logger;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}) {
  const { repo, bots, apis, now, logger } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const timeoutMs = deps.timeoutMs ?? CLOSE_TIMEOUT_MS;
  let running: Promise<CloseReport> | null = null;

  async function openCount(bot: Bot): Promise<number> {
    return (await apis.client(bot).status()).length;
  }

  /**
   * Waits until the bot's trader runs and counts its open trades (a bot just started needs a few
   * seconds: Freqtrade answers /status while its state is still "stopped" during start-up, and
   * refuses /forceexit then with "trader is not running").
   */
  async function whenAnswering(bot: Bot, deadline: number): Promise<number> {
    for (;;) {
      const current = repo.find(bot.id) ?? bot;
      try {
        const { state } = await apis.client(current).showConfig();
        if (state === 'stopped' || state === 'reload_config') {
          throw new Error(`the bot's trader is ${state.replace('_', ' ')}: it cannot exit trades`);
        }
        return await openCount(current);
      } catch (error) {
        if (now() > deadline) throw error;
        await sleep(POLL_MS);
      }
    }
  }

  async function run(caller: Caller, reason: string): Promise<CloseReport> {
    const startedAt = now();
    await bots.pauseAll(caller, reason);
    const startedPaused = new Set<BotId>();
    for (const bot of repo.list()) {
      if (runsProcess(bot.desiredState)) continue;
      const held = await deps.converger.openTradeCount(bot).catch(() => 0);
      if (held === 0) continue;
      try {
        await bots.startPausedToClose(bot.id, caller, reason);
        startedPaused.add(bot.id);
      } catch (error) {
        logger.warn({ botId: bot.id, err: error }, 'close-all could not start a stopped bot');
      }
    }

    const rows = new Map<BotId, CloseReport['bots'][number]>();
    const targets: Bot[] = [];
    for (const bot of repo.list()) {
      rows.set(bot.id, {
        botId: bot.id,
        name: bot.name,
        mode: bot.mode,
        result: 'closed',
        openBefore: 0,
        openAfter: 0,
        startedPaused: startedPaused.has(bot.id),
        error: null,
      });
      if (runsProcess(bot.desiredState)) targets.push(bot);
    }

    const answerBy = now() + ANSWER_TIMEOUT_MS;
    await Promise.all(
      targets.map(async (bot) => {
        const row = rows.get(bot.id)!;
        try {
          const open = await whenAnswering(bot, answerBy);
          row.openBefore = open;
          row.openAfter = open;
          if (open > 0) {
            await apis
              .client(repo.find(bot.id) ?? bot)
              .forceExit({ tradeId: 'all', orderType: 'market' });
          }
        } catch (error) {
          row.result = 'failed';
          row.openBefore = row.openBefore === 0 ? null : row.openBefore;
          row.openAfter = null;
          row.error = (error as Error).message;
        }
      }),
    );

    const deadline = now() + timeoutMs;
    for (;;) {
      const waiting = targets.filter((b) => {
        const row = rows.get(b.id)!;
        return row.result !== 'failed' && (row.openAfter ?? 0) > 0;
      });
      if (waiting.length === 0) break;
      await sleep(POLL_MS);
      await Promise.all(
        waiting.map(async (bot) => {
          const row = rows.get(bot.id)!;
          row.openAfter = await openCount(repo.find(bot.id) ?? bot).catch(() => row.openAfter);
        }),
      );
      if (now() > deadline) break;
    }
    for (const row of rows.values()) {
      if (row.result !== 'failed' && (row.openAfter ?? 0) > 0) row.result = 'pending';
    }
    await Promise.allSettled(targets.map((b) => deps.monitor.syncNow(b.id)));

    const report: CloseReport = {
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: new Date(now()).toISOString(),
      bots: [...rows.values()],
    };
    deps.audit.record({
      actor: caller.actor,
      action: 'emergency-close-all',
      target: 'bots',
      after: report.bots.map(({ botId, result, openBefore, openAfter, error }) => ({
        botId,
        result,
        openBefore,
        openAfter,
        error,
      })),
      reason,
      ip: caller.ip,
    });
    logger.warn(
      {
        closed: report.bots.filter((b) => b.result === 'closed').length,
        total: report.bots.length,
      },
      'emergency close-all finished',
    );
    return report;
  }

  return {
    /** Runs close-all, or joins the one under way. */
    closeAll(caller: Caller, reason: string): Promise<CloseReport> {
      running ??= run(caller, reason).finally(() => {
        running = null;
      });
      return running;
    },
    inProgress: () => running !== null,
  };
}

export type EmergencyService = ReturnType<typeof createEmergencyService>;
