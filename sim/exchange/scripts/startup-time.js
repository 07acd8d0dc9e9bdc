#!/usr/bin/env node
// Measures how long both simulators take to start, as sim/README.md reports it:
//   sim-exchange: spawn → its one JSON line on stdout;
//   sim-freqtrade: spawn → the first 200 from /api/v1/ping (polled every 10 ms), with the minimal
//   config of sim/freqtrade's baseConfig() pointed at a running sim-exchange.
// Usage: node sim/exchange/scripts/startup-time.js [runs]   (default 5; loopback only)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startExchange } from '../src/index.js';
// Read-only use of the sibling package: its ready-made minimal config and its bin.
import { BIN_PATH as BOT_BIN, baseConfig, freePort } from '../../freqtrade/src/index.js';

const EXCHANGE_BIN = fileURLToPath(new URL('../bin/sim-exchange.js', import.meta.url));
const runs = Number(process.argv[2] ?? 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function timeChild(args, ready) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill('SIGTERM');
      child.once('exit', () => (err ? reject(err) : resolve(ms)));
    };
    child.once('exit', (code) => finish(new Error(`${args[0]} exited with ${code} first`)));
    ready(child).then(() => finish(), finish);
  });
}

const firstLine = (child) =>
  new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(undefined);
    });
  });

async function firstPing(url) {
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(10);
  }
}

const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, min ${s[0].toFixed(0)}, max ${s.at(-1).toFixed(0)} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
};

const bare = [];
const exchange = [];
const bot = [];
const sim = await startExchange({ seed: 1 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-startup-'));
try {
  for (let i = 0; i < runs; i += 1) {
    bare.push(await timeChild(['-e', "console.log('up'); setTimeout(() => {}, 60000)"], firstLine));
    exchange.push(await timeChild([EXCHANGE_BIN, '--port', '0'], firstLine));
    const port = await freePort();
    const config = baseConfig({ dir, port, exchangeUrl: sim.httpUrl });
    fs.mkdirSync(config.user_data_dir, { recursive: true });
    const configPath = path.join(dir, 'config.json');
    fs.writeFileSync(configPath, JSON.stringify(config));
    bot.push(
      await timeChild([BOT_BIN, 'trade', '--config', configPath], () =>
        firstPing(`http://127.0.0.1:${port}/api/v1/ping`),
      ),
    );
  }
} finally {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(
  `node ${process.version}, ${os.cpus().length} cores, ${runs} runs\n` +
    `bare node → first line:          ${summary(bare)}\n` +
    `sim-exchange → first JSON line:  ${summary(exchange)}\n` +
    `sim-freqtrade → first ping 200:  ${summary(bot)}\n`,
);
