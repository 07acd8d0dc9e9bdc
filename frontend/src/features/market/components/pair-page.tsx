import { useId } from 'react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { TIMEFRAMES } from '../../../../../backend/src/domain/bot';
import { CardErrorBoundary } from '../../../components/errors/card-error-boundary';
import { ErrorMessage } from '../../../components/errors/error-message';
import { PageHeader } from '../../../components/layout/page-header';
import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';
import { usePairSnapshot } from '../api/get-pair-snapshot';
import { usePairEvents } from '../hooks/use-market-events';
import { IndicatorTable } from './indicator-table';
import { MarketChart } from './market-chart';
import { PairHeader } from './pair-header';
import './market.css';

type PairPageProps = {
  /** `BTC/USDT`, already read from the URL. */
  pair: string;
  timeframe: string;
  /** Cards other features add (the assistant's market summary), placed after the chart. */
  extra?: ReactNode;
};

function TimeframePicker({ timeframe }: { timeframe: string }) {
  const t = useT();
  const id = useId();
  const [params, setParams] = useSearchParams();
  return (
    <div className="field pair-timeframe">
      <label htmlFor={id}>{t('market.timeframe')}</label>
      <select
        id={id}
        value={timeframe}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          next.set('timeframe', event.target.value);
          setParams(next, { replace: true });
        }}
      >
        {TIMEFRAMES.map((tf) => (
          <option key={tf} value={tf}>
            {tf}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One pair, live: figures, regime and its reasons, the chart with its panes, every indicator. */
export function PairPage({ pair, timeframe, extra }: PairPageProps) {
  const t = useT();
  const snapshot = usePairSnapshot({ pair, timeframe });
  usePairEvents(pair, timeframe);
  const data = snapshot.data;
  const back = (
    <p>
      <Link to={paths.market.getHref()}>{t('market.pair.back')}</Link>
    </p>
  );

  if (!data) {
    return (
      <>
        <PageHeader title={pair} />
        {snapshot.isPending ? <Loading /> : <ErrorMessage error={snapshot.error} />}
        {back}
      </>
    );
  }
  return (
    <>
      <PageHeader title={pair} />
      {back}
      <div className="market-tools">
        <TimeframePicker timeframe={timeframe} />
        {snapshot.isPlaceholderData ? <Loading /> : null}
      </div>
      {snapshot.error ? <ErrorMessage error={snapshot.error} /> : null}
      <PairHeader snapshot={data} />
      <div className="pair-grid">
        <CardErrorBoundary title={t('market.chart.title')}>
          <Card title={t('market.chart.title')}>
            <MarketChart snapshot={data} />
          </Card>
        </CardErrorBoundary>
        <Card title={t('market.ind.title', { timeframe: data.timeframe })}>
          <IndicatorTable indicators={data.indicators} timeframe={data.timeframe} />
        </Card>
        {extra}
      </div>
    </>
  );
}
