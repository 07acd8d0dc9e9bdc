// The native run and the image share one process tree: entrypoint.sh → supervisord → orchestrator.
// These tests start it for real and try it the way a new user would get it wrong.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { freePort, startProcessTree } from '../helpers/process-tree.js';
import { makeTempDir, repoRoot } from '../helpers/repo.js';

function runEntrypoint(env: Record<string, string>) {
  return spawnSync('bash', [join(repoRoot, 'entrypoint.sh')], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      SPOTDESK_APP_DIR: repoRoot,
      SPOTDESK_SIMULATION: '1',
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('process tree', () => {
  it('when stdout is a socket, then the orchestrator logs to logs/orchestrator.log and SIGTERM stops all cleanly', async () => {
    const tree = await startProcessTree({}, 'socket');
    try {
      const log = join(tree.dataDir, 'logs', 'orchestrator.log');
      expect(readFileSync(log, 'utf8')).toMatch(/setup token [A-Za-z0-9_-]{24,}/);

      // supervisord calls it RUNNING once it has stayed up for startsecs.
      let status = '';
      for (let i = 0; i < 50 && !/RUNNING/.test(status); i++) {
        status = spawnSync(
          'supervisorctl',
          ['-c', join(repoRoot, 'supervisord.conf'), 'status', 'orchestrator'],
          {
            env: { ...process.env, SPOTDESK_DATA_DIR: tree.dataDir, SPOTDESK_APP_DIR: repoRoot },
            encoding: 'utf8',
          },
        ).stdout;
        await sleep(200);
      }
      expect(status).toMatch(/orchestrator\s+RUNNING/);

      const ready = (await (await fetch(`${tree.baseUrl}/ready`)).json()) as {
        checks: { name: string; ok: boolean }[];
      };
      expect(ready.checks).toEqual([
        { name: 'database', ok: true, reason: 'a probe row was written and committed' },
        { name: 'supervisord', ok: true, reason: 'supervisord is RUNNING' },
      ]);
    } finally {
      expect(await tree.stop()).toBe(0);
    }
  });

  it('when an environment variable is wrong, then start-up stops with one message naming each', () => {
    const data = makeTempDir('spotdesk-badenv-');
    try {
      const result = runEntrypoint({
        SPOTDESK_DATA_DIR: data.path,
        SPOTDESK_PORT: 'eighty',
        SPOTDESK_TRUST_PROXY: 'sometimes',
      });

      expect(result.status).toBe(1);
      expect(result.stderr).toContain('SPOTDESK_PORT: must be a whole number');
      expect(result.stderr).toContain('SPOTDESK_TRUST_PROXY');
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(join(data.path, 'run', 'supervisor.sock'))).toBe(false);
    } finally {
      data.remove();
    }
  });

  it('when Freqtrade is not installed and the demo is off, then start-up says what to do', () => {
    const data = makeTempDir('spotdesk-noft-');
    try {
      const result = runEntrypoint({
        SPOTDESK_DATA_DIR: data.path,
        SPOTDESK_SIMULATION: '0',
        SPOTDESK_FREQTRADE_CMD: 'freqtrade-not-installed-here',
      });

      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        "spotdesk: the Freqtrade command 'freqtrade-not-installed-here' was not found; install Freqtrade, point SPOTDESK_FREQTRADE_CMD at it, or set SPOTDESK_SIMULATION=1 for the offline demo",
      );
      expect(existsSync(join(data.path, 'run', 'supervisor.sock'))).toBe(false);
    } finally {
      data.remove();
    }
  });

  it('when the port is taken, then start-up says so in one line', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const data = makeTempDir('spotdesk-port-');
    try {
      const result = runEntrypoint({ SPOTDESK_DATA_DIR: data.path, SPOTDESK_PORT: String(port) });

      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        `spotdesk: port ${port} is already in use on 127.0.0.1; stop what uses it or set SPOTDESK_PORT`,
      );
    } finally {
      blocker.close();
      data.remove();
    }
  });

  it('when the data directory cannot be written, then start-up names it and what to do', () => {
    const data = makeTempDir('spotdesk-ro-');
    try {
      // A path below a regular file cannot be created, even by root.
      writeFileSync(join(data.path, 'file'), '');
      const result = runEntrypoint({ SPOTDESK_DATA_DIR: join(data.path, 'file', 'data') });

      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/cannot create the data directory .*file\/data/);
    } finally {
      data.remove();
    }
  });

  it('when the data directory belongs to another user, then start-up names it and what to do', () => {
    // Root writes anywhere, so the entrypoint runs as `nobody` (setpriv, util-linux) on a tree
    // nobody can read: a copy of entrypoint.sh and stubs for what it looks up before the data dir.
    const temp = makeTempDir('spotdesk-owner-');
    try {
      chmodSync(temp.path, 0o755);
      const app = join(temp.path, 'app');
      const bin = join(temp.path, 'bin');
      mkdirSync(join(app, 'backend', 'dist'), { recursive: true });
      mkdirSync(bin);
      copyFileSync(join(repoRoot, 'entrypoint.sh'), join(app, 'entrypoint.sh'));
      writeFileSync(join(app, 'backend', 'dist', 'main.js'), '');
      for (const stub of ['node', 'supervisord']) {
        writeFileSync(join(bin, stub), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
      }
      const data = join(temp.path, 'data');
      mkdirSync(data, { mode: 0o755 });

      const result = spawnSync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', '/bin/sh', join(app, 'entrypoint.sh')],
        {
          env: { PATH: `${bin}:/usr/bin:/bin`, SPOTDESK_APP_DIR: app, SPOTDESK_DATA_DIR: data },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );

      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(
        new RegExp(`^spotdesk: cannot create ${data}/db; make ${data} writable by \\S+$`),
      );
    } finally {
      temp.remove();
    }
  });

  it('when supervisord is missing, then start-up says which package to install', () => {
    const data = makeTempDir('spotdesk-nosup-');
    try {
      // A PATH with node and the few tools entrypoint.sh uses, but no supervisord (/bin is often
      // /usr/bin, where supervisord lives, so it cannot simply be PATH=/bin).
      const bin = join(data.path, 'bin');
      mkdirSync(bin);
      symlinkSync(process.execPath, join(bin, 'node'));
      for (const tool of ['mkdir', 'id', 'rm', 'chmod', 'dirname']) {
        const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
        symlinkSync(found.stdout.trim(), join(bin, tool));
      }
      const result = spawnSync('/bin/sh', [join(repoRoot, 'entrypoint.sh')], {
        env: { PATH: bin, SPOTDESK_APP_DIR: repoRoot, SPOTDESK_DATA_DIR: join(data.path, 'data') },
        encoding: 'utf8',
        timeout: 30_000,
      });

      expect(result.status).toBe(1);
      expect(result.stderr).toContain("install the Debian package 'supervisor'");
    } finally {
      data.remove();
    }
  });

  it('when secret.key is lost or the database is from a newer Spotdesk, then start-up says what to restore', async () => {
    const tree = await startProcessTree({}, 'socket');
    expect(await tree.stop({ keepData: true })).toBe(0);
    try {
      const keyFile = join(tree.dataDir, 'secret.key');
      const key = readFileSync(keyFile, 'utf8');
      rmSync(keyFile);

      const lost = runEntrypoint({ SPOTDESK_DATA_DIR: tree.dataDir, SPOTDESK_PORT: '0' });

      expect(lost.status).toBe(1);
      expect(lost.stderr.trim()).toBe(
        `spotdesk: ${keyFile} is missing but the database holds encrypted secrets; restore that file from your backup (or set SPOTDESK_SECRET_KEY to the original key)`,
      );
      expect(existsSync(keyFile)).toBe(false);

      writeFileSync(keyFile, key, { mode: 0o600 });
      const db = new Database(join(tree.dataDir, 'db', 'spotdesk.sqlite'));
      db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
        'from-the-future',
        Date.now() + 365 * 86_400_000,
      );
      db.close();

      const newer = runEntrypoint({ SPOTDESK_DATA_DIR: tree.dataDir, SPOTDESK_PORT: '0' });

      expect(newer.status).toBe(1);
      expect(newer.stderr).toMatch(/^spotdesk: database .* was written by a newer Spotdesk/);
      expect(newer.stderr).not.toMatch(/\n\s+at /);
    } finally {
      tree.removeData();
    }
  });
});
