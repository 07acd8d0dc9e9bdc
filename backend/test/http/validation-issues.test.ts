import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ERROR_CODES, ISSUE_RULES, isIssueRule } from '../../src/domain/error-codes.js';
import { ADMIN_PASSWORD, Browser, setUpAdmin, type Reply } from '../helpers/http-client.js';
import { startApp, type TestApp } from '../helpers/start-app.js';

// One instance for the file: every request here is refused before it changes anything.
let app: TestApp;
let admin: Browser;
let anonymous: Browser;

beforeAll(async () => {
  app = await startApp();
  admin = await setUpAdmin(app.baseUrl, app.setupToken(), 'ana');
  anonymous = new Browser(app.baseUrl);
  await anonymous.refreshSession();
});
afterAll(async () => app?.close());

interface Issue {
  path: string;
  rule: string;
  params: Record<string, unknown>;
  message: string;
}

/** The issues of a 400, after checking the shape every issue must have. */
function issuesOf(reply: Reply, code = 'validation-failed'): Issue[] {
  expect(reply.status).toBe(400);
  expect(reply.body.error.code).toBe(code);
  expect(ERROR_CODES).toContain(reply.body.error.code);
  const issues: Issue[] = reply.body.error.details.issues;
  for (const issue of issues) {
    expect(Object.keys(issue)).toEqual(['path', 'rule', 'params', 'message']);
    expect(isIssueRule(issue.rule), issue.rule).toBe(true);
    if (isIssueRule(issue.rule)) {
      for (const name of ISSUE_RULES[issue.rule]) expect(issue.params).toHaveProperty(name);
    }
    expect(issue.message).toEqual(expect.any(String));
  }
  return issues;
}

describe('validation-failed issues on real routes', () => {
  it('when POST /api/users breaks every field rule, then each issue names its rule and numbers', async () => {
    const reply = await admin.post('/api/users', {
      username: 'ab',
      password: 'x'.repeat(1025),
      role: 'owner',
    });

    expect(issuesOf(reply)).toEqual([
      {
        path: 'username',
        rule: 'too-short',
        params: { minimum: 3 },
        message: 'must be at least 3 characters',
      },
      {
        path: 'password',
        rule: 'too-long',
        params: { maximum: 1024 },
        message: 'must be at most 1024 characters',
      },
      {
        path: 'role',
        rule: 'invalid-choice',
        params: { options: ['viewer', 'admin'] },
        message: expect.stringContaining('viewer'),
      },
    ]);
    expect(reply.body.error.message).toBe('username: must be at least 3 characters (and 2 more)');
    expect((await admin.get('/api/users')).body).toHaveLength(1);
  });

  it('when a username is too long or has other characters, then too-long and username-characters', async () => {
    const long = await admin.post('/api/users', { username: 'u'.repeat(33), password: 'p' });
    const odd = await admin.post('/api/users', { username: 'a b!', password: 'p' });

    expect(issuesOf(long)).toEqual([
      expect.objectContaining({ path: 'username', rule: 'too-long', params: { maximum: 32 } }),
    ]);
    expect(issuesOf(odd)).toEqual([
      {
        path: 'username',
        rule: 'username-characters',
        params: {},
        message: 'may contain only letters, digits, dot, dash and underscore',
      },
    ]);
  });

  it('when login fields are missing, mistyped or empty, then required, invalid-type and too-short', async () => {
    const missing = await anonymous.post('/api/auth/login', {});
    const mistyped = await anonymous.post('/api/auth/login', { username: 42, password: '' });

    expect(issuesOf(missing).map(({ path, rule, params }) => ({ path, rule, params }))).toEqual([
      { path: 'username', rule: 'required', params: {} },
      { path: 'password', rule: 'required', params: {} },
    ]);
    expect(issuesOf(mistyped).map(({ path, rule, params }) => ({ path, rule, params }))).toEqual([
      { path: 'username', rule: 'invalid-type', params: { expected: 'string' } },
      { path: 'password', rule: 'too-short', params: { minimum: 1 } },
    ]);
  });

  it('when the body is not an object, then one issue on the part "body"', async () => {
    const reply = await anonymous.request('POST', '/api/auth/login', { rawBody: '[1]' });

    expect(issuesOf(reply)).toEqual([
      expect.objectContaining({
        path: 'body',
        rule: 'invalid-type',
        params: { expected: 'object' },
      }),
    ]);
  });

  it('when audit query values are out of range or malformed, then too-big, too-small, invalid-type and invalid-format', async () => {
    const tooBig = await admin.get('/api/audit?limit=501&from=yesterday');
    const tooSmall = await admin.get('/api/audit?limit=0');
    const fraction = await admin.get('/api/audit?limit=1.5');
    const word = await admin.get('/api/audit?limit=many');

    expect(issuesOf(tooBig).map(({ path, rule, params }) => ({ path, rule, params }))).toEqual([
      { path: 'from', rule: 'invalid-format', params: { format: 'datetime' } },
      { path: 'limit', rule: 'too-big', params: { maximum: 500 } },
    ]);
    expect(issuesOf(tooBig)[0]?.message).toBe('must be an ISO date-time');
    expect(issuesOf(tooSmall)[0]).toMatchObject({ rule: 'too-small', params: { minimum: 1 } });
    expect(issuesOf(fraction)[0]).toMatchObject({
      rule: 'invalid-type',
      params: { expected: 'int' },
    });
    expect(issuesOf(word)[0]).toMatchObject({
      rule: 'invalid-type',
      params: { expected: 'number' },
    });
  });

  it('when a route param is not a positive number, then invalid-type or too-small-exclusive on it', async () => {
    const word = await admin.delete('/api/users/abc');
    const zero = await admin.delete('/api/users/0');

    expect(issuesOf(word)[0]).toMatchObject({ path: 'id', rule: 'invalid-type' });
    expect(issuesOf(zero)[0]).toMatchObject({
      path: 'id',
      rule: 'too-small-exclusive',
      params: { minimum: 0 },
    });
  });

  it('when the audit cursor is not one the API made, then the service names invalid-cursor', async () => {
    const reply = await admin.get('/api/audit?cursor=bm90LWEtY3Vyc29y');

    expect(issuesOf(reply)).toEqual([
      {
        path: 'cursor',
        rule: 'invalid-cursor',
        params: {},
        message: 'is not a cursor from this API',
      },
    ]);
  });
});

describe('weak-password issues', () => {
  it('when a new user password is short, the username or common, then each reason is its own rule', async () => {
    const short = await admin.post('/api/users', { username: 'vera', password: 'short' });
    const same = await admin.post('/api/users', { username: 'verapass12', password: 'VeraPass12' });
    const common = await admin.post('/api/users', { username: 'vera', password: 'Password123' });

    expect(issuesOf(short, 'weak-password')).toEqual([
      {
        path: 'password',
        rule: 'too-short',
        params: { minimum: 10 },
        message: 'password must be at least 10 characters',
      },
    ]);
    expect(issuesOf(same, 'weak-password')).toEqual([
      expect.objectContaining({ path: 'password', rule: 'same-as-username', params: {} }),
    ]);
    expect(issuesOf(common, 'weak-password')).toEqual([
      expect.objectContaining({ path: 'password', rule: 'too-common', params: {} }),
    ]);
    expect(short.body.error.message).toBe('password must be at least 10 characters');
    expect((await admin.get('/api/users')).body).toHaveLength(1);
  });

  it('when the new password of a change is common, then too-common on newPassword', async () => {
    const reply = await admin.request('POST', '/api/auth/password', {
      body: { currentPassword: ADMIN_PASSWORD, newPassword: '1234567890' },
    });

    expect(issuesOf(reply, 'weak-password')).toEqual([
      expect.objectContaining({ path: 'newPassword', rule: 'too-common', params: {} }),
    ]);
  });
});
