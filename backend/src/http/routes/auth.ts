import { Router } from 'express';
import { z } from 'zod';

import type { User } from '../../domain/user.js';
import type { AuthService } from '../../services/auth-service.js';
import { currentSessionToken, currentUser } from '../context.js';
import {
  DEVICE_COOKIE,
  clearSessionCookie,
  readCookie,
  setDeviceCookie,
  setSessionCookie,
} from '../cookies.js';
import type { Guards } from '../guards.js';
import { validate } from '../middleware/validate.js';

import { passwordField, usernameField } from './fields.js';

const setupInput = validate({
  body: z.object({
    setupToken: z.string().min(1).max(200),
    username: usernameField,
    password: passwordField,
  }),
});
const loginInput = validate({
  body: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) }),
});
const passwordInput = validate({
  body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordField }),
});

const publicUser = (user: User) => ({ id: user.id, username: user.username, role: user.role });

export function authRoutes(deps: {
  auth: AuthService;
  guards: Guards;
  secureCookies: boolean;
}): Router {
  const { auth, guards, secureCookies } = deps;
  const router = Router();

  router.post('/api/setup', ...guards.public, setupInput, async (req, res) => {
    const { body } = setupInput.get(res);
    const { user, sessionToken, deviceToken } = await auth.setup({ ...body, ip: req.ip ?? '' });
    setSessionCookie(res, sessionToken, secureCookies);
    setDeviceCookie(res, deviceToken, secureCookies);
    res.status(201).json({ user: publicUser(user) });
  });

  router.post('/api/auth/login', ...guards.public, loginInput, async (req, res) => {
    const { body } = loginInput.get(res);
    const { user, sessionToken, deviceToken } = await auth.login({
      ...body,
      ip: req.ip ?? '',
      previousSessionToken: res.locals.session?.token,
      deviceToken: readCookie(req, DEVICE_COOKIE),
    });
    setSessionCookie(res, sessionToken, secureCookies);
    setDeviceCookie(res, deviceToken, secureCookies);
    res.json({ user: publicUser(user) });
  });

  router.post('/api/auth/logout', ...guards.user, (req, res) => {
    auth.logout({
      user: currentUser(res),
      sessionToken: currentSessionToken(res),
      ip: req.ip ?? '',
    });
    clearSessionCookie(res, secureCookies);
    res.status(204).end();
  });

  router.post('/api/auth/password', ...guards.user, passwordInput, async (req, res) => {
    const { body } = passwordInput.get(res);
    const sessionToken = await auth.changePassword({
      user: currentUser(res),
      ...body,
      ip: req.ip ?? '',
    });
    setSessionCookie(res, sessionToken, secureCookies);
    res.status(204).end();
  });

  return router;
}
