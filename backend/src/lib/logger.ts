import { pino, type DestinationStream, type Logger } from 'pino';

import { redactSecrets } from './redact.js';

export type { Logger } from 'pino';

/**
 * JSON lines on `destination` (stdout by default). Every log object passes the same key-name
 * redaction as the audit log, at any depth, before it is written.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'spotdesk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
      // redactSecrets already turned errors (under any key) into plain {type, message, stack, …}.
      serializers: { err: (value: unknown) => value },
    },
    destination,
  );
}
