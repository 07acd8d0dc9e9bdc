import { useT } from '../../../i18n/use-t';
import type { MessageKey } from '../../../i18n/en';
import type { Bot } from '../api/get-bots';
import type { BotMode } from '../lib/bot-rules';

/** Live means real money: a solid red badge with the words, never colour alone. */
export function ModeBadge({ mode }: { mode: BotMode }) {
  const t = useT();
  return mode === 'REAL_MARKET_SPOT' ? (
    <span className="badge badge-live">{t('bots.mode.live')}</span>
  ) : (
    <span className="badge badge-paper">{t('bots.mode.paper')}</span>
  );
}

const STATE_TONE: Record<Bot['state'], string> = {
  CREATED: 'badge-neutral',
  RUNNING: 'badge-ok',
  PAUSED: 'badge-warn',
  STOPPED: 'badge-neutral',
  ERROR: 'badge-bad',
};

/** The move under way when the actual state has not yet caught up with the desired one. */
export function transitionKey(bot: Pick<Bot, 'state' | 'desiredState'>): MessageKey | null {
  const { state, desiredState } = bot;
  if (state === 'ERROR' || state === desiredState || desiredState === 'CREATED') return null;
  if (desiredState === 'RUNNING')
    return state === 'PAUSED' ? 'bots.moving.resuming' : 'bots.moving.starting';
  if (desiredState === 'PAUSED')
    return state === 'RUNNING' ? 'bots.moving.pausing' : 'bots.moving.starting';
  return 'bots.moving.stopping';
}

export function StateBadge({ bot }: { bot: Pick<Bot, 'state' | 'desiredState'> }) {
  const t = useT();
  const moving = transitionKey(bot);
  return (
    <span className={`badge ${STATE_TONE[bot.state]}`}>
      {t(`bot.state.${bot.state}`)}
      {moving ? <> · {t(moving)}</> : null}
    </span>
  );
}
