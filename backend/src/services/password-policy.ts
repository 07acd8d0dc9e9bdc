import { ValidationError } from '../domain/errors.js';
import { checkPassword, describePasswordProblem } from '../domain/user.js';

/** @throws ValidationError `weak-password` naming the rule that failed. */
export function assertStrongPassword(password: string, username: string, path = 'password'): void {
  const problem = checkPassword(password, username);
  if (problem) {
    const message = describePasswordProblem(problem);
    throw new ValidationError([{ path, message }], 'weak-password', message);
  }
}
