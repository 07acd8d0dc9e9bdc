import { Router } from 'express';
import { z } from 'zod';

import type { UserService } from '../../services/user-service.js';
import { currentUser } from '../context.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

import { passwordField, usernameField } from './fields.js';

const addInput = validate({
  body: z.object({
    username: usernameField,
    password: passwordField,
    role: z.enum(['viewer', 'admin']).default('viewer'),
  }),
});
const removeInput = validate({ params: z.object({ id: z.coerce.number().int().positive() }) });

export function userRoutes(deps: { users: UserService; guards: Guards }): Router {
  const { users, guards } = deps;
  const router = Router();

  router.get('/api/users', ...guards.user, (_req, res) => {
    res.json(users.list());
  });

  router.post('/api/users', ...guards.admin, addInput, async (req, res) => {
    const { body } = addInput.get(res);
    const user = await users.add({ actor: currentUser(res), ...body, ip: req.ip ?? '' });
    res.status(201).json(user);
  });

  router.delete('/api/users/:id', ...guards.admin, removeInput, (req, res) => {
    const { params } = removeInput.get(res);
    users.remove({ actor: currentUser(res), id: params.id, ip: req.ip ?? '' });
    res.status(204).end();
  });

  return router;
}
