import { useT } from '../../../i18n/use-t';
import type { MessageKey } from '../../../i18n/en';
import type { Bot } from '../api/get-bots';

const ERROR_REASONS: Record<string, MessageKey> = {
  'config-refused': 'bots.errorReason.config-refused',
  'process-fatal': 'bots.errorReason.process-fatal',
  'crash-looping': 'bots.errorReason.crash-looping',
  'api-unreachable': 'bots.errorReason.api-unreachable',
  stalled: 'bots.errorReason.stalled',
  'port-in-use': 'bots.errorReason.port-in-use',
  'live-gate-closed': 'bots.errorReason.live-gate-closed',
  'loss-limit-tripped': 'bots.errorReason.loss-limit-tripped',
};

// The orchestrator's fixed progress notes (services/bot-converger.ts); others carry upstream detail.
const STATE_REASONS: Record<string, MessageKey> = {
  starting: 'bots.reason.starting',
  'starting its trader': 'bots.reason.startingTrader',
  'reloading its config': 'bots.reason.reloading',
  'waiting for its API': 'bots.reason.waitingApi',
  pausing: 'bots.reason.pausing',
  resuming: 'bots.reason.resuming',
  stopping: 'bots.reason.stopping',
};

function own<T>(table: Record<string, T>, key: string | null): T | undefined {
  return key !== null && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Why the bot is where it is: the error in the panel's words, then the server's detail (it may
 * quote Freqtrade or supervisord); a known progress note is translated, others are shown as sent.
 */
export function BotStateDetail({ bot }: { bot: Bot }) {
  const t = useT();
  const known = own(STATE_REASONS, bot.stateReason);
  if (bot.state === 'ERROR') {
    const reason = own(ERROR_REASONS, bot.errorReason);
    return (
      <div className="bot-error" role="note">
        <p>
          <strong>{t(reason ?? 'bots.errorReason.unknown')}</strong>
        </p>
        {bot.stateReason && !known ? (
          <p className="muted">
            {t('bots.serverDetail')} <span lang="en">{bot.stateReason}</span>
          </p>
        ) : null}
      </div>
    );
  }
  if (!bot.stateReason) return null;
  return <p className="muted">{known ? t(known) : <span lang="en">{bot.stateReason}</span>}</p>;
}
