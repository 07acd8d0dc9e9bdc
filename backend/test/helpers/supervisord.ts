import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { makeTempDir } from './temp-dir.js';

export interface RunningSupervisord {
  socketPath: string;
  dir: string;
  /** Stops supervisord (SIGTERM) and waits for it to exit; the socket file goes away with it. */
  stop(): Promise<void>;
  /** Stops it and removes its temp folder. */
  cleanup(): Promise<void>;
}

/**
 * A real supervisord (`/usr/bin/supervisord -n`) with its control socket in a temp dir and one
 * long-running program (`sleeper`, not auto-started) for process-control tests; with `include`,
 * it also reads every program file that glob matches (the bots of a data directory).
 */
export async function startSupervisord(
  options: { include?: string } = {},
): Promise<RunningSupervisord> {
  const dir = makeTempDir('spotdesk-sv-');
  const socketPath = path.join(dir.path, 'supervisor.sock');
  const conf = path.join(dir.path, 'supervisord.conf');
  writeFileSync(
    conf,
    [
      '[unix_http_server]',
      `file=${socketPath}`,
      'chmod=0700',
      '[supervisord]',
      'nodaemon=true',
      `logfile=${path.join(dir.path, 'supervisord.log')}`,
      `pidfile=${path.join(dir.path, 'supervisord.pid')}`,
      `childlogdir=${dir.path}`,
      '[rpcinterface:supervisor]',
      'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface',
      '[program:sleeper]',
      'command=/bin/sleep 300',
      'autostart=false',
      'startsecs=0',
      ...(options.include ? ['[include]', `files=${options.include}`] : []),
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/bin/supervisord', ['-n', '-c', conf], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  while (!existsSync(socketPath)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('supervisord did not create its socket within 15 s');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    await exited;
  };
  return {
    socketPath,
    dir: dir.path,
    stop,
    async cleanup() {
      await stop();
      dir.remove();
    },
  };
}
