import { z } from 'zod';

import { withRule } from '../middleware/zod-issues.js';

const USERNAME_CHARACTERS = /^[A-Za-z0-9._-]+$/;

export const usernameField = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  // A refine, not `.regex()`: a pattern tells a reader nothing, so the issue names our rule.
  .refine((value) => USERNAME_CHARACTERS.test(value), {
    message: 'may contain only letters, digits, dot, dash and underscore',
    ...withRule('username-characters'),
  });

// The strength rules (length, common, same as username) run in the service with their own code;
// here only a sanity cap, because argon2 of a megabyte is a cheap denial of service.
export const passwordField = z.string().max(1024, 'must be at most 1024 characters');
