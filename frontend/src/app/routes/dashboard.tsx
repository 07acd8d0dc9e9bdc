import { Link } from 'react-router-dom';

import { CardErrorBoundary } from '../../components/errors/card-error-boundary';
import { PageHeader } from '../../components/layout/page-header';
import { Card } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { paths } from '../../config/paths';
import { BotsSummaryCard } from '../../features/bots/components/bots-summary-card';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/use-t';
import { StatusCard } from '../../features/system/components/status-card';
import { SystemCard } from '../../features/system/components/system-card';

/** Cards whose data arrives with the live monitor; until then they say so. */
const MONITOR_CARDS: MessageKey[] = ['dashboard.positions', 'dashboard.pnl'];

export function DashboardRoute() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <div className="card-grid">
        <CardErrorBoundary title={t('status.title')}>
          <StatusCard />
        </CardErrorBoundary>
        <CardErrorBoundary title={t('system.title')}>
          <SystemCard />
        </CardErrorBoundary>
        <CardErrorBoundary title={t('dashboard.bots')}>
          <BotsSummaryCard title={t('dashboard.bots')} />
        </CardErrorBoundary>
        {MONITOR_CARDS.map((key) => (
          <CardErrorBoundary key={key} title={t(key)}>
            <Card title={t(key)}>
              <EmptyState action={<Link to={paths.bots.getHref()}>{t('dashboard.goToBots')}</Link>}>
                {t('dashboard.monitorLater')}
              </EmptyState>
            </Card>
          </CardErrorBoundary>
        ))}
      </div>
    </>
  );
}
