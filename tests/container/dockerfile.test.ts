// Docker cannot run on these machines, so the image is checked against a staged copy of its file
// tree, built by the same scripts its RUN steps call: every COPY source, the ENTRYPOINT, CMD,
// HEALTHCHECK and every command supervisord runs must exist where the image expects it.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { DockerfileParser } from 'dockerfile-ast';
import type { Copy, Dockerfile, Instruction } from 'dockerfile-ast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeTempDir, repoRoot, stageApp } from '../helpers/repo.js';

const dockerfile: Dockerfile = DockerfileParser.parse(
  readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'),
);
const stages = dockerfile.getFROMs().map((from) => from.getBuildStage());
const runtimeStart = dockerfile.getFROMs().at(-1)!.getRange().start.line;
const runtime = dockerfile.getInstructions().filter((i) => i.getRange().start.line >= runtimeStart);

let staged: { path: string; remove: () => void };
// Where each stage keeps the files the runtime stage copies, mapped onto the staged tree.
let stageRoots: Record<string, Record<string, string>>;

function args(instruction: Instruction): string[] {
  return instruction.getArguments().map((a) => a.getValue());
}

function jsonForm(instruction: Instruction): string[] {
  return JSON.parse(instruction.getArgumentsContent() ?? '[]') as string[];
}

/** The image's ENV plus what entrypoint.sh exports for supervisord (file log, no demo). */
function imageEnv(): Record<string, string> {
  const logs = {
    SPOTDESK_ORCHESTRATOR_LOG: '/data/logs/orchestrator.log',
    SPOTDESK_ORCHESTRATOR_LOG_MAXBYTES: '20MB',
  };
  const demo = { SPOTDESK_SIM_EXCHANGE_AUTOSTART: 'false', SPOTDESK_SIM_EXCHANGE_PORT: '18001' };
  const entrypoint = readFileSync(join(repoRoot, 'entrypoint.sh'), 'utf8');
  const exportLine = (first: string) =>
    new RegExp(`^export (${first} .*)$`, 'm').exec(entrypoint)?.[1]?.split(' ');
  expect(exportLine('SPOTDESK_ORCHESTRATOR_LOG')).toEqual(Object.keys(logs));
  expect(exportLine('SPOTDESK_SIM_EXCHANGE_AUTOSTART')).toEqual(Object.keys(demo));
  const env: Record<string, string> = { ...logs, ...demo };
  for (const i of runtime.filter((x) => x.getKeyword() === 'ENV')) {
    for (const pair of args(i)) {
      const [key, value] = pair.split('=');
      env[key!] = value!;
    }
  }
  return env;
}

/** Maps an absolute path inside the image to the staged tree (only /app is ours). */
function stagedPath(imagePath: string): string {
  expect(imagePath.startsWith('/app/') || imagePath === '/app').toBe(true);
  return join(staged.path, imagePath.slice('/app'.length));
}

beforeAll(() => {
  staged = makeTempDir('spotdesk-image-');
  stageApp(staged.path);
  stageRoots = {
    build: { '/out/app': staged.path },
    'prod-deps': { '/app': staged.path },
  };
});

afterAll(() => staged.remove());

describe('Dockerfile', () => {
  it('when parsed, then it has the build, prod-deps and runtime stages on pinned bases', () => {
    expect(stages).toEqual(['build', 'prod-deps', 'runtime']);
    const argDefaults = Object.fromEntries(
      dockerfile
        .getInstructions()
        .filter((i) => i.getKeyword() === 'ARG')
        .map((i) => args(i)[0]!.split('=') as [string, string]),
    );
    expect(argDefaults.FREQTRADE_TAG).toMatch(/^\d{4}\.\d+$/);
    expect(argDefaults.NODE_IMAGE).toMatch(/^node:20-/);
    const last = dockerfile.getFROMs().at(-1)!;
    expect(last.getImageName()).toBe('freqtradeorg/freqtrade');
    // The build stage runs on the builder's platform; the native-module stage on the target's.
    expect(dockerfile.getFROMs()[0]!.getPlatformFlag()?.getValue()).toBe('$BUILDPLATFORM');
    expect(dockerfile.getFROMs()[1]!.getPlatformFlag()).toBeNull();
  });

  it('when each RUN calls a repo script, then that script exists and is the one the native run uses', () => {
    const scripts = dockerfile
      .getInstructions()
      .filter((i) => i.getKeyword() === 'RUN')
      .flatMap((i) =>
        [...(i.getArgumentsContent() ?? '').matchAll(/bash (\S+\.sh)/g)].map((m) => m[1]!),
      );
    expect(scripts).toEqual([
      'scripts/build.sh',
      'scripts/stage-app.sh',
      '/app/scripts/install-prod-deps.sh',
    ]);
    expect(existsSync(join(repoRoot, 'scripts/build.sh'))).toBe(true);
    expect(readFileSync(join(repoRoot, 'scripts/setup.sh'), 'utf8')).toContain('scripts/build.sh');
    expect(existsSync(stagedPath('/app/scripts/install-prod-deps.sh'))).toBe(true);
  });

  it('when the runtime stage copies files, then every source exists in the stage it names', () => {
    const copies = runtime.filter((i) => i.getKeyword() === 'COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const from = (copy as Copy).getFromFlag()?.getValue();
      const [source] = args(copy).filter((a) => !a.startsWith('--'));
      expect(from, `COPY ${source} must come from a stage`).toBeDefined();
      expect(stages).toContain(from);
      if (source === '/usr/local/bin/node') continue; // the Node 20 binary of the node:20 base image
      const root = Object.entries(stageRoots[from!] ?? {}).find(([prefix]) =>
        source!.startsWith(prefix),
      );
      expect(root, `no staged tree for ${from}:${source}`).toBeDefined();
      expect(existsSync(join(root![1], source!.slice(root![0].length)))).toBe(true);
    }
  });

  it('when the image starts, then ENTRYPOINT, CMD and HEALTHCHECK point at staged files', () => {
    const entrypoint = jsonForm(runtime.find((i) => i.getKeyword() === 'ENTRYPOINT')!);
    expect(entrypoint).toEqual(['/app/entrypoint.sh']);
    const file = stagedPath(entrypoint[0]!);
    accessSync(file, constants.X_OK);
    expect(readFileSync(file, 'utf8')).toMatch(
      /exec supervisord -n -c "\$SPOTDESK_APP_DIR\/supervisord.conf"/,
    );
    expect(jsonForm(runtime.find((i) => i.getKeyword() === 'CMD')!)).toEqual([]);

    const health = runtime.find((i) => i.getKeyword() === 'HEALTHCHECK')!;
    const cmd = JSON.parse(
      /CMD (\[.*\])/s.exec(health.getArgumentsContent() ?? '')![1]!,
    ) as string[];
    expect(cmd[0]).toBe('node');
    const script = readFileSync(stagedPath(cmd[1]!), 'utf8');
    expect(script).toContain('/health');
  });

  it('when the image runs, then it is a non-root user with /data as its volume and env pointing at /app', () => {
    const users = runtime.filter((i) => i.getKeyword() === 'USER').map((i) => args(i)[0]);
    expect(users.at(-1)).toBe('ftuser');
    expect(imageEnv()).toMatchObject({
      SPOTDESK_APP_DIR: '/app',
      SPOTDESK_DATA_DIR: '/data',
      SPOTDESK_HOST: '0.0.0.0',
      SPOTDESK_PORT: '8080',
    });
    const volume = runtime.find((i) => i.getKeyword() === 'VOLUME')!;
    expect(jsonForm(volume)).toEqual(['/data']);
    const setup = runtime.find((i) => i.getKeyword() === 'RUN')!.getArgumentsContent() ?? '';
    expect(setup).toContain('chown ftuser:ftuser /data');
    expect(setup).toContain('supervisor');
  });
});

describe('supervisord.conf in the image', () => {
  const conf = readFileSync(join(repoRoot, 'supervisord.conf'), 'utf8');

  function expand(value: string): string {
    const env = imageEnv();
    return value.replace(/%\(ENV_(\w+)\)s/g, (_, name: string) => {
      expect(env[name], `${name} must be set in the image`).toBeDefined();
      return env[name]!;
    });
  }

  it('when every program command is resolved with the image env, then its files exist in the staged tree', () => {
    const commands = [...conf.matchAll(/^command=(.+)$/gm)].map((m) => expand(m[1]!).split(/\s+/));
    expect(commands.length).toBeGreaterThan(0);
    for (const [bin, script] of commands) {
      expect(bin).toBe('node');
      expect(statSync(stagedPath(script!)).isFile()).toBe(true);
    }
    const directories = [...conf.matchAll(/^directory=(.+)$/gm)].map((m) => expand(m[1]!));
    for (const dir of directories) expect(statSync(stagedPath(dir)).isDirectory()).toBe(true);
  });

  it('when read, then control is a 0700 unix socket under run/ and nothing switches users', () => {
    expect(conf).not.toMatch(/^\[inet_http_server\]/m);
    expect(conf).not.toMatch(/^\s*(user|chown)\s*=/m);
    expect(expand(/^file=(.+)$/m.exec(conf)![1]!)).toBe('/data/run/supervisor.sock');
    expect(/^chmod=(.+)$/m.exec(conf)![1]).toBe('0700');
    expect(expand(/^files=(.+)$/m.exec(conf)![1]!)).toBe('/data/bots/*/supervisord.conf');
  });
});
