import type { Request, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import type { UserRepo } from '../../db/repos/user-repo.js';
import type { PasswordHasher } from '../../services/password-hasher.js';
import type { SettingsService } from '../../services/settings-service.js';
import { currentUser } from '../context.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

import { monitorSchemas } from './monitor-schemas.js';

const keyInput = validate({
  body: z
    .object({
      apiKey: z
        .string()
        .trim()
        .min(16)
        .max(128)
        .regex(/^[A-Za-z0-9]+$/, 'letters and digits only'),
      secret: z
        .string()
        .trim()
        .min(16)
        .max(128)
        .regex(/^[A-Za-z0-9]+$/, 'letters and digits only'),
    })
    .strict(),
});
const liveInput = validate({
  body: z.object({ enabled: z.boolean(), password: z.string().min(1).max(1024) }).strict(),
});
const riskInput = validate({
  body: z.object({ blockedPairs: z.array(z.string().trim()).max(500) }).strict(),
});

const tradingInput = validate({ body: monitorSchemas.tradingBody });

type KeyInfo = ReturnType<SettingsService['exchangeKey']>;

/** Times in the API are ISO strings, like every other date it answers. */
const keyView = (key: KeyInfo) =>
  key && { ...key, checkedAt: new Date(key.checkedAt).toISOString() };

function actor(req: Request, res: Response) {
  const user = currentUser(res);
  return { actor: { id: user.id, username: user.username }, ip: req.ip ?? '' };
}

export function settingsRoutes(deps: {
  settings: SettingsService;
  users: UserRepo;
  hasher: PasswordHasher;
  guards: Guards;
}): Router {
  const { settings, guards } = deps;
  const router = Router();

  router.get('/api/settings/exchange', ...guards.user, (_req, res) => {
    res.json({ key: keyView(settings.exchangeKey()) });
  });
  router.put('/api/settings/exchange', ...guards.admin, keyInput, async (req, res) => {
    const who = actor(req, res);
    const saved = await settings.saveExchangeKey(keyInput.get(res).body, who.actor, who.ip);
    res.json({ ...saved, key: keyView(saved.key) });
  });
  router.delete('/api/settings/exchange', ...guards.admin, (req, res) => {
    const who = actor(req, res);
    settings.removeExchangeKey(who.actor, who.ip);
    res.status(204).end();
  });

  router.get('/api/settings/live', ...guards.user, (_req, res) => {
    const gate = settings.liveGate();
    res.json({ ...gate, key: keyView(gate.key) });
  });
  router.put('/api/settings/live', ...guards.admin, liveInput, async (req, res) => {
    const { enabled, password } = liveInput.get(res).body;
    const who = actor(req, res);
    const user = deps.users.findById(who.actor.id);
    if (!user || !(await deps.hasher.verify(user.passwordHash, password))) {
      throw new AppError('reauth-failed', 'the password is not correct', 403);
    }
    const gate = await settings.setMasterSwitch(enabled, who.actor, who.ip);
    res.json({ ...gate, key: keyView(gate.key) });
  });

  router.get('/api/settings/risk', ...guards.user, (_req, res) => {
    res.json({ blockedPairs: settings.blockedPairs() });
  });
  router.put('/api/settings/risk', ...guards.admin, riskInput, (req, res) => {
    const who = actor(req, res);
    const blockedPairs = settings.setBlockedPairs(
      riskInput.get(res).body.blockedPairs,
      who.actor,
      who.ip,
    );
    res.json({ blockedPairs });
  });

  router.get('/api/settings/trading', ...guards.user, (_req, res) => {
    res.json({ timeZone: settings.tradingTimeZone() });
  });
  router.put('/api/settings/trading', ...guards.admin, tradingInput, (req, res) => {
    const who = actor(req, res);
    const timeZone = settings.setTradingTimeZone(
      tradingInput.get(res).body.timeZone,
      who.actor,
      who.ip,
    );
    res.json({ timeZone });
  });
  return router;
}
