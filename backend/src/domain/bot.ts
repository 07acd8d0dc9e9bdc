// Logical bots (PRODUCT.md C2): what a trader describes, the states it moves through, and the
// rules that hold whatever the bot's process does. Pure: storage, processes and HTTP live elsewhere.

export type BotId = number & { readonly __brand: 'BotId' };

/** Paper: Freqtrade dry-run with a virtual wallet. Live: real orders on the installation's account. */
export type BotMode = 'SIMULATED' | 'REAL_MARKET_SPOT';
export const BOT_MODES: readonly BotMode[] = ['SIMULATED', 'REAL_MARKET_SPOT'];

/** What the trader asked for; ERROR is never desired, only observed. */
export type DesiredState = 'CREATED' | 'RUNNING' | 'PAUSED' | 'STOPPED';
export type BotState = DesiredState | 'ERROR';

export type ErrorReason =
  | 'config-refused'
  | 'process-fatal'
  | 'crash-looping'
  | 'api-unreachable'
  | 'stalled'
  | 'port-in-use'
  | 'live-gate-closed'
  | 'loss-limit-tripped';

export interface BotSettings {
  name: string;
  description: string;
  mode: BotMode;
  strategy: string;
  /** Values of the strategy's hyperoptable parameters, by name (C10 fills this from a form). */
  strategyParams: Record<string, string | number | boolean>;
  timeframe: string;
  pairs: string[];
  /** Quote currency per trade. */
  stakeAmount: number;
  maxOpenTrades: number;
  /** Quote currency the bot may hold in positions at once; Live bots size from it alone. */
  maxExposure: number;
  /** Overrides the strategy's stoploss (a negative ratio, -0.1 = 10 %). */
  stoploss: number | null;
  /** Overrides the strategy's minimal_roi: minutes → ratio. */
  minimalRoi: Record<string, number> | null;
  /** Realised loss per trading day (quote currency) that pauses the bot until re-armed. */
  dailyLossLimit: number | null;
}

export interface Bot extends BotSettings {
  id: BotId;
  desiredState: DesiredState;
  state: BotState;
  stateReason: string | null;
  errorReason: ErrorReason | null;
  stateSince: number;
  apiPort: number;
  /** Bumped whenever the generated Freqtrade config changes. */
  configVersion: number;
  /** Settings saved "for next start", not yet in the running config. */
  pendingRestart: boolean;
  lossLimitTrippedAt: number | null;
  lossLimitTripReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export type BotAction = 'start' | 'pause' | 'resume' | 'stop' | 'restart' | 'retry' | 'delete';

/**
 * The desired state an action leads to from the current one, or null when the move is not
 * allowed (issue #4: CREATED→RUNNING; RUNNING→PAUSED/STOPPED; PAUSED→RUNNING/STOPPED;
 * STOPPED→RUNNING; ERROR→STOPPED or RUNNING by retry; delete only from CREATED or STOPPED).
 * Repeating an action that is already in force is allowed (idempotent requests).
 */
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

/** Desired states whose program supervisord keeps running (and starts at boot). */
export function runsProcess(desired: DesiredState): boolean {
  return desired === 'RUNNING' || desired === 'PAUSED';
}

export const BOT_NAME_MAX = 40;

/** Timeframes Freqtrade knows for Binance Spot (ccxt binance `timeframes`). */
export const TIMEFRAMES = [
  '1m',
  '3m',
  '5m',
  '15m',
  '30m',
  '1h',
  '2h',
  '4h',
  '6h',
  '8h',
  '12h',
  '1d',
  '3d',
  '1w',
  '1M',
] as const;

/** Each timeframe's length in ms (a month counted as 30 days). */
export const TIMEFRAME_MS: Record<(typeof TIMEFRAMES)[number], number> = {
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '6h': 21_600_000,
  '8h': 28_800_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
  '3d': 259_200_000,
  '1w': 604_800_000,
  '1M': 2_592_000_000,
};

export const PAIR_PATTERN = /^[A-Z0-9]{2,15}\/[A-Z0-9]{2,10}$/;

/** Program and folder names come from ids only: nothing a user types reaches supervisord. */
export function programName(id: BotId): string {
  return `bot-${id}`;
}

/** Each mode has its own trade database, so paper trades never sit where a Live bot looks. */
export function tradeDbFile(mode: BotMode): string {
  return mode === 'REAL_MARKET_SPOT' ? 'trades-live.sqlite' : 'trades-paper.sqlite';
}

export function isLive(bot: Pick<BotSettings, 'mode'>): boolean {
  return bot.mode === 'REAL_MARKET_SPOT';
}
