#!/usr/bin/env node
// CLI: starts the simulator and prints one JSON line with its URLs; SIGTERM/SIGINT exit 0.
import { parseArgs } from 'node:util';

import { startExchange } from '../src/index.js';

const USAGE =
  'usage: sim-exchange [--port N] [--host H] [--symbols A,B] [--seed N] [--speed X] [--weight-limit N] [--ban-seconds N] [--log-requests]';

function number(value, flag, integer) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new Error(
      `${flag}: expected ${integer ? 'an integer' : 'a number'}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        symbols: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        'weight-limit': { type: 'string' },
        'ban-seconds': { type: 'string' },
        'log-requests': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let sim;
  try {
    sim = await startExchange({
      port: number(values.port, '--port', true),
      host: values.host,
      symbols: values.symbols ? values.symbols.split(',').filter(Boolean) : undefined,
      seed: number(values.seed, '--seed', true),
      speed: number(values.speed, '--speed', false),
      weightLimit: number(values['weight-limit'], '--weight-limit', true),
      banSeconds: number(values['ban-seconds'], '--ban-seconds', true),
      logRequests: values['log-requests'] ?? false,
    });
  } catch (e) {
    process.stderr.write(`sim-exchange: ${e.message}\n`);
    process.exit(2);
  }
  const symbols = sim.control.listSymbols();
  process.stdout.write(
    `${JSON.stringify({ http: sim.httpUrl, ws: sim.wsUrl, port: sim.port, symbols, pid: process.pid })}\n`,
  );
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
