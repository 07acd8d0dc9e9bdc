// At boot and every few seconds: every bot's stored desired state is compared with supervisord
// and its Freqtrade API, and converged. Bots that run when the orchestrator comes back are
// adopted as they are: nothing is restarted to reconcile.
import type { BotId } from '../domain/bot.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { Logger } from '../lib/logger.js';

import type { BotConverger } from './bot-converger.js';
import type { BotService } from './bot-service.js';

export function createReconciler(deps: {
  repo: BotRepo;
  bots: BotService;
  converger: BotConverger;
  logger: Logger;
  intervalMs: number;
}) {
  const { repo, converger, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const failing = new Set<BotId>();

  async function reconcileBot(id: BotId): Promise<void> {
    try {
      await deps.bots.withLock(id, async () => {
        const bot = repo.find(id);
        if (bot) await converger.apply(bot, 'reconcile');
      });
      failing.delete(id);
      const bot = repo.find(id);
      const figures = converger.runtime(id);
      if (
        bot?.dailyLossLimit != null &&
        bot.lossLimitTrippedAt === null &&
        figures?.realisedToday != null &&
        figures.realisedToday <= -bot.dailyLossLimit
      ) {
        await deps.bots.tripLossLimit(id, figures.realisedToday);
      }
    } catch (error) {
      // One bot's trouble (supervisord down, a broken file) never stops the others.
      if (!failing.has(id)) logger.warn({ botId: id, err: error }, 'could not reconcile bot');
      failing.add(id);
    }
  }

  async function pass(): Promise<void> {
    for (const bot of repo.list()) {
      if (stopped) return;
      await reconcileBot(bot.id);
    }
  }

  function tick(): void {
    if (stopped) return;
    running = pass().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(tick, deps.intervalMs);
    });
  }

  return {
    start(): void {
      stopped = false;
      tick();
    },
    /** One pass now (tests, and after the Live switch changes). */
    runOnce: () => pass(),
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type Reconciler = ReturnType<typeof createReconciler>;
