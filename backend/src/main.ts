import { loadEnv } from './config/env.js';
import { ConfigError } from './domain/errors.js';
import { createLogger, type Logger } from './lib/logger.js';
import { startServer, type RunningServer } from './server.js';

// A start-up problem the user must fix: one plain line on stderr, no stack trace, exit 1.
function fail(message: string): never {
  process.stderr.write(`spotdesk: ${message}\n`);
  process.exit(1);
}

function installShutdown(running: RunningServer, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  const logger = createLogger(env.logLevel);
  // supervisord restarts us; staying up in an unknown state would be worse.
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  try {
    installShutdown(await startServer(env, logger), logger);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

void main();
