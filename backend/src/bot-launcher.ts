// The supervisord program of a Live bot: `env -i <allow-list> node bot-launcher.js <bot dir>`.
// It asks the orchestrator for the installation's Binance key over a mode-0600 unix socket,
// proving who it is with the bot's own loopback API password, then runs Freqtrade with the whole
// config (key included) on its stdin — so the key is in no file and in no process environment.
// Node cannot exec(2), so it stays as Freqtrade's parent: it forwards signals and exits with
// Freqtrade's status. A Paper bot never runs this: its program is `env -i … freqtrade --dry-run`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { z } from 'zod';

import { deepMerge, type JsonObject } from './domain/freqtrade-config.js';

const launchSchema = z.object({
  botId: z.number().int().positive(),
  socket: z.string().min(1),
  command: z.array(z.string().min(1)).min(1),
});
const credentialsSchema = z.object({ apiKey: z.string().min(1), secret: z.string().min(1) });
const WAIT_FOR_ORCHESTRATOR_MS = 120_000;

function fail(message: string): never {
  process.stderr.write(`spotdesk-launcher: ${message}\n`);
  process.exit(78); // EX_CONFIG: supervisord counts it as an unexpected exit and retries
}

function readJson(file: string): JsonObject {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function askOnce(socket: string, botId: number, password: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: socket,
        method: 'POST',
        path: `/bots/${botId}/exchange-credentials`,
        headers: { authorization: `Bearer ${password}` },
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          if (res.statusCode === 200) resolve(JSON.parse(body));
          else
            reject(
              Object.assign(new Error(body || `HTTP ${res.statusCode}`), {
                status: res.statusCode,
              }),
            );
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    req.on('error', reject);
    req.end();
  });
}

/** Waits while the orchestrator is down (supervisord may start bots first); a refusal is final. */
async function credentials(socket: string, botId: number, password: string) {
  const deadline = Date.now() + WAIT_FOR_ORCHESTRATOR_MS;
  for (;;) {
    try {
      return credentialsSchema.parse(await askOnce(socket, botId, password));
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== undefined && status !== 503)
        fail(`the orchestrator refused: ${(error as Error).message}`);
      if (Date.now() > deadline) fail('the orchestrator did not hand out the exchange key in time');
      await sleep(2000);
    }
  }
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) fail('usage: bot-launcher.js <bot dir>');
  const launch = launchSchema.safeParse(readJson(path.join(dir, 'launch.json')));
  if (!launch.success) fail(`launch.json is not valid: ${launch.error.issues[0]?.message}`);
  const config = deepMerge(
    readJson(path.join(dir, 'config.json')),
    readJson(path.join(dir, 'state.json')),
  );
  const api = config.api_server as { password?: unknown } | undefined;
  if (typeof api?.password !== 'string') fail('config.json has no api_server.password');
  const key = await credentials(launch.data.socket, launch.data.botId, api.password);
  const exchange = { ...(config.exchange as JsonObject), key: key.apiKey, secret: key.secret };
  const [cmd, ...args] = launch.data.command;
  const child = spawn(cmd!, args, {
    cwd: dir,
    env: process.env,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  child.stdin.end(JSON.stringify({ ...config, exchange }));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => fail(`cannot run ${cmd}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
}

void main();
