// Orchestrator start-up and footprint: cold start to /ready (fresh data directory each run, so
// migrations and key generation are included) and resident memory once idle.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  freePort,
  median,
  removeDir,
  startSupervisord,
  tempDir,
  waitFor200,
  orchestratorEnv,
} from './lib/processes.mjs';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'backend', 'dist', 'main.js');

async function startOrchestrator(dataDir, socket) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      SPOTDESK_DATA_DIR: dataDir,
      SPOTDESK_PORT: String(port),
      SPOTDESK_SUPERVISOR_SOCKET: socket,
      SPOTDESK_LOG_LEVEL: 'warn',
      SPOTDESK_ADMIN_PASSWORD: 'bench-admin-password-1',
      ...orchestratorEnv(),
    },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([
    waitFor200(`http://127.0.0.1:${port}/ready`, 15000),
    exited.then((code) => {
      throw new Error(`orchestrator exited with ${code} before /ready`);
    }),
  ]);
  const ms = performance.now() - started;
  return {
    ms,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

export async function run({ quick }) {
  const work = tempDir('spotdesk-bench-');
  const supervisor = await startSupervisord(join(work, 'supervisor'));
  try {
    const runs = quick ? 1 : 5;
    const times = [];
    let rss = 0;
    for (let i = 0; i < runs; i++) {
      const orchestrator = await startOrchestrator(join(work, `data-${i}`), supervisor.socket);
      times.push(orchestrator.ms);
      if (i === runs - 1) {
        await sleep(quick ? 1000 : 10000);
        rss = rssMb(orchestrator.pid);
      }
      await orchestrator.stop();
    }
    return [
      { figure: 'cold-start-to-ready', value: Math.round(median(times)), unit: 'ms', goal: 2000 },
      { figure: 'idle-rss', value: Math.round(rss * 10) / 10, unit: 'MB', goal: 150 },
    ];
  } finally {
    await supervisor.stop();
    removeDir(work);
  }
}
