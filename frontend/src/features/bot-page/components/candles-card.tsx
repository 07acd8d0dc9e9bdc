import { useId, useMemo, useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { useT } from '../../../i18n/use-t';
import type { BotPageBot } from '../api/get-bot';
import { useCandles } from '../api/get-candles';
import { toChartData } from '../lib/chart-data';
import { chartTimeframes } from '../lib/timeframes';
import { CandleChart } from './candle-chart';

/** Candles of one of the bot's pairs at a chosen timeframe, with its trades drawn on them. */
export function CandlesCard({ bot }: { bot: BotPageBot }) {
  const t = useT();
  const pairId = useId();
  const timeframeId = useId();
  const [chosenPair, setPair] = useState(bot.pairs[0] ?? '');
  const [timeframe, setTimeframe] = useState(bot.timeframe);
  // The bot's pairs may change while the page is open (an edit elsewhere).
  const pair = bot.pairs.includes(chosenPair) ? chosenPair : (bot.pairs[0] ?? '');
  const candles = useCandles({ botId: bot.id, pair, timeframe });
  const data = useMemo(() => (candles.data ? toChartData(candles.data) : null), [candles.data]);

  return (
    <Card title={t('botPage.chart.title')} className="candles-card">
      <div className="chart-pickers">
        <div className="field">
          <label htmlFor={pairId}>{t('botPage.pair')}</label>
          <select id={pairId} value={pair} onChange={(event) => setPair(event.target.value)}>
            {bot.pairs.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={timeframeId}>{t('botPage.chart.timeframe')}</label>
          <select
            id={timeframeId}
            value={timeframe}
            onChange={(event) => setTimeframe(event.target.value)}
          >
            {chartTimeframes(bot.timeframe).map((tf) => (
              <option key={tf} value={tf}>
                {tf === bot.timeframe ? t('botPage.chart.botTimeframe', { timeframe: tf }) : tf}
              </option>
            ))}
          </select>
        </div>
      </div>
      {candles.isPending ? <Loading /> : null}
      {candles.error ? <ErrorMessage error={candles.error} /> : null}
      {data ? (
        <>
          <p className="chart-source" role="note">
            {data.source === 'bot'
              ? t('botPage.chart.sourceBot', { timeframe: data.timeframe })
              : t('botPage.chart.sourceExchange', { timeframe: data.timeframe })}
          </p>
          {data.candles.length === 0 ? (
            <p>{t('botPage.chart.empty', { pair: data.pair })}</p>
          ) : (
            <CandleChart data={data} />
          )}
        </>
      ) : null}
    </Card>
  );
}
