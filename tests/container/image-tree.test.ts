// The tree the image runs, built the way the Dockerfile builds it (stage-app.sh, then
// install-prod-deps.sh: production npm packages only), started the way the image starts it
// (its own entrypoint.sh → supervisord → orchestrator). Docker cannot run here; this is what it
// would run, minus Freqtrade. A dependency declared only for development, or a file the staging
// script forgets, fails here instead of on a trader's Mac.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startProcessTree } from '../helpers/process-tree.js';
import type { ProcessTree } from '../helpers/process-tree.js';
import { makeTempDir, stageApp } from '../helpers/repo.js';

let staged: ReturnType<typeof makeTempDir>;
let tree: ProcessTree;

beforeAll(async () => {
  staged = makeTempDir('spotdesk-app-tree-');
  stageApp(staged.path);
  execFileSync('bash', [join(staged.path, 'scripts', 'install-prod-deps.sh'), staged.path], {
    stdio: 'pipe',
    timeout: 600_000,
  });
  tree = await startProcessTree({}, 'pipe', staged.path);
}, 660_000);

afterAll(async () => {
  if (tree) expect(await tree.stop()).toBe(0);
  staged?.remove();
});

describe('the image tree (staged /app with production packages only)', () => {
  it('when installed, then no development package is in it', () => {
    for (const devOnly of ['vitest', 'typescript', 'eslint', 'vite', 'drizzle-kit', 'tsx']) {
      expect(existsSync(join(staged.path, 'node_modules', devOnly)), devOnly).toBe(false);
    }
    expect(existsSync(join(staged.path, 'node_modules', 'better-sqlite3'))).toBe(true);
  });

  it('when started by its own entrypoint, then it is ready and serves the panel and the API', async () => {
    const ready = await fetch(`${tree.baseUrl}/ready`);
    const page = await fetch(`${tree.baseUrl}/`, { headers: { accept: 'text/html' } });
    const session = await fetch(`${tree.baseUrl}/api/session`);

    expect(ready.status).toBe(200);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ setupRequired: true });
  });

  it('when the simulators are run from it, then each starts with production packages only', async () => {
    const strategies = execFileSync(
      'node',
      [
        join(staged.path, 'sim', 'freqtrade', 'bin', 'freqtrade.js'),
        'list-strategies',
        '-1',
      ].concat(['--strategy-path', join(staged.path, 'strategies')]),
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(strategies.split('\n')).toContain('EmaCrossStrategy');

    const exchange = spawn(
      'node',
      [join(staged.path, 'sim', 'exchange', 'bin', 'sim-exchange.js')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        exchange.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
        exchange.once('exit', (code) => reject(new Error(`sim-exchange exited with ${code}`)));
      });
      const { http } = JSON.parse(line) as { http: string };
      expect((await fetch(`${http}/api/v3/ping`)).status).toBe(200);
    } finally {
      exchange.kill('SIGTERM');
    }
  });
});
