// Users and the password rules. Pure: hashing and storage live in services and repos.

import type { IssueParams } from './error-codes.js';
import type { ValidationIssue } from './errors.js';

export type Role = 'admin' | 'viewer';

export interface User {
  id: number;
  username: string;
  role: Role;
  createdAt: string;
}

export const MIN_PASSWORD_LENGTH = 10;

// The most common passwords of 10+ characters in public breach lists; shorter ones fail on length.
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  'qwertyuiop',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwerty1234',
  'qwerty12345',
  'iloveyou12',
  'abcdefghij',
  'aaaaaaaaaa',
  'administrator',
  'admin12345',
  'adminadmin',
  'letmein123',
  'welcome123',
  'changeme123',
  'trustno1234',
  'spotdesk123',
  'freqtrade123',
  'binance123',
  'bitcoin123',
]);

/** Each problem is also the issue rule clients translate (`details.issues[].rule`). */
export type PasswordProblem = 'too-short' | 'same-as-username' | 'too-common';

/** Why a password is refused, or null when it is acceptable. */
export function checkPassword(password: string, username: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.toLowerCase() === username.toLowerCase()) return 'same-as-username';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'too-common';
  return null;
}

export function describePasswordProblem(problem: PasswordProblem): string {
  switch (problem) {
    case 'too-short':
      return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
    case 'same-as-username':
      return 'password must not be the same as the username';
    case 'too-common':
      return 'password is too common; choose one that is not on lists of popular passwords';
  }
}

/** The issue that refuses a password at `path`, with the rule clients translate. */
export function passwordIssue(problem: PasswordProblem, path: string): ValidationIssue {
  const params: IssueParams = problem === 'too-short' ? { minimum: MIN_PASSWORD_LENGTH } : {};
  return { path, rule: problem, params, message: describePasswordProblem(problem) };
}
