import { z } from 'zod';

export const usernameField = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, dot, dash and underscore');

// The strength rules (length, common, same as username) run in the service with their own code;
// here only a sanity cap, because argon2 of a megabyte is a cheap denial of service.
export const passwordField = z.string().max(1024, 'must be at most 1024 characters');
