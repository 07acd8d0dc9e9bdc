// The AI assistant's API (issue #6): its status and settings, market and bot summaries, and
// recommended bot settings. Asking spends the installation's token budget, so it is for admins,
// like every other POST; reading the status is for everyone signed in.
import type { Request, Response } from 'express';
import { Router } from 'express';

import type { BotId } from '../../domain/bot.js';
import type { AssistantService } from '../../services/assistant/assistant-service.js';
import { currentUser } from '../context.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

import { assistantSchemas as S } from './assistant-schemas.js';

const marketInput = validate({ body: S.marketSummaryBody });
const botInput = validate({ params: S.idParams, body: S.botBody });
const settingsInput = validate({ body: S.settingsBody });

function actor(req: Request, res: Response) {
  const user = currentUser(res);
  return { actor: { id: user.id, username: user.username }, ip: req.ip ?? '' };
}

export function assistantRoutes(deps: { assistant: AssistantService; guards: Guards }): Router {
  const { assistant, guards } = deps;
  const router = Router();

  router.get('/api/assistant/status', ...guards.user, (_req, res) => {
    res.json(assistant.status());
  });
  router.post('/api/assistant/market-summary', ...guards.admin, marketInput, async (_req, res) => {
    res.json(await assistant.marketSummary(marketInput.get(res).body));
  });
  router.post('/api/assistant/bots/:id/summary', ...guards.admin, botInput, async (_req, res) => {
    const { params, body } = botInput.get(res);
    res.json(await assistant.botSummary(params.id as BotId, body.language));
  });
  router.post(
    '/api/assistant/bots/:id/recommendation',
    ...guards.admin,
    botInput,
    async (_req, res) => {
      const { params, body } = botInput.get(res);
      res.json(await assistant.recommendation(params.id as BotId, body.language));
    },
  );

  router.get('/api/settings/assistant', ...guards.user, (_req, res) => {
    res.json(assistant.status());
  });
  router.put('/api/settings/assistant', ...guards.admin, settingsInput, (req, res) => {
    const who = actor(req, res);
    res.json(assistant.updateSettings(settingsInput.get(res).body, who.actor, who.ip));
  });
  return router;
}
