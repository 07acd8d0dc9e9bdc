import { Router } from 'express';

import type { ReadinessService } from '../../services/readiness-service.js';
import type { Guards } from '../guards.js';

export interface SystemInfo {
  version: string;
  startedAt: string;
  dataDir: string;
  simulation: boolean;
  liveTradingEnabled: boolean;
}

export function systemRoutes(deps: {
  info: SystemInfo;
  readiness: ReadinessService;
  guards: Guards;
}): Router {
  const router = Router();
  router.get('/api/system', ...deps.guards.user, async (_req, res) => {
    const { ok, reason } = await deps.readiness.checkSupervisord();
    res.json({ ...deps.info, supervisord: reason === undefined ? { ok } : { ok, reason } });
  });
  return router;
}
