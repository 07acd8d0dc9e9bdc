import { useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Dialog } from '../../../components/ui/dialog';
import { useI18n } from '../../../i18n/use-t';
import { ApiError } from '../../../lib/api-client';
import type { Bot } from '../api/get-bots';
import { useStopBot } from '../api/stop-bot';

type Props = { bot: Bot; onDone: (bot: Bot) => void; onClose: () => void };

/** How many trades the server said the bot holds (409 `bot-has-open-trades`), if it did. */
function refusedCount(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'bot-has-open-trades') return null;
  const count = error.details?.['count'];
  return typeof count === 'number' ? count : null;
}

/**
 * Stopping asks first; a bot that holds trades (known beforehand, or told by the server's 409)
 * needs a choice: close them first, or stop and leave them open.
 */
export function StopDialog({ bot, onDone, onClose }: Props) {
  const { t, formatNumber } = useI18n();
  const stop = useStopBot();
  const [count, setCount] = useState<number | null>(bot.openTrades ? bot.openTrades : null);
  const isLive = bot.mode === 'REAL_MARKET_SPOT';

  function send(openTrades?: 'close' | 'leave') {
    stop.mutate(
      { id: bot.id, openTrades },
      {
        onSuccess: onDone,
        onError: (error) => {
          const refused = refusedCount(error);
          if (refused !== null) setCount(refused);
        },
      },
    );
  }

  const cancel = (
    <button type="button" className="button button-secondary" onClick={onClose}>
      {t('common.cancel')}
    </button>
  );
  const shownError = refusedCount(stop.error) === null ? stop.error : null;

  if (count === null) {
    return (
      <Dialog
        title={t('bots.confirm.stopTitle', { name: bot.name })}
        onClose={onClose}
        actions={
          <>
            {cancel}
            <button
              type="button"
              className="button button-danger"
              disabled={stop.isPending}
              onClick={() => send()}
            >
              {stop.isPending ? t('form.wait') : t('bots.do.stop')}
            </button>
          </>
        }
      >
        <p>{t('bots.confirm.stopBody')}</p>
        {shownError ? <ErrorMessage error={shownError} /> : null}
      </Dialog>
    );
  }

  const n = formatNumber(count);
  return (
    <Dialog
      title={t('bots.stopTrades.title', { name: bot.name, count: n })}
      onClose={onClose}
      actions={
        <>
          {cancel}
          <button
            type="button"
            className="button button-secondary"
            disabled={stop.isPending}
            onClick={() => send('leave')}
          >
            {t('bots.stopTrades.leave', { count: n })}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={stop.isPending}
            onClick={() => send('close')}
          >
            {t('bots.stopTrades.close', { count: n })}
          </button>
        </>
      }
    >
      <p>{t('bots.stopTrades.body', { count: n })}</p>
      <ul>
        <li>{t('bots.stopTrades.closeExplain')}</li>
        <li>{t(isLive ? 'bots.stopTrades.leaveLive' : 'bots.stopTrades.leavePaper')}</li>
      </ul>
      {stop.isPending ? <p role="status">{t('form.wait')}</p> : null}
      {shownError ? <ErrorMessage error={shownError} /> : null}
    </Dialog>
  );
}
