import { createServer, type Server } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';

import Database from 'better-sqlite3';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { setUpAdmin } from '../helpers/http-client.js';

import { spawnMain, type MainProcess } from '../helpers/spawn-main.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

let dir: TempDir;
let proc: MainProcess | undefined;
afterEach(() => {
  if (proc && proc.child.exitCode === null) proc.child.kill('SIGKILL');
  proc = undefined;
  dir?.remove();
});

function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines.some((line) => pattern.test(line))).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('main process', () => {
  it('when sent SIGTERM, then it closes HTTP, then the panel WebSockets (1001), then the DB, and exits 0', async () => {
    dir = makeTempDir();
    proc = spawnMain({ SPOTDESK_DATA_DIR: dir.path, SPOTDESK_PORT: '0' });
    const url = await proc.listening();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const token = readFileSync(path.join(dir.path, 'run', 'setup-token'), 'utf8').trim();
    const admin = await setUpAdmin(url, token, 'ana');
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/ws`, {
      headers: { origin: url, cookie: `spotdesk_session=${admin.cookies.get('spotdesk_session')}` },
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('message', resolve));

    proc.child.kill('SIGTERM');
    const result = await proc.exited();

    expect(result).toEqual({ code: 0, signal: null });
    expect(await closed).toBe(1001);
    const order = proc
      .stdout()
      .split('\n')
      .filter((line) => line.includes('"msg":"closed the') || line.includes('"signal":"SIGTERM"'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(order).toEqual([
      'shutting down',
      'closed the HTTP listener',
      'closed the panel WebSockets',
      'closed the database',
    ]);
    expect(proc.stdout()).toContain('"sockets":1');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('when several variables are bad, then one message lists them all on stderr and it exits 1', async () => {
    dir = makeTempDir();
    proc = spawnMain({
      SPOTDESK_DATA_DIR: dir.path,
      SPOTDESK_PORT: 'x',
      SPOTDESK_LIVE_TRADING: 'yes',
      SPOTDESK_SECRET_KEY: 'nope',
    });

    const result = await proc.exited();

    expect(result.code).toBe(1);
    expect(proc.stderr()).toContain('spotdesk: invalid environment');
    for (const name of ['SPOTDESK_PORT', 'SPOTDESK_LIVE_TRADING', 'SPOTDESK_SECRET_KEY'])
      expect(proc.stderr()).toContain(name);
    expect(proc.stderr()).not.toContain('nope');
    expect(proc.stderr()).not.toMatch(/\n\s+at /);
  });

  it('when the data dir cannot be written, then one clear line names the path and the fix, exit 1', async () => {
    dir = makeTempDir();
    // Tests may run as root, which ignores permission bits; a file in the way fails for everyone.
    const blocker = path.join(dir.path, 'not-a-dir');
    writeFileSync(blocker, '');
    proc = spawnMain({ SPOTDESK_DATA_DIR: path.join(blocker, 'data'), SPOTDESK_PORT: '0' });

    const result = await proc.exited();

    expect(result.code).toBe(1);
    expectOneClearLine(
      proc.stderr(),
      /^spotdesk: data directory .*not-a-dir\/data is not writable \(ENOTDIR\); .*SPOTDESK_DATA_DIR/,
    );
  });

  it('when the port is taken, then one clear line says so, exit 1', async () => {
    dir = makeTempDir();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    proc = spawnMain({ SPOTDESK_DATA_DIR: dir.path, SPOTDESK_PORT: String(port) });

    const result = await proc.exited();

    await new Promise((r) => blocker.close(r));
    expect(result.code).toBe(1);
    expectOneClearLine(
      proc.stderr(),
      new RegExp(`^spotdesk: port ${port} is already in use; set SPOTDESK_PORT`),
    );
  });

  it('when the stored secrets were sealed with another key, then start-up stops with a clear line, exit 1', async () => {
    dir = makeTempDir();
    proc = spawnMain({
      SPOTDESK_DATA_DIR: dir.path,
      SPOTDESK_PORT: '0',
      SPOTDESK_SECRET_KEY: 'a'.repeat(64),
    });
    await proc.listening();
    proc.child.kill('SIGTERM');
    await proc.exited();

    proc = spawnMain({
      SPOTDESK_DATA_DIR: dir.path,
      SPOTDESK_PORT: '0',
      SPOTDESK_SECRET_KEY: 'b'.repeat(64),
    });
    const result = await proc.exited();

    expect(result.code).toBe(1);
    expectOneClearLine(
      proc.stderr(),
      /^spotdesk: the secret key cannot decrypt the stored secrets/,
    );
  });

  it('when the DB was written by a newer Spotdesk, then start-up refuses it with a clear line, exit 1', async () => {
    dir = makeTempDir();
    proc = spawnMain({ SPOTDESK_DATA_DIR: dir.path, SPOTDESK_PORT: '0' });
    await proc.listening();
    proc.child.kill('SIGTERM');
    await proc.exited();
    const sqlite = new Database(path.join(dir.path, 'db', 'spotdesk.sqlite'));
    sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('e'.repeat(64), Date.parse('2099-01-01'));
    sqlite.close();

    proc = spawnMain({ SPOTDESK_DATA_DIR: dir.path, SPOTDESK_PORT: '0' });
    const result = await proc.exited();

    expect(result.code).toBe(1);
    expectOneClearLine(proc.stderr(), /^spotdesk: database .* was written by a newer Spotdesk/);
  });
});
