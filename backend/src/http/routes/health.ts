import { Router } from 'express';

import type { ReadinessService } from '../../services/readiness-service.js';

export function healthRoutes(readiness: ReadinessService): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json(readiness.alive());
  });
  router.get('/ready', async (_req, res) => {
    const result = await readiness.check();
    res.status(result.status === 'ready' ? 200 : 503).json(result);
  });
  return router;
}
