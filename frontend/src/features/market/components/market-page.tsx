import { ErrorMessage } from '../../../components/errors/error-message';
import { PageHeader } from '../../../components/layout/page-header';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { useRemoveWatchPair } from '../api/remove-watch-pair';
import { useWatchlist } from '../api/get-watchlist';
import { useWatchlistEvents } from '../hooks/use-market-events';
import { issueText } from '../lib/issue-text';
import { AddPairForm } from './add-pair-form';
import { WatchlistTable } from './watchlist-table';
import { WatchlistTimeframe } from './watchlist-timeframe';
import './market.css';

/** The watchlist, live: every watched pair and every pair a running bot trades. */
export function MarketPage({ isAdmin }: { isAdmin: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const watchlist = useWatchlist();
  const remove = useRemoveWatchPair();
  useWatchlistEvents();
  const data = watchlist.data;

  let body;
  if (!data) {
    body = watchlist.isPending ? <Loading /> : <ErrorMessage error={watchlist.error} />;
  } else if (data.rows.length === 0) {
    body = (
      <EmptyState>
        {t('market.empty')} {t(isAdmin ? 'market.emptyAdmin' : 'market.emptyViewer')}
      </EmptyState>
    );
  } else {
    body = (
      <WatchlistTable
        rows={data.rows}
        onRemove={isAdmin ? (pair) => remove.mutate(pair) : undefined}
        removing={remove.isPending ? remove.variables : null}
      />
    );
  }

  return (
    <>
      <PageHeader title={t('market.title')} />
      <p className="muted">{t('market.intro')}</p>
      {data?.issue ? (
        <Alert tone="error">{t('market.feedIssue', { reason: issueText(data.issue, i18n) })}</Alert>
      ) : null}
      {/* A failed re-read keeps the last rows on screen, under this notice. */}
      {data && watchlist.error ? <ErrorMessage error={watchlist.error} /> : null}
      <Card title={t('market.watchlist.title')}>
        {data ? (
          <div className="market-tools">
            {isAdmin ? <AddPairForm pairs={data.pairs} /> : null}
            <WatchlistTimeframe timeframe={data.timeframe} isAdmin={isAdmin} />
          </div>
        ) : null}
        {!isAdmin ? <p className="muted small">{t('market.adminOnly')}</p> : null}
        {remove.error ? <ErrorMessage error={remove.error} /> : null}
        {remove.isSuccess ? (
          <Alert tone="success">{t('market.removed', { pair: remove.variables })}</Alert>
        ) : null}
        {body}
      </Card>
    </>
  );
}
