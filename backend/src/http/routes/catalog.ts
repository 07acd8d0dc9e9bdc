import { Router } from 'express';
import { z } from 'zod';

import type { ExchangeAdapter } from '../../adapters/exchange/client.js';
import type { StrategyCatalog } from '../../adapters/strategies/catalog.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

const marketsInput = validate({
  query: z
    .object({
      quote: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{2,10}$/)
        .optional(),
    })
    .strict(),
});

/** What a bot can be made of: the strategies on disk and the exchange's spot markets. */
export function catalogRoutes(deps: {
  strategies: StrategyCatalog;
  exchange: ExchangeAdapter;
  guards: Guards;
}): Router {
  const { guards } = deps;
  const router = Router();
  router.get('/api/strategies', ...guards.user, (_req, res) => {
    res.json(deps.strategies.list());
  });
  router.get('/api/markets', ...guards.user, marketsInput, async (_req, res) => {
    const { quote } = marketsInput.get(res).query;
    res.json(await deps.exchange.markets(quote ? { quote } : {}));
  });
  return router;
}
