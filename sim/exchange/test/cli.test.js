import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { getJson } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/sim-exchange.js', import.meta.url));

function run(args) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const firstLine = new Promise((resolve, reject) => {
    const check = () => {
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
    };
    child.stdout.on('data', check);
    exited.then(() => reject(new Error(`exited before printing: ${stderr}`)));
  });
  // Runs that are expected to fail never print; keep their rejection from going unhandled.
  firstLine.catch(() => undefined);
  return { child, exited, firstLine, output: () => ({ stdout, stderr }) };
}

describe('the sim-exchange bin', () => {
  it('when started with --port 0, then one JSON line names working URLs; SIGTERM exits 0', async () => {
    const started = Date.now();
    const proc = run([
      '--port',
      '0',
      '--symbols',
      'BTCUSDT,ETHUSDT',
      '--seed',
      '3',
      '--log-requests',
    ]);

    const line = JSON.parse(await proc.firstLine);
    const startupMs = Date.now() - started;
    const info = await getJson(`${line.http}/api/v3/exchangeInfo`);
    proc.child.kill('SIGTERM');
    const exit = await proc.exited;

    expect(line.http).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.ws).toBe(line.http.replace('http', 'ws'));
    expect(line.symbols).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(startupMs).toBeLessThan(3000);
    expect(info.body.symbols.map((s) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(proc.output().stdout.trim().split('\n')).toHaveLength(1);
    expect(proc.output().stderr).toContain('"path":"/api/v3/exchangeInfo"');
  });

  it('when a flag is bad, then it exits 2 naming the flag', async () => {
    const unknownSymbol = run(['--symbols', 'BTCUSDT,FOOUSDT']);
    const badSpeed = run(['--speed', 'fast']);
    const unknownFlag = run(['--colour', 'red']);

    const results = await Promise.all([unknownSymbol.exited, badSpeed.exited, unknownFlag.exited]);

    expect(results.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(unknownSymbol.output().stderr).toContain('FOOUSDT');
    expect(badSpeed.output().stderr).toContain('--speed');
    expect(unknownFlag.output().stderr).toContain('--colour');
  });

  it('when --speed 3600 is given, then each wall second of candles carries an hour of the path', async () => {
    const proc = run([
      '--port',
      '0',
      '--symbols',
      'BTCUSDT',
      '--speed',
      '3600',
      '--weight-limit',
      '100000',
    ]);
    const { http } = JSON.parse(await proc.firstLine);
    const before = Math.floor(Date.now() / 1000) * 1000 - 120000;
    await new Promise((r) => setTimeout(r, 2100));

    const old = (
      await getJson(`${http}/api/v3/klines?symbol=BTCUSDT&interval=1s&startTime=${before}&limit=10`)
    ).body;
    const recent = (await getJson(`${http}/api/v3/klines?symbol=BTCUSDT&interval=1s&limit=3`)).body;
    const serverTime = (await getJson(`${http}/api/v3/time`)).body.serverTime;
    proc.child.kill('SIGTERM');
    await proc.exited;

    const avgOld = old.reduce((s, r) => s + Number(r[5]), 0) / old.length;
    expect(Number(recent[0][5])).toBeGreaterThan(100 * avgOld);
    expect(Math.abs(serverTime - Date.now())).toBeLessThan(2000);
  });
});
