import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';

import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConflictError, UpstreamUnavailableError } from '../../src/domain/errors.js';
import { errorHandler } from '../../src/http/middleware/error-handler.js';
import { createLogger } from '../../src/lib/logger.js';

// The real middleware behind real routes that fail the ways later features will.
let server: Server;
let baseUrl: string;
const lines: string[] = [];

beforeAll(async () => {
  const app = express();
  app.get('/boom', () => {
    throw new Error('database exploded at /secret/path');
  });
  app.get('/async-boom', async () => {
    await Promise.resolve();
    throw new UpstreamUnavailableError('supervisord-unavailable', 'supervisord is not answering');
  });
  app.get('/conflict', () => {
    throw new ConflictError('last-admin', 'the last admin cannot be removed', {
      details: { userId: 1 },
    });
  });
  const sink = new Writable({
    write: (c: Buffer, _e, done) => void (lines.push(String(c)), done()),
  });
  app.use(errorHandler(createLogger('info', sink)));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise((r) => server.close(r)));

describe('errorHandler', () => {
  it('when a route throws an unknown error, then 500 internal-error without details and the stack is logged', async () => {
    const reply = await fetch(`${baseUrl}/boom`);

    expect(reply.status).toBe(500);
    const text = await reply.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal-error', message: 'something went wrong; see the server log' },
    });
    expect(text).not.toContain('exploded');
    expect(lines.join('')).toContain('database exploded');
    expect(lines.join('')).toContain('"stack"');
  });

  it('when an async route rejects with an AppError, then its status and code are answered', async () => {
    const reply = await fetch(`${baseUrl}/async-boom`);

    expect(reply.status).toBe(503);
    expect(await reply.json()).toEqual({
      error: { code: 'supervisord-unavailable', message: 'supervisord is not answering' },
    });
  });

  it('when an AppError has details, then they are passed through', async () => {
    const reply = await fetch(`${baseUrl}/conflict`);

    expect(reply.status).toBe(409);
    expect(await reply.json()).toEqual({
      error: {
        code: 'last-admin',
        message: 'the last admin cannot be removed',
        details: { userId: 1 },
      },
    });
  });
});
