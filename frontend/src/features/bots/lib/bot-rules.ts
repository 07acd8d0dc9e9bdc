// What the panel knows of the orchestrator's bot rules (backend domain/bot.ts), so it offers only
// the moves the server accepts. bot-rules.test.ts checks every case against the backend's own code.

export const BOT_STATES = ['CREATED', 'RUNNING', 'PAUSED', 'STOPPED', 'ERROR'] as const;
export type BotState = (typeof BOT_STATES)[number];
export type DesiredState = Exclude<BotState, 'ERROR'>;
export const BOT_MODES = ['SIMULATED', 'REAL_MARKET_SPOT'] as const;
export type BotMode = (typeof BOT_MODES)[number];

export const BOT_ACTIONS = [
  'start',
  'pause',
  'resume',
  'stop',
  'restart',
  'retry',
  'delete',
] as const;
export type BotAction = (typeof BOT_ACTIONS)[number];

export { TIMEFRAMES } from '../../../lib/timeframes';

export const BOT_NAME_MAX = 40;
export const PAIR_PATTERN = /^[A-Z0-9]{2,15}\/[A-Z0-9]{2,10}$/;

/** The desired state an action leads to, or null when the server refuses it (as nextDesiredState). */
export function nextDesiredState(
  current: BotState,
  desired: DesiredState,
  action: BotAction,
): DesiredState | 'deleted' | null {
  if (current === 'ERROR') {
    if (action === 'stop') return 'STOPPED';
    if (action === 'retry' || action === 'restart')
      return desired === 'PAUSED' ? 'PAUSED' : 'RUNNING';
    if (action === 'start') return 'RUNNING';
    return null;
  }
  switch (action) {
    case 'start':
      return current === 'CREATED' || current === 'STOPPED' || current === 'RUNNING'
        ? 'RUNNING'
        : null;
    case 'pause':
      return current === 'RUNNING' || current === 'PAUSED' ? 'PAUSED' : null;
    case 'resume':
      return current === 'PAUSED' || (current === 'RUNNING' && desired === 'RUNNING')
        ? 'RUNNING'
        : null;
    case 'stop':
      return current === 'RUNNING' || current === 'PAUSED' || current === 'STOPPED'
        ? 'STOPPED'
        : null;
    case 'restart':
      return current === 'RUNNING' || current === 'PAUSED' ? desired : null;
    case 'retry':
      return null;
    case 'delete':
      return current === 'CREATED' || current === 'STOPPED' ? 'deleted' : null;
  }
}

/**
 * Whether the panel offers an action as a button: the server accepts it and it changes
 * something. The server also accepts repeats (start on a running bot); a button for those would
 * only confuse. Restart and retry always do something when accepted; from ERROR the way back is
 * retry (issue #4), so restart is not offered there.
 */
export function isOffered(current: BotState, desired: DesiredState, action: BotAction): boolean {
  const next = nextDesiredState(current, desired, action);
  if (next === null) return false;
  if (current === 'ERROR' && action === 'restart') return false;
  if (action === 'restart' || action === 'retry' || action === 'delete') return true;
  return next !== desired;
}

/** Paper ↔ Live is allowed only while the bot does not run (backend switchMode). */
export function canSwitchMode(desired: DesiredState): boolean {
  return desired === 'CREATED' || desired === 'STOPPED';
}

/** Settings saved on a bot whose process runs take effect by restart or at its next start. */
export function runsProcess(desired: DesiredState): boolean {
  return desired === 'RUNNING' || desired === 'PAUSED';
}
