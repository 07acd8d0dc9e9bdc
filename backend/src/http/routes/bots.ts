import type { Request, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';

import { BOT_MODES, TIMEFRAMES, type Bot, type BotId } from '../../domain/bot.js';
import type { BotConverger } from '../../services/bot-converger.js';
import type { BotService, Caller } from '../../services/bot-service.js';
import { currentUser } from '../context.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

const money = z.number().finite().positive().max(1e12);

export const botSettingsSchema = z
  .object({
    name: z.string().trim(),
    description: z.string().trim().max(500).default(''),
    mode: z.enum(BOT_MODES).default('SIMULATED'),
    strategy: z.string().trim().min(1).max(100),
    strategyParams: z
      .record(z.string().max(64), z.union([z.string().max(200), z.number().finite(), z.boolean()]))
      .default({}),
    timeframe: z.enum(TIMEFRAMES),
    pairs: z.array(z.string().trim()).min(1).max(200),
    stakeAmount: money,
    maxOpenTrades: z.number().int().min(1).max(100),
    maxExposure: money,
    stoploss: z.number().finite().min(-1).lt(0).nullable().default(null),
    minimalRoi: z
      .record(z.string().regex(/^\d+$/, 'must be minutes'), z.number().finite().min(-1).max(100))
      .nullable()
      .default(null),
    dailyLossLimit: money.nullable().default(null),
  })
  .strict();

const idParams = z.object({ id: z.coerce.number().int().positive() });
const liveConfirmation = z.object({
  password: z.string().min(1).max(1024),
  confirmName: z.string().max(200),
});

const byId = validate({ params: idParams });
const createInput = validate({ body: botSettingsSchema });
const updateInput = validate({
  params: idParams,
  body: botSettingsSchema.extend({ apply: z.enum(['restart', 'next-start']).default('restart') }),
});
const startInput = validate({ params: idParams, body: liveConfirmation.partial().strict() });
const stopInput = validate({
  params: idParams,
  body: z.object({ openTrades: z.enum(['close', 'leave']).optional() }).strict(),
});
const modeInput = validate({
  params: idParams,
  body: z
    .object({ mode: z.enum(BOT_MODES) })
    .extend(liveConfirmation.partial().shape)
    .strict(),
});
const rearmInput = validate({
  params: idParams,
  body: z.object({ reason: z.string().trim().min(3).max(500) }).strict(),
});
const emergencyInput = validate({
  body: z.object({ reason: z.string().trim().max(500).default('') }).strict(),
});

function caller(req: Request, res: Response): Caller {
  const user = currentUser(res);
  return { actor: { id: user.id, username: user.username }, ip: req.ip ?? '' };
}

const confirmation = (body: { password?: string; confirmName?: string }) =>
  body.password !== undefined
    ? { password: body.password, confirmName: body.confirmName ?? '' }
    : undefined;

/** A bot as the API shows it: its settings, states and, when known, its live figures. */
export function botView(bot: Bot, converger: BotConverger) {
  const runtime = converger.runtime(bot.id);
  return {
    ...bot,
    lossLimitTripped:
      bot.lossLimitTrippedAt === null
        ? null
        : { at: new Date(bot.lossLimitTrippedAt).toISOString(), reason: bot.lossLimitTripReason },
    stateSince: new Date(bot.stateSince).toISOString(),
    createdAt: new Date(bot.createdAt).toISOString(),
    updatedAt: new Date(bot.updatedAt).toISOString(),
    openTrades: runtime?.openTrades ?? null,
    openProfitAbs: runtime?.profitAbs ?? null,
    realisedToday: runtime?.realisedToday ?? null,
  };
}

export function botRoutes(deps: {
  bots: BotService;
  converger: BotConverger;
  guards: Guards;
}): Router {
  const { bots, converger, guards } = deps;
  const router = Router();
  const view = (bot: Bot) => botView(bot, converger);
  const id = (res: Response) => byId.get(res).params.id as BotId;

  router.get('/api/bots', ...guards.user, (_req, res) => {
    res.json(bots.list().map(view));
  });
  router.get('/api/bots/:id', ...guards.user, byId, (_req, res) => {
    res.json(view(bots.get(id(res))));
  });
  router.get('/api/bots/:id/config', ...guards.user, byId, (_req, res) => {
    res.json(bots.config(id(res)));
  });
  router.post('/api/bots', ...guards.admin, createInput, async (req, res) => {
    const bot = await bots.create(createInput.get(res).body, caller(req, res));
    res.status(201).json(view(bot));
  });
  router.put('/api/bots/:id', ...guards.admin, updateInput, async (req, res) => {
    const { params, body } = updateInput.get(res);
    const { apply, ...settings } = body;
    res.json(view(await bots.update(params.id as BotId, settings, apply, caller(req, res))));
  });
  router.delete('/api/bots/:id', ...guards.admin, byId, async (req, res) => {
    await bots.remove(id(res), caller(req, res));
    res.status(204).end();
  });

  router.post('/api/bots/:id/start', ...guards.admin, startInput, async (req, res) => {
    const { params, body } = startInput.get(res);
    res.json(view(await bots.start(params.id as BotId, caller(req, res), confirmation(body))));
  });
  router.post('/api/bots/:id/retry', ...guards.admin, startInput, async (req, res) => {
    const { params, body } = startInput.get(res);
    res.json(view(await bots.retry(params.id as BotId, caller(req, res), confirmation(body))));
  });
  for (const action of ['pause', 'resume', 'restart'] as const) {
    router.post(`/api/bots/:id/${action}`, ...guards.admin, byId, async (req, res) => {
      res.json(view(await bots[action](id(res), caller(req, res))));
    });
  }
  router.post('/api/bots/:id/stop', ...guards.admin, stopInput, async (req, res) => {
    const { params, body } = stopInput.get(res);
    res.json(view(await bots.stop(params.id as BotId, caller(req, res), body.openTrades)));
  });
  router.post('/api/bots/:id/mode', ...guards.admin, modeInput, async (req, res) => {
    const { params, body } = modeInput.get(res);
    const bot = await bots.switchMode(
      params.id as BotId,
      body.mode,
      caller(req, res),
      confirmation(body),
    );
    res.json(view(bot));
  });
  router.post('/api/bots/:id/rearm', ...guards.admin, rearmInput, async (req, res) => {
    const { params, body } = rearmInput.get(res);
    res.json(view(await bots.rearm(params.id as BotId, body.reason, caller(req, res))));
  });

  router.post('/api/emergency/pause-all', ...guards.admin, emergencyInput, async (req, res) => {
    const reason = emergencyInput.get(res).body.reason || 'emergency pause-all';
    res.json((await bots.pauseAll(caller(req, res), reason)).map(view));
  });
  router.post('/api/emergency/stop-all', ...guards.admin, emergencyInput, async (req, res) => {
    const reason = emergencyInput.get(res).body.reason || 'emergency stop-all';
    res.json((await bots.stopAll(caller(req, res), reason)).map(view));
  });
  return router;
}
