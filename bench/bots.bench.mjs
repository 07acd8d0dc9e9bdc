// Bots under a real supervisord (issue #4 "Benchmarks"): how long a start request takes to be
// reported RUNNING by the API against sim/freqtrade, and the orchestrator's footprint with idle
// Paper bots. Everything runs as its own process: supervisord (including the bots' program
// files), sim/exchange, and the built orchestrator (backend/dist/main.js) with its defaults.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { cpuSeconds, median, percentile, removeDir, rssMb, tempDir } from './lib/processes.mjs';
import { createBot, orchestratorMain as main, signIn, startBot, startStack } from './lib/stack.mjs';

/** ms from POST …/start to the API reporting RUNNING, polled every 20 ms. */
async function startToRunning(call, index) {
  const { id } = await createBot(call, index);
  const started = performance.now();
  await startBot(call, id, { pollMs: 20 });
  return performance.now() - started;
}

export async function run({ quick }) {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const botCount = quick ? 2 : 20;
  const settleMs = quick ? 1000 : 15000;
  const windowMs = quick ? 3000 : 30000;
  const work = tempDir('spotdesk-bench-bots-');
  const stops = [];
  try {
    const { orchestrator } = await startStack(work, stops);
    const { call } = await signIn(orchestrator.url);

    const times = [];
    for (let i = 0; i < botCount; i++) times.push(await startToRunning(call, i));
    await sleep(settleMs);
    const pid = orchestrator.proc.pid;
    const cpuBefore = cpuSeconds(pid);
    const wallBefore = performance.now();
    await sleep(windowMs);
    const cpu = ((cpuSeconds(pid) - cpuBefore) / ((performance.now() - wallBefore) / 1000)) * 100;
    const rss = rssMb(pid);
    const running = (await call('GET', '/api/bots')).body.filter((b) => b.state === 'RUNNING');
    if (running.length !== botCount) {
      throw new Error(`only ${running.length} of ${botCount} bots were RUNNING while idle`);
    }
    return [
      {
        figure: 'start-to-running-median',
        value: Math.round(median(times)),
        unit: 'ms',
        goal: null,
      },
      {
        figure: 'start-to-running-p95',
        value: Math.round(percentile(times, 95)),
        unit: 'ms',
        goal: null,
      },
      { figure: 'idle-bots-rss', value: Math.round(rss * 10) / 10, unit: 'MB', goal: 150 },
      { figure: 'idle-bots-cpu', value: Math.round(cpu * 10) / 10, unit: '%', goal: null },
    ];
  } finally {
    // The orchestrator first, then supervisord (it stops the bots), then the exchange.
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    removeDir(work);
  }
}
