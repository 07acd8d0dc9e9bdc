// Starts Spotdesk exactly as `npm start` and the image do: entrypoint.sh → supervisord →
// orchestrator, on a temp data directory and a free loopback port.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { makeTempDir, repoRoot } from './repo.js';

export interface ProcessTree {
  baseUrl: string;
  dataDir: string;
  /** The offline demo's sim/exchange (its control surface is under `/__sim`). */
  exchangeUrl: string;
  /** Everything supervisord and the orchestrator printed so far. */
  output: () => string;
  /** SIGTERM and wait; the data directory is removed unless `keepData` (then call `removeData`). */
  stop: (options?: { keepData?: boolean }) => Promise<number | null>;
  removeData: () => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForStatus(url: string, status: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status === status) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}

/**
 * @param stdout `pipe`: the tree's stdout is a real pipe, as under Docker or `npm start | tee`;
 *   `socket`: a socketpair, as under systemd's journal, which supervisord cannot reopen.
 * @param appDir the application tree to run (the repository, or a staged /app copy).
 */
export async function startProcessTree(
  env: Record<string, string> = {},
  stdout: 'pipe' | 'socket' = 'pipe',
  appDir: string = repoRoot,
): Promise<ProcessTree> {
  const data = makeTempDir('spotdesk-e2e-');
  const port = await freePort();
  const exchangePort = await freePort();
  let output = '';
  const entrypoint = join(appDir, 'entrypoint.sh');
  // Node's stdio pipes are socketpairs; `> >(cat)` gives the entrypoint a real pipe, and `exec`
  // keeps supervisord as the child we signal.
  const args =
    stdout === 'pipe' ? ['-c', 'exec "$0" > >(exec cat) 2>&1', entrypoint] : [entrypoint];
  const child: ChildProcess = spawn('bash', args, {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: data.path,
      SPOTDESK_APP_DIR: appDir,
      SPOTDESK_DATA_DIR: join(data.path, 'data'),
      SPOTDESK_PORT: String(port),
      SPOTDESK_LOG_LEVEL: 'info',
      // No Freqtrade here: the offline demo, with its sim/exchange on a port of its own.
      SPOTDESK_SIMULATION: '1',
      SPOTDESK_SIM_EXCHANGE_PORT: String(exchangePort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitForStatus(`${baseUrl}/ready`, 200, 60_000),
      exited.then((code) => {
        throw new Error(`entrypoint exited with ${code}:\n${output}`);
      }),
    ]);
  } catch (err) {
    child.kill('SIGTERM');
    await exited;
    data.remove();
    throw new Error(`${(err as Error).message}\n--- output ---\n${output}`);
  }
  return {
    baseUrl,
    dataDir: join(data.path, 'data'),
    exchangeUrl: `http://127.0.0.1:${env.SPOTDESK_SIM_EXCHANGE_PORT ?? exchangePort}`,
    output: () => output,
    async stop(options = {}) {
      child.kill('SIGTERM');
      const code = await exited;
      if (!options.keepData) data.remove();
      return code;
    },
    removeData: data.remove,
  };
}
