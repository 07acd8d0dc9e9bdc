import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createSupervisordClient,
  type SupervisordClient,
} from '../../src/adapters/supervisord/client.js';
import { UpstreamRejectedError, UpstreamUnavailableError } from '../../src/domain/errors.js';
import { startSupervisord, type RunningSupervisord } from '../helpers/supervisord.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

let supervisord: RunningSupervisord;
let client: SupervisordClient;
beforeAll(async () => {
  supervisord = await startSupervisord();
  client = createSupervisordClient({ socketPath: supervisord.socketPath });
});
afterAll(async () => {
  await client.close();
  await supervisord.cleanup();
});

describe('supervisord client (real supervisord)', () => {
  it('when asked for its state, then RUNNING', async () => {
    const state = await client.getState();

    expect(state).toEqual({ code: 1, name: 'RUNNING' });
  });

  it('when a program is started and stopped, then process info follows', async () => {
    expect((await client.getAllProcessInfo()).find((p) => p.name === 'sleeper')?.state).toBe(
      'STOPPED',
    );

    expect(await client.startProcess('sleeper')).toBe(true);
    const running = (await client.getAllProcessInfo()).find((p) => p.name === 'sleeper');
    expect(await client.stopProcess('sleeper')).toBe(true);
    const stopped = (await client.getAllProcessInfo()).find((p) => p.name === 'sleeper');

    expect(running).toMatchObject({ group: 'sleeper', state: 'RUNNING', pid: expect.any(Number) });
    expect(running?.pid).toBeGreaterThan(0);
    expect(running?.startedAt).toBeInstanceOf(Date);
    expect(stopped?.state).toBe('STOPPED');
  });

  it('when the config is reloaded without changes, then nothing is added, changed or removed', async () => {
    expect(await client.reloadConfig()).toEqual({ added: [], changed: [], removed: [] });
  });

  it('when a process name is unknown, then the fault becomes UpstreamRejectedError with its text', async () => {
    const act = client.startProcess('no-such-bot');

    await expect(act).rejects.toBeInstanceOf(UpstreamRejectedError);
    await expect(client.addProcessGroup('no-such-bot')).rejects.toThrow(/BAD_NAME/);
  });

  it('when the generic call is used, then raw XML-RPC values come back', async () => {
    expect(await client.call('supervisor.getAPIVersion')).toBe('3.0');
  });
});

describe('supervisord client failures', () => {
  let dir: TempDir;
  let hang: Server;
  const held: Socket[] = [];
  beforeAll(() => {
    dir = makeTempDir('spotdesk-sock-');
  });
  afterAll(async () => {
    held.forEach((socket) => socket.destroy());
    await new Promise((r) => (hang ? hang.close(r) : r(undefined)));
    dir.remove();
  });

  it('when the socket file is missing, then UpstreamUnavailableError', async () => {
    const missing = createSupervisordClient({ socketPath: path.join(dir.path, 'none.sock') });

    await expect(missing.getState()).rejects.toMatchObject({ code: 'supervisord-unavailable' });
    await expect(missing.getState()).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await missing.close();
  });

  it('when supervisord never answers, then the timeout becomes UpstreamUnavailableError', async () => {
    const socketPath = path.join(dir.path, 'hang.sock');
    // Accepts and never answers; sockets are kept so the test can drop them afterwards.
    hang = createServer((socket) => void held.push(socket));
    await new Promise<void>((r) => hang.listen(socketPath, r));
    const slow = createSupervisordClient({ socketPath, timeoutMs: 300 });

    const started = Date.now();
    await expect(slow.getState()).rejects.toMatchObject({ code: 'supervisord-timeout' });

    expect(Date.now() - started).toBeLessThan(5000);
    await slow.close();
  });

  it('when the answer is not XML-RPC, then UpstreamRejectedError supervisord-bad-response', async () => {
    const socketPath = path.join(dir.path, 'garbage.sock');
    const garbage = createServer((socket) => {
      socket.once('data', () =>
        socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 9\r\nconnection: close\r\n\r\n<b>hi</b>',
        ),
      );
    });
    await new Promise<void>((r) => garbage.listen(socketPath, r));
    const bad = createSupervisordClient({ socketPath });

    await expect(bad.getState()).rejects.toMatchObject({ code: 'supervisord-bad-response' });

    await bad.close();
    await new Promise((r) => garbage.close(r));
  });
});
