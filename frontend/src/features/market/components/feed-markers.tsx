import { useI18n } from '../../../i18n/use-t';

type FeedState = { stale: boolean; source: 'stream' | 'rest'; updatedAt: number | null };

/** "Stale" and "REST" badges, each with its meaning as text for every reader. */
export function FeedMarkers({ state }: { state: FeedState }) {
  const { t, formatDateTime } = useI18n();
  if (!state.stale && state.source === 'stream') return null;
  return (
    <span className="badge-row">
      {state.stale ? (
        <span
          className="badge badge-warn"
          title={
            state.updatedAt === null
              ? t('market.staleNever')
              : t('market.staleHint', { time: formatDateTime(new Date(state.updatedAt)) })
          }
        >
          <span aria-hidden="true">⏸ </span>
          {t('market.stale')}
          <span className="sr-only">
            {': '}
            {state.updatedAt === null
              ? t('market.staleNever')
              : t('market.staleHint', { time: formatDateTime(new Date(state.updatedAt)) })}
          </span>
        </span>
      ) : null}
      {state.source === 'rest' ? (
        <span className="badge badge-neutral" title={t('market.restHint')}>
          {t('market.rest')}
          <span className="sr-only">
            {': '}
            {t('market.restHint')}
          </span>
        </span>
      ) : null}
    </span>
  );
}
