// A bot's supervisord program file (`<data>/bots/<id>/supervisord.conf`, included by
// supervisord.conf). Pure text from ids and our own paths: nothing a user types reaches it.

import { programName, type BotId } from './bot.js';

export interface ProgramSpec {
  botId: BotId;
  /** argv; every word is quoted as supervisord's shlex split expects and `%` is escaped. */
  command: string[];
  directory: string;
  autostart: boolean;
  logFile: string;
}

/** How long a bot may take to shut down cleanly (Freqtrade: one SIGTERM, then wait). */
export const BOT_STOP_WAIT_SECONDS = 30;

/** supervisord expands `%(name)s` in values; a literal percent sign is written `%%`. */
function escapePercent(value: string): string {
  return value.replace(/%/g, '%%');
}

/** One word for shlex: bare when it is safe, else single-quoted (a `'` ends, escapes, reopens). */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_./:=@+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}

function safePath(value: string): string {
  if (/[\n\r]/.test(value))
    throw new Error('a path in a supervisord file may not hold a line break');
  return escapePercent(value);
}

export function programConfig(spec: ProgramSpec): string {
  const name = programName(spec.botId);
  const command = spec.command.map((word) => safePath(shellWord(word))).join(' ');
  return [
    `; Written by Spotdesk for bot ${spec.botId}; rewritten whenever the bot changes.`,
    `[program:${name}]`,
    `command=${command}`,
    `directory=${safePath(spec.directory)}`,
    `autostart=${spec.autostart ? 'true' : 'false'}`,
    // Restart after a crash; the orchestrator's reconciler decides about stops and starts.
    'autorestart=unexpected',
    'exitcodes=0',
    'startsecs=5',
    'startretries=3',
    'stopsignal=TERM',
    `stopwaitsecs=${BOT_STOP_WAIT_SECONDS}`,
    // The launcher of a Live bot is the parent of Freqtrade: signals go to both.
    'stopasgroup=true',
    'killasgroup=true',
    'redirect_stderr=true',
    `stdout_logfile=${safePath(spec.logFile)}`,
    'stdout_logfile_maxbytes=10MB',
    'stdout_logfile_backups=5',
    '',
  ].join('\n');
}
