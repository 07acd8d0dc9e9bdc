import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { ApiError, createApiClient } from './api-client';

let api: FakeApi;
let unauthorized: number;

function client(token?: string) {
  return createApiClient({
    baseUrl: api.url,
    getCsrfToken: () => token,
    onUnauthorized: () => {
      unauthorized += 1;
    },
  });
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  api = await startFakeApi();
  unauthorized = 0;
});

afterEach(async () => {
  await api.close();
});

describe('api-client', () => {
  test('when a GET is sent, then no CSRF header goes with it; a POST carries the token', async () => {
    const user = api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' });
    api.signIn(user);

    await client('csrf-0').request('/api/users', z.array(z.unknown()));
    await client('csrf-0').send('/api/auth/logout', { method: 'POST' });

    expect(api.requestsTo('GET', '/api/users')[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(api.requestsTo('POST', '/api/auth/logout')[0]?.headers['x-csrf-token']).toBe('csrf-0');
    expect(api.state.sessionUserId).toBeNull();
  });

  test('when the error body follows the contract, then code, message and details are kept', async () => {
    api.state.loginThrottleSeconds = 7;

    const error = await caught(
      client('csrf-0').request('/api/auth/login', z.unknown(), {
        method: 'POST',
        body: { username: 'a', password: 'b' },
      }),
    );

    expect([error.status, error.code, error.message]).toEqual([
      429,
      'too-many-attempts',
      'Too many attempts',
    ]);
    expect(error.details).toEqual({ retryAfterSeconds: 7 });
  });

  test('when a proxy answers with a non-JSON error, then the status still becomes a typed error', async () => {
    api.answer('GET', '/api/system', { status: 502, rawBody: '<html>Bad gateway</html>' });

    const error = await caught(client().request('/api/system', z.unknown()));

    expect([error.status, error.code]).toEqual([502, 'http-502']);
  });

  test('when a data call answers 401, then onUnauthorized fires; the session probe never fires it', async () => {
    api.answer('GET', '/api/session', {
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'no' } },
    });

    await caught(client().request('/api/session', z.unknown()));
    expect(unauthorized).toBe(0);

    await caught(client().request('/api/users', z.unknown()));
    expect(unauthorized).toBe(1);
  });

  test('when the CSRF token is refused, then onUnauthorized fires so the session (and token) is re-read', async () => {
    api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role: 'admin' }));

    const error = await caught(client('stale-token').send('/api/auth/logout', { method: 'POST' }));

    expect([error.status, error.code]).toEqual([403, 'csrf-failed']);
    expect(unauthorized).toBe(1);
    expect(api.state.sessionUserId).not.toBeNull();
  });

  test('when the server is unreachable, then the error is network-error with status 0', async () => {
    const dead = client();
    await api.close();

    const error = await caught(dead.request('/api/session', z.unknown()));

    expect([error.status, error.code]).toEqual([0, 'network-error']);
  });

  test('when a 2xx body does not match the schema, then it is bad-response, not a crash later', async () => {
    api.answer('GET', '/api/users', { status: 200, body: [{ id: 'one' }] });

    const error = await caught(
      client().request('/api/users', z.array(z.object({ id: z.number() }))),
    );

    expect([error.status, error.code]).toEqual([200, 'bad-response']);
  });

  test('when validation fails, then fieldIssues lists each field', async () => {
    api.state.setupRequired = true;

    const error = await caught(
      client('csrf-0').request('/api/setup', z.unknown(), { method: 'POST', body: {} }),
    );

    expect(error.code).toBe('validation-failed');
    expect(error.fieldIssues.map((issue) => issue.path)).toEqual([
      'setupToken',
      'username',
      'password',
    ]);
  });
});
