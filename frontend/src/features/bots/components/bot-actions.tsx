import { useId } from 'react';
import { Link } from 'react-router-dom';

import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';
import type { Bot } from '../api/get-bots';
import { canSwitchMode, isOffered } from '../lib/bot-rules';
import type { BotAction } from '../lib/bot-rules';

/** Everything a person can ask of one bot; each opens its own confirmation. */
export type BotRequest = Exclude<BotAction, 'delete'> | 'delete' | 'mode' | 'rearm';

const PRIMARY: Exclude<BotAction, 'delete'>[] = [
  'start',
  'resume',
  'retry',
  'pause',
  'restart',
  'stop',
];

const BUTTON_KEYS = {
  start: 'bots.do.start',
  resume: 'bots.do.resume',
  retry: 'bots.do.retry',
  pause: 'bots.do.pause',
  restart: 'bots.do.restart',
  stop: 'bots.do.stop',
} as const;

/** A button that stays focusable when it cannot act, so keyboard users can reach its reason. */
function BlockedButton({ label, reason }: { label: string; reason: string }) {
  const reasonId = useId();
  return (
    <span className="blocked-action">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-disabled="true"
        aria-describedby={reasonId}
        onClick={(event) => event.preventDefault()}
      >
        {label}
      </button>
      <span id={reasonId} className="field-hint">
        {reason}
      </span>
    </span>
  );
}

export function BotActions({ bot, onRequest }: { bot: Bot; onRequest: (r: BotRequest) => void }) {
  const t = useT();
  const tripped = bot.lossLimitTripped !== null;
  const offered = PRIMARY.filter((action) => isOffered(bot.state, bot.desiredState, action));
  const isLive = bot.mode === 'REAL_MARKET_SPOT';
  const label = (key: Parameters<typeof t>[0]) => t(key, { name: bot.name });
  return (
    <div className="actions bot-actions" role="group" aria-label={label('bots.actionsFor')}>
      {offered.map((action) => {
        // A tripped limit refuses every way back to RUNNING until the bot is re-armed.
        const blocked =
          tripped && (action === 'start' || action === 'resume' || action === 'retry');
        if (blocked) {
          return (
            <BlockedButton
              key={action}
              label={t(BUTTON_KEYS[action])}
              reason={t('bots.rearmFirst')}
            />
          );
        }
        return (
          <button
            key={action}
            type="button"
            className={
              action === 'stop' ? 'button button-danger button-small' : 'button button-small'
            }
            onClick={() => onRequest(action)}
          >
            {t(BUTTON_KEYS[action])}
            {isLive && (action === 'start' || action === 'retry')
              ? ` (${t('bots.mode.liveShort')})`
              : ''}
          </button>
        );
      })}
      {tripped ? (
        <button type="button" className="button button-small" onClick={() => onRequest('rearm')}>
          {t('bots.do.rearm')}
        </button>
      ) : null}
      <Link className="button button-secondary button-small" to={paths.botEdit.getHref(bot.id)}>
        {t('bots.do.edit')}
      </Link>
      {/* Mode and delete need a bot at rest; while it runs they are left out, not greyed out. */}
      {canSwitchMode(bot.desiredState) ? (
        <button
          type="button"
          className={
            isLive ? 'button button-secondary button-small' : 'button button-live button-small'
          }
          onClick={() => onRequest('mode')}
        >
          {t(isLive ? 'bots.do.toPaper' : 'bots.do.toLive')}
        </button>
      ) : null}
      {isOffered(bot.state, bot.desiredState, 'delete') ? (
        <button
          type="button"
          className="button button-danger button-small"
          onClick={() => onRequest('delete')}
        >
          {t('bots.do.delete')}
        </button>
      ) : null}
    </div>
  );
}
