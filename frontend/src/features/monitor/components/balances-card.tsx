import { useId } from 'react';
import { Link } from 'react-router-dom';

import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/use-t';
import { useDashboardSummary } from '../api/get-dashboard-summary';
import type { DashboardSummary } from '../api/get-dashboard-summary';
import { money, quantity, quoteOf } from '../lib/format';
import { ModeBadge } from './badges';

function LiveAccount({ account }: { account: DashboardSummary['live']['account'] }) {
  const f = useI18n();
  const { t, formatDateTime } = f;
  if (account === null) {
    return (
      <p className="muted">
        {t('monitor.balances.noKey')}{' '}
        <Link to={paths.settings.getHref()}>{t('monitor.balances.addKey')}</Link>
      </p>
    );
  }
  return (
    <>
      {account.error ? (
        <Alert tone="error">{t('monitor.balances.readFailed', { reason: account.error })}</Alert>
      ) : null}
      {account.balances === null ? null : account.balances.length === 0 ? (
        <p className="muted">{t('monitor.balances.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('monitor.balances.asset')}</th>
                <th scope="col" className="num">
                  {t('monitor.balances.free')}
                </th>
                <th scope="col" className="num">
                  {t('monitor.balances.inOrders')}
                </th>
              </tr>
            </thead>
            <tbody>
              {account.balances.map((balance) => (
                <tr key={balance.asset}>
                  <th scope="row">{balance.asset}</th>
                  <td className="num">{quantity(f, balance.free)}</td>
                  <td className="num">{quantity(f, balance.locked)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        {t('monitor.balances.readAt', { at: formatDateTime(account.at) })}
      </p>
    </>
  );
}

function PaperWallets({ summary }: { summary: DashboardSummary }) {
  const f = useI18n();
  const { t } = f;
  const { wallets } = summary.paper;
  if (wallets.length === 0) return <p className="muted">{t('monitor.pnl.noPaper')}</p>;
  const pairsOf = new Map(summary.bots.map((bot) => [bot.id, bot.pairs]));
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('monitor.col.bot')}</th>
            <th scope="col" className="num">
              {t('monitor.balances.capital')}
            </th>
            <th scope="col" className="num">
              {t('monitor.balances.equity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {wallets.map((wallet) => {
            const quote = quoteOf(pairsOf.get(wallet.botId)?.[0]);
            return (
              <tr key={wallet.botId}>
                <th scope="row">{wallet.name}</th>
                <td className="num">{money(f, wallet.capital, quote)}</td>
                <td className="num">
                  {wallet.equity === null ? (
                    <span className="muted">{t('monitor.unknown')}</span>
                  ) : (
                    money(f, wallet.equity, quote)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The Binance account (Live) and each Paper bot's virtual wallet, shown apart. */
export function BalancesCard({ title }: { title: string }) {
  const { t } = useI18n();
  const summary = useDashboardSummary();
  const liveId = useId();
  const paperId = useId();
  if (!summary.data) {
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  }
  return (
    <Card title={title}>
      <section className="mode-figures mode-figures-live" aria-labelledby={liveId}>
        <h3 id={liveId}>
          <ModeBadge mode="REAL_MARKET_SPOT" /> {t('monitor.balances.account')}
        </h3>
        <LiveAccount account={summary.data.live.account} />
      </section>
      <section className="mode-figures" aria-labelledby={paperId}>
        <h3 id={paperId}>
          <ModeBadge mode="SIMULATED" /> {t('monitor.balances.wallets')}
        </h3>
        <PaperWallets summary={summary.data} />
      </section>
    </Card>
  );
}
