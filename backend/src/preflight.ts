// Run by entrypoint.sh before supervisord starts: refuses a bad environment or a taken port with one
// clear line and exit 1, instead of letting supervisord restart the orchestrator in a loop.
import { createServer } from 'node:net';

import { loadEnv } from './config/env.js';

function fail(message: string): never {
  process.stderr.write(`spotdesk: ${message}\n`);
  process.exit(1);
}

function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        fail(`port ${port} is already in use on ${host}; stop what uses it or set SPOTDESK_PORT`);
      }
      fail(
        `cannot listen on ${host}:${port} (${error.code ?? error.message}); check SPOTDESK_HOST`,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

let env;
try {
  env = loadEnv();
} catch (error) {
  fail((error as Error).message);
}
await checkPortFree(env.host, env.port);
