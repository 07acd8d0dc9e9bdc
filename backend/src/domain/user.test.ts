import { describe, expect, it } from 'vitest';

import { checkPassword, describePasswordProblem } from './user.js';

describe('checkPassword', () => {
  it('when the password is short, then it is too-short', () => {
    expect(checkPassword('abc123xyz', 'ana')).toBe('too-short');
  });

  it('when the password equals the username ignoring case, then it is same-as-username', () => {
    expect(checkPassword('OperatorAna', 'operatorana')).toBe('same-as-username');
  });

  it('when the password is on the common list, then it is too-common', () => {
    expect(checkPassword('Password123', 'ana')).toBe('too-common');
  });

  it('when the password is long and unusual, then it passes', () => {
    expect(checkPassword('correct horse battery', 'ana')).toBeNull();
  });

  it('when a problem is described, then the message names the rule', () => {
    expect(describePasswordProblem('too-short')).toContain('10 characters');
  });
});
