import { CardErrorBoundary } from '../../components/errors/card-error-boundary';
import { PageHeader } from '../../components/layout/page-header';
import { useSession } from '../../features/auth/api/get-session';
import { BotsSummaryCard } from '../../features/bots/components/bots-summary-card';
import { EmergencyBar } from '../../features/bots/components/emergency-bar';
import { BalancesCard } from '../../features/monitor/components/balances-card';
import { CloseAllButton } from '../../features/monitor/components/close-all';
import { EquityCard } from '../../features/monitor/components/equity-card';
import { ExchangeCard } from '../../features/monitor/components/exchange-card';
import { MonitorTable } from '../../features/monitor/components/monitor-table';
import { OrdersTable } from '../../features/monitor/components/orders-table';
import { PnlCard } from '../../features/monitor/components/pnl-card';
import { PositionsTable } from '../../features/monitor/components/positions-table';
import { StatusCard } from '../../features/system/components/status-card';
import { SystemCard } from '../../features/system/components/system-card';
import { useT } from '../../i18n/use-t';

import '../../features/monitor/components/monitor.css';

/** The live monitor: status, money (Live and Paper apart), bots, positions and orders, live. */
export function DashboardRoute() {
  const t = useT();
  const { data: session } = useSession();
  const isAdmin = session?.user?.role === 'admin';
  const cards = {
    status: t('status.title'),
    system: t('system.title'),
    exchange: t('monitor.title.exchange'),
    bots: t('dashboard.bots'),
    pnl: t('dashboard.pnl'),
    balances: t('monitor.title.balances'),
    equity: t('monitor.title.equity'),
    table: t('monitor.title.table'),
    positions: t('dashboard.positions'),
    orders: t('monitor.title.orders'),
  };
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      {isAdmin ? (
        <section className="quick-actions" aria-label={t('monitor.title.actions')}>
          <EmergencyBar />
          <CloseAllButton />
        </section>
      ) : null}
      <div className="card-grid dashboard-grid">
        <CardErrorBoundary title={cards.pnl}>
          <PnlCard title={cards.pnl} />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.balances}>
          <BalancesCard title={cards.balances} />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.equity}>
          <EquityCard title={cards.equity} />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.table}>
          <MonitorTable title={cards.table} />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.positions}>
          <PositionsTable title={cards.positions} />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.orders}>
          <OrdersTable title={cards.orders} />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.status}>
          <StatusCard />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.system}>
          <SystemCard />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.exchange}>
          <ExchangeCard title={cards.exchange} />
        </CardErrorBoundary>
        <CardErrorBoundary title={cards.bots}>
          <BotsSummaryCard title={cards.bots} />
        </CardErrorBoundary>
      </div>
    </>
  );
}
