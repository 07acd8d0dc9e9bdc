// The live monitor's API (issue #5): the dashboard's figures, the orders of a period, a bot's
// trades, candles and log tail, forced entries and exits, and the emergency close-all.
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { BotId } from '../../domain/bot.js';
import type { BotTrading } from '../../services/bot-trading.js';
import type { Caller } from '../../services/bot-service.js';
import type { DashboardService } from '../../services/dashboard-service.js';
import type { EmergencyService } from '../../services/emergency-service.js';
import { currentUser } from '../context.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

import { monitorSchemas } from './monitor-schemas.js';

const DAY = 86_400_000;
const S = monitorSchemas;
const equityInput = validate({ query: S.equityQuery });
const ordersInput = validate({ query: S.ordersQuery });
const tradesInput = validate({ params: S.idParams, query: S.tradesQuery });
const candlesInput = validate({ params: S.idParams, query: S.candlesQuery });
const forceEnterInput = validate({ params: S.idParams, body: S.forceEnterBody });
const forceExitInput = validate({ params: S.idParams, body: S.forceExitBody });
const closeAllInput = validate({ body: S.closeAllBody });

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
  router.get('/api/bots/:id/logs', ...guards.user, validate({ params: S.idParams }), (req, res) => {
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
