import { useId, useState } from 'react';

import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import { EQUITY_RANGES, useEquity } from '../api/get-equity';
import type { Equity, EquityRange } from '../api/get-equity';
import { money } from '../lib/format';
import { ModeBadge } from './badges';
import { EquityChart } from './equity-chart';

const RANGE_LABELS: Record<EquityRange, MessageKey> = {
  today: 'monitor.equity.today',
  '7d': 'monitor.equity.7d',
  '30d': 'monitor.equity.30d',
};

/** First and last sample of one mode, in words: the chart's figures for every reader. */
function SeriesFacts({ points, mode }: { points: Equity['points']; mode: 'paper' | 'live' }) {
  const f = useI18n();
  const { t } = f;
  const values = points.flatMap((point) => {
    const value = point[mode];
    return value === null ? [] : [value];
  });
  const first = values[0];
  const last = values[values.length - 1];
  return (
    <li>
      <ModeBadge mode={mode === 'live' ? 'REAL_MARKET_SPOT' : 'SIMULATED'} short />{' '}
      {first === undefined || last === undefined
        ? t('monitor.equity.noSamples')
        : t('monitor.equity.fromTo', { from: money(f, first, ''), to: money(f, last, '') })}
    </li>
  );
}

function RangePicker({
  range,
  onChange,
}: {
  range: EquityRange;
  onChange: (range: EquityRange) => void;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="radio-group range-picker">
      <legend className="sr-only">{t('monitor.equity.range')}</legend>
      {EQUITY_RANGES.map((choice) => (
        <label key={choice} className="radio">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={range === choice}
            onChange={() => onChange(choice)}
          />
          {t(RANGE_LABELS[choice])}
        </label>
      ))}
    </fieldset>
  );
}

function EquityBody({ range }: { range: EquityRange }) {
  const { t } = useI18n();
  const equity = useEquity(range);
  if (!equity.data) return <Loading />;
  const { points } = equity.data;
  if (points.length === 0) return <p className="muted">{t('monitor.equity.empty')}</p>;
  return (
    <>
      <EquityChart points={points} label={t('monitor.equity.chartLabel')} />
      <ul className="plain-list">
        <SeriesFacts points={points} mode="live" />
        <SeriesFacts points={points} mode="paper" />
      </ul>
    </>
  );
}

/** Equity over the trading day (or 7 / 30 days), Paper and Live as separate lines. */
export function EquityCard({ title }: { title: string }) {
  const [range, setRange] = useState<EquityRange>('today');
  return (
    <Card title={title} className="card-full">
      <RangePicker range={range} onChange={setRange} />
      <EquityBody range={range} />
    </Card>
  );
}
