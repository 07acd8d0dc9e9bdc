// The market API (issue #6): the watchlist (read by everyone, changed by admins, audited) and a
// pair's snapshot with indicators and regime, served from the market service's cache.
import type { Request, Response } from 'express';
import { Router } from 'express';

import type { MarketService } from '../../services/market-service.js';
import { currentUser } from '../context.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

import { marketSchemas } from './market-schemas.js';

const S = marketSchemas;
const snapshotInput = validate({ params: S.pairParams, query: S.snapshotQuery });
const addInput = validate({ body: S.watchlistAddBody });
const removeInput = validate({ params: S.pairParams });
const putInput = validate({ body: S.watchlistPutBody });

function actorOf(req: Request, res: Response) {
  const user = currentUser(res);
  return { actor: { id: user.id, username: user.username }, ip: req.ip ?? '' };
}

export function marketRoutes(deps: { market: MarketService; guards: Guards }): Router {
  const { market, guards } = deps;
  const router = Router();

  router.get('/api/market/watchlist', ...guards.user, (_req, res) => {
    res.json(market.watchlist());
  });
  router.post('/api/market/watchlist', ...guards.admin, addInput, async (req, res) => {
    const { actor, ip } = actorOf(req, res);
    res.json(await market.addPair(addInput.get(res).body.pair, actor, ip));
  });
  router.put('/api/market/watchlist', ...guards.admin, putInput, async (req, res) => {
    const { actor, ip } = actorOf(req, res);
    res.json(await market.replace(putInput.get(res).body, actor, ip));
  });
  router.delete('/api/market/watchlist/:pair', ...guards.admin, removeInput, (req, res) => {
    const { actor, ip } = actorOf(req, res);
    res.json(market.removePair(removeInput.get(res).params.pair, actor, ip));
  });
  router.get('/api/market/pairs/:pair', ...guards.user, snapshotInput, async (_req, res) => {
    const { params, query } = snapshotInput.get(res);
    res.json(await market.snapshot(params.pair, query.timeframe, query.candles));
  });

  return router;
}
