import { useId } from 'react';

import { TIMEFRAMES } from '../../../../../backend/src/domain/bot';
import { ErrorMessage } from '../../../components/errors/error-message';
import { useT } from '../../../i18n/use-t';
import { useSetWatchlist } from '../api/set-watchlist';

/** The timeframe RSI, trend, regime and the sparklines use; admins change it for everyone. */
export function WatchlistTimeframe({
  timeframe,
  isAdmin,
}: {
  timeframe: string;
  isAdmin: boolean;
}) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const save = useSetWatchlist();
  if (!isAdmin) {
    return (
      <dl className="facts">
        <dt>{t('market.timeframe')}</dt>
        <dd>{timeframe}</dd>
      </dl>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('market.timeframe')}</label>
      <select
        id={id}
        value={save.isPending ? save.variables.timeframe : timeframe}
        aria-describedby={hintId}
        disabled={save.isPending}
        onChange={(event) => save.mutate({ timeframe: event.target.value })}
      >
        {TIMEFRAMES.map((tf) => (
          <option key={tf} value={tf}>
            {tf}
          </option>
        ))}
      </select>
      <p id={hintId} className="field-hint">
        {t('market.timeframe.hint')}
      </p>
      {save.error ? <ErrorMessage error={save.error} /> : null}
    </div>
  );
}
