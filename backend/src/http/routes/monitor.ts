// The live monitor's API (issue #5): the dashboard's figures, the orders of a period, a bot's
// trades, candles and log tail, forced entries and exits, and the emergency close-all.
import type { Request, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';

import { PAIR_PATTERN, TIMEFRAMES, type BotId } from '../../domain/bot.js';
import type { BotTrading } from '../../services/bot-trading.js';
import type { Caller } from '../../services/bot-service.js';
import type { DashboardService } from '../../services/dashboard-service.js';
import type { EmergencyService } from '../../services/emergency-service.js';
import { currentUser } from '../context.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

const DAY = 86_400_000;
const id = z.coerce.number().int().positive();
const idParams = z.object({ id });
const pair = z.string().trim().regex(PAIR_PATTERN, 'must look like BASE/QUOTE, e.g. BTC/USDT');
const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

const equityInput = validate({
  query: z.object({ range: z.enum(['today', '7d', '30d']).default('today') }).strict(),
});
const ordersInput = validate({
  query: z
    .object({ from: instant.optional(), to: instant.optional(), bot: id.optional() })
    .strict()
    .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
      message: 'must be after from',
      path: ['to'],
    }),
});
const tradesInput = validate({
  params: idParams,
  query: z
    .object({
      status: z.enum(['open', 'closed']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: instant.optional(),
    })
    .strict(),
});
const candlesInput = validate({
  params: idParams,
  query: z
    .object({
      pair,
      timeframe: z.enum(TIMEFRAMES).optional(),
      limit: z.coerce.number().int().min(10).max(1000).default(500),
    })
    .strict(),
});
const forceEnterInput = validate({
  params: idParams,
  body: z
    .object({
      pair,
      stakeAmount: z.number().finite().positive().max(1e12).optional(),
      orderType: z.enum(['market', 'limit']).optional(),
      price: z.number().finite().positive().optional(),
    })
    .strict()
    .refine((b) => b.orderType !== 'limit' || b.price !== undefined, {
      message: 'a limit order needs a price',
      path: ['price'],
    }),
});
const forceExitInput = validate({
  params: idParams,
  body: z
    .object({
      tradeId: z.union([z.number().int().positive(), z.literal('all')]),
      orderType: z.enum(['market', 'limit']).default('market'),
    })
    .strict(),
});
const closeAllInput = validate({
  body: z
    .object({
      confirm: z.literal('CLOSE ALL', { message: 'type CLOSE ALL to confirm' }),
      reason: z.string().trim().max(500).default(''),
    })
    .strict(),
});

function caller(req: Request, res: Response): Caller {
  const user = currentUser(res);
  return { actor: { id: user.id, username: user.username }, ip: req.ip ?? '' };
}

export function monitorRoutes(deps: {
  dashboard: DashboardService;
  trading: BotTrading;
  emergency: EmergencyService;
  now: () => number;
  guards: Guards;
}): Router {
  const { dashboard, trading, guards } = deps;
  const router = Router();

  router.get('/api/dashboard/summary', ...guards.user, (_req, res) => {
    res.json(dashboard.summary());
  });
  router.get('/api/dashboard/equity', ...guards.user, equityInput, (_req, res) => {
    res.json(dashboard.equity(equityInput.get(res).query.range));
  });
  router.get('/api/dashboard/positions', ...guards.user, (_req, res) => {
    res.json({ positions: dashboard.positions() });
  });
  router.get('/api/orders', ...guards.user, ordersInput, (_req, res) => {
    const { from, to, bot } = ordersInput.get(res).query;
    const end = to ?? deps.now();
    const start = from ?? dashboard.tradingDayStart();
    res.json({
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
      orders: dashboard.orders({
        from: start,
        to: Math.min(end, start + 31 * DAY),
        botId: bot as BotId,
      }),
    });
  });

  router.get('/api/bots/:id/trades', ...guards.user, tradesInput, (_req, res) => {
    const { params, query } = tradesInput.get(res);
    res.json(trading.trades(params.id as BotId, query));
  });
  router.get('/api/bots/:id/candles', ...guards.user, candlesInput, async (_req, res) => {
    const { params, query } = candlesInput.get(res);
    res.json(await trading.candles(params.id as BotId, query.pair, query.timeframe, query.limit));
  });
  router.get('/api/bots/:id/logs', ...guards.user, validate({ params: idParams }), (req, res) => {
    res.json(trading.logs(Number(req.params.id) as BotId));
  });
  router.post('/api/bots/:id/forceenter', ...guards.admin, forceEnterInput, async (req, res) => {
    const { params, body } = forceEnterInput.get(res);
    res.json(await trading.forceEnter(params.id as BotId, body, caller(req, res)));
  });
  router.post('/api/bots/:id/forceexit', ...guards.admin, forceExitInput, async (req, res) => {
    const { params, body } = forceExitInput.get(res);
    res.json(
      await trading.forceExit(params.id as BotId, body.tradeId, body.orderType, caller(req, res)),
    );
  });

  router.post('/api/emergency/close-all', ...guards.admin, closeAllInput, async (req, res) => {
    const reason = closeAllInput.get(res).body.reason || 'emergency close-all';
    res.json(await deps.emergency.closeAll(caller(req, res), reason));
  });
  return router;
}
