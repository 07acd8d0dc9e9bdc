import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const BACKEND_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface MainProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the URL from the "listening" log line. */
  listening(timeoutMs?: number): Promise<string>;
  exited(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs src/main.ts under tsx as a real child process with only the given SPOTDESK_* variables. */
export function spawnMain(env: Record<string, string>): MainProcess {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SPOTDESK_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: BACKEND_DIR,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([
      promise,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error(`${what} within ${ms} ms; stderr: ${err}`)), ms).unref(),
      ),
    ]);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    listening(timeoutMs = 20_000) {
      const found = new Promise<string>((resolve, reject) => {
        const check = () => {
          const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
          if (match?.[1]) resolve(match[1]);
          else if (child.exitCode !== null) reject(new Error(`exited early: ${err}`));
          else setTimeout(check, 50);
        };
        check();
      });
      return withTimeout(found, timeoutMs, 'no listening line');
    },
    exited: (timeoutMs = 20_000) => withTimeout(exit, timeoutMs, 'no exit'),
  };
}
