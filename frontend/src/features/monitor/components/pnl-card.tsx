import { useId } from 'react';

import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { useDashboardSummary } from '../api/get-dashboard-summary';
import type { DashboardSummary, MonitorMode } from '../api/get-dashboard-summary';
import { commonQuote, money, signedMoney, signedPercent } from '../lib/format';
import { ModeBadge } from './badges';
import { InfoTip } from './info-tip';

type Totals = DashboardSummary['live'] | DashboardSummary['paper'];

function ModeFigures({
  mode,
  totals,
  quote,
  pnlTip,
}: {
  mode: MonitorMode;
  totals: Totals;
  quote: string;
  pnlTip: string;
}) {
  const f = useI18n();
  const { t, formatNumber } = f;
  const headingId = useId();
  const isLive = mode === 'REAL_MARKET_SPOT';
  const { pnlToday } = totals;
  const tone = pnlToday.abs > 0 ? 'figure-up' : pnlToday.abs < 0 ? 'figure-down' : '';
  return (
    <section
      className={isLive ? 'mode-figures mode-figures-live' : 'mode-figures'}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        <ModeBadge mode={mode} />
      </h3>
      {totals.bots === 0 ? (
        <p className="muted">{t(isLive ? 'monitor.pnl.noLive' : 'monitor.pnl.noPaper')}</p>
      ) : (
        <dl className="facts">
          <dt>
            {t('monitor.pnl.today')}{' '}
            <InfoTip label={t('monitor.tip.about', { topic: t('monitor.pnl.today') })}>
              {pnlTip}
            </InfoTip>
          </dt>
          <dd className={`figure ${tone}`}>
            <span>{signedMoney(f, pnlToday.abs, quote)}</span>{' '}
            <span>
              (
              {pnlToday.pct === null ? t('monitor.pnl.pctUnknown') : signedPercent(f, pnlToday.pct)}
              )
            </span>
          </dd>
          <dt>{t('monitor.pnl.closedToday')}</dt>
          <dd>{formatNumber(totals.closedToday)}</dd>
          <dt>{t('monitor.pnl.openTrades')}</dt>
          <dd>{formatNumber(totals.openTrades)}</dd>
          <dt>{t('monitor.pnl.exposure')}</dt>
          <dd>{money(f, totals.exposure, quote)}</dd>
          <dt>{t('monitor.pnl.activeBots')}</dt>
          <dd>
            {t('monitor.pnl.activeOf', {
              active: formatNumber(totals.running),
              total: formatNumber(totals.bots),
            })}
          </dd>
        </dl>
      )}
    </section>
  );
}

/** PnL today, trades and exposure, Live and Paper side by side and never added together. */
export function PnlCard({ title }: { title: string }) {
  const { t, formatDateTime } = useI18n();
  const summary = useDashboardSummary();
  if (!summary.data) {
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  }
  const { live, paper, tradingDay, bots } = summary.data;
  const pnlTip = t('monitor.tip.pnl', { timeZone: tradingDay.timeZone });
  const quote = (mode: MonitorMode) => commonQuote(bots.filter((bot) => bot.mode === mode));
  return (
    <Card title={title} className="card-wide">
      <p className="muted">
        {t('monitor.pnl.dayStart', {
          start: formatDateTime(tradingDay.start),
          timeZone: tradingDay.timeZone,
        })}
      </p>
      <div className="mode-columns">
        <ModeFigures
          mode="REAL_MARKET_SPOT"
          totals={live}
          quote={quote('REAL_MARKET_SPOT')}
          pnlTip={pnlTip}
        />
        <ModeFigures mode="SIMULATED" totals={paper} quote={quote('SIMULATED')} pnlTip={pnlTip} />
      </div>
    </Card>
  );
}
