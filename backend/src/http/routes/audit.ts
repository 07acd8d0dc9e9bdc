import { Router } from 'express';
import { z } from 'zod';

import type { AuditService } from '../../services/audit-service.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

const listInput = validate({
  query: z.object({
    from: z.iso
      .datetime({ offset: true, message: 'must be an ISO date-time' })
      .transform((v) => new Date(v))
      .optional(),
    to: z.iso
      .datetime({ offset: true, message: 'must be an ISO date-time' })
      .transform((v) => new Date(v))
      .optional(),
    actor: z.string().min(1).max(200).optional(),
    action: z.string().min(1).max(100).optional(),
    target: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().min(1).max(200).optional(),
  }),
});

export function auditRoutes(deps: { audit: AuditService; guards: Guards }): Router {
  const router = Router();
  router.get('/api/audit', ...deps.guards.user, listInput, (_req, res) => {
    res.json(deps.audit.list(listInput.get(res).query));
  });
  return router;
}
