// Orchestrator start-up and footprint: cold start to /ready (fresh data directory each run, so
// migrations and key generation are included) and resident memory once idle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { median, removeDir, startSupervisord, tempDir } from './lib/processes.mjs';
import { startOrchestrator } from './lib/stack.mjs';

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
      const orchestrator = await startOrchestrator({
        dataDir: join(work, `data-${i}`),
        socket: supervisor.socket,
        readyTimeoutMs: 15000,
      });
      times.push(orchestrator.readyMs);
      if (i === runs - 1) {
        await sleep(quick ? 1000 : 10000);
        rss = rssMb(orchestrator.proc.pid);
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
