// Helpers shared by benchmarks: a throw-away supervisord on a temp unix socket, a free loopback
// port, and polling an URL until it answers 200.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts supervisord with its control socket (and, with `include`, the program files matching
 * that glob, as the image's supervisord.conf includes the bots'); resolves once the socket exists.
 */
export async function startSupervisord(dir, { include } = {}) {
  mkdirSync(join(dir, 'run'), { recursive: true });
  const socket = join(dir, 'run', 'supervisor.sock');
  const conf = join(dir, 'supervisord.conf');
  writeFileSync(
    conf,
    [
      '[unix_http_server]',
      `file=${socket}`,
      'chmod=0700',
      '[supervisord]',
      'nodaemon=true',
      `logfile=${join(dir, 'supervisord.log')}`,
      `pidfile=${join(dir, 'run', 'supervisord.pid')}`,
      '[rpcinterface:supervisor]',
      'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface',
      ...(include ? ['[include]', `files=${include}`] : []),
      '',
    ].join('\n'),
  );
  const child = spawn('supervisord', ['-n', '-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !existsSync(socket); i++) await sleep(50);
  if (!existsSync(socket)) throw new Error('supervisord did not create its socket');
  return {
    socket,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function waitFor200(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** The value below which `p` % of `values` fall (nearest rank). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Resident memory of a process, in MB. */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

let clockTicks;
/** utime + stime of the process, in seconds. */
export function cpuSeconds(pid) {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  // Fields after the command (which may hold spaces) start at the third: state, ppid, …
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The variables supervisord.conf gives the orchestrator (its `environment=` line), so the
 * benchmarks measure the process the image runs.
 */
export function orchestratorEnv() {
  const conf = readFileSync(new URL('../../supervisord.conf', import.meta.url), 'utf8');
  const section = conf.slice(conf.indexOf('[program:orchestrator]'));
  const line = /^environment=(.*)$/m.exec(section.slice(0, section.indexOf('\n[', 1)))?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}
