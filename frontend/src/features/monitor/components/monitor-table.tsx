import { Link } from 'react-router-dom';

import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/use-t';
import { useDashboardSummary } from '../api/get-dashboard-summary';
import type { MonitorBot } from '../api/get-dashboard-summary';
import { useNow } from '../hooks/use-now';
import { timeAgo } from '../lib/format';
import { ModeBadge, StateBadge } from './badges';

/** Whether the bot should be streaming its messages (its process runs). */
const runs = (bot: MonitorBot) => bot.state === 'RUNNING' || bot.state === 'PAUSED';

function Health({ bot }: { bot: MonitorBot }) {
  const { t } = useI18n();
  if (bot.degraded) {
    return (
      <>
        <span className="badge badge-bad">{t('monitor.health.degraded')}</span>
        <span className="cell-note">{bot.degraded}</span>
      </>
    );
  }
  if (runs(bot) && !bot.streaming) {
    return (
      <>
        <span className="badge badge-warn">{t('monitor.health.notLive')}</span>
        <span className="cell-note">{t('monitor.health.notLiveWhy')}</span>
      </>
    );
  }
  if (runs(bot)) return <span className="badge badge-ok">{t('monitor.health.live')}</span>;
  return <span className="muted">{t('common.none')}</span>;
}

/** Every bot at a glance: what it trades, its state, when it last looped, what it did today. */
export function MonitorTable({ title }: { title: string }) {
  const f = useI18n();
  const { t, formatNumber, formatDateTime, language } = f;
  const summary = useDashboardSummary();
  const now = useNow();
  if (!summary.data) {
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  }
  const { bots } = summary.data;
  return (
    <Card title={title} className="card-full">
      {bots.length === 0 ? (
        <EmptyState action={<Link to={paths.bots.getHref()}>{t('dashboard.goToBots')}</Link>}>
          {t('dashboard.noBots')}
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table monitor-table">
            <thead>
              <tr>
                <th scope="col">{t('monitor.col.bot')}</th>
                <th scope="col">{t('monitor.col.strategy')}</th>
                <th scope="col">{t('monitor.col.pairs')}</th>
                <th scope="col">{t('monitor.col.state')}</th>
                <th scope="col">{t('monitor.col.lastLoop')}</th>
                <th scope="col" className="num">
                  {t('monitor.col.signals')}
                </th>
                <th scope="col" className="num">
                  {t('monitor.col.orders')}
                </th>
                <th scope="col">{t('monitor.col.health')}</th>
              </tr>
            </thead>
            <tbody>
              {bots.map((bot) => (
                <tr key={bot.id}>
                  <th scope="row">
                    <Link to={paths.bot.getHref(bot.id)}>{bot.name}</Link>{' '}
                    <ModeBadge mode={bot.mode} short />
                  </th>
                  <td>{bot.strategy}</td>
                  <td className="wrap-anywhere">{bot.pairs.join(', ')}</td>
                  <td>
                    <StateBadge state={bot.state} />
                  </td>
                  <td className="nowrap">
                    {bot.lastLoopAt === null ? (
                      <span className="muted">{t('monitor.unknown')}</span>
                    ) : (
                      <time dateTime={bot.lastLoopAt} title={formatDateTime(bot.lastLoopAt)}>
                        {timeAgo(language, bot.lastLoopAt, now)}
                      </time>
                    )}
                  </td>
                  <td className="num">{formatNumber(bot.signalsToday)}</td>
                  <td className="num">{formatNumber(bot.ordersToday)}</td>
                  <td>
                    <Health bot={bot} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
