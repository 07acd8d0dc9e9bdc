import { ValidationError } from '../domain/errors.js';
import { checkPassword, passwordIssue } from '../domain/user.js';

/** @throws ValidationError `weak-password` whose one issue names the rule that failed. */
export function assertStrongPassword(password: string, username: string, path = 'password'): void {
  const problem = checkPassword(password, username);
  if (problem) {
    const issue = passwordIssue(problem, path);
    throw new ValidationError([issue], 'weak-password', issue.message);
  }
}
