import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { useDashboardSummary } from '../api/get-dashboard-summary';

/** What the orchestrator knows of Binance: its clock offset and the request weight it used. */
export function ExchangeCard({ title }: { title: string }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const summary = useDashboardSummary();
  if (!summary.data) {
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  }
  const figures = summary.data.exchange;
  const unknown = <span className="muted">{t('monitor.exchange.notYet')}</span>;
  return (
    <Card title={title}>
      <dl className="facts">
        <dt>{t('monitor.exchange.clockOffset')}</dt>
        <dd>
          {figures.clockOffsetMs === null
            ? unknown
            : t('monitor.exchange.ms', {
                ms: formatNumber(figures.clockOffsetMs, { signDisplay: 'exceptZero' }),
              })}
        </dd>
        <dt>{t('monitor.exchange.weight')}</dt>
        <dd>
          {figures.usedWeight1m === null
            ? unknown
            : figures.weightLimit1m === null
              ? formatNumber(figures.usedWeight1m)
              : t('monitor.exchange.weightOf', {
                  used: formatNumber(figures.usedWeight1m),
                  limit: formatNumber(figures.weightLimit1m),
                })}
          {figures.usedWeightAt === null ? null : (
            <span className="muted small">
              {' '}
              {t('monitor.exchange.asOf', { at: formatDateTime(new Date(figures.usedWeightAt)) })}
            </span>
          )}
        </dd>
        {figures.sapiUsedWeight1m === null ? null : (
          <>
            <dt>{t('monitor.exchange.sapiWeight')}</dt>
            <dd>{formatNumber(figures.sapiUsedWeight1m)}</dd>
          </>
        )}
        <dt>{t('monitor.exchange.markets')}</dt>
        <dd>
          {figures.marketsLoadedAt === null
            ? unknown
            : formatDateTime(new Date(figures.marketsLoadedAt))}
        </dd>
      </dl>
      {figures.bannedUntil !== null ? (
        <p className="badge badge-bad">
          {t('monitor.exchange.banned', { until: formatDateTime(new Date(figures.bannedUntil)) })}
        </p>
      ) : figures.rateLimitedUntil !== null ? (
        <p className="badge badge-warn">
          {t('monitor.exchange.rateLimited', {
            until: formatDateTime(new Date(figures.rateLimitedUntil)),
          })}
        </p>
      ) : (
        <p className="badge badge-ok">{t('monitor.exchange.ok')}</p>
      )}
    </Card>
  );
}
