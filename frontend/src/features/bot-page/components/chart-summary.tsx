import { useI18n } from '../../../i18n/use-t';
import type { ChartData } from '../lib/chart-data';
import { formatPrice, formatRatio, profitClass } from '../lib/figures';

/** The chart's data in words: the last candle, each open trade's levels, every marker. */
export function ChartSummary({ data }: { data: ChartData }) {
  const i18n = useI18n();
  const { t, formatDateTime, formatNumber } = i18n;
  const last = data.candles[data.candles.length - 1];
  const none = t('common.none');
  const price = (value: number | null | undefined) =>
    value === null || value === undefined ? none : formatPrice(i18n, value);
  const levels = [...new Set(data.lines.map((line) => line.tradeId))].map((tradeId) => {
    const of = (kind: 'entry' | 'stop' | 'target') =>
      data.lines.find((line) => line.tradeId === tradeId && line.kind === kind)?.price;
    return { tradeId, entry: of('entry'), stop: of('stop'), target: of('target') };
  });
  return (
    <div className="chart-summary">
      {last ? (
        <dl className="facts chart-last">
          <dt>{t('botPage.chart.lastCandle')}</dt>
          <dd>
            <time dateTime={new Date(last.time * 1000).toISOString()}>
              {formatDateTime(new Date(last.time * 1000))}
            </time>
          </dd>
          <dt>{t('botPage.chart.open')}</dt>
          <dd>{price(last.open)}</dd>
          <dt>{t('botPage.chart.high')}</dt>
          <dd>{price(last.high)}</dd>
          <dt>{t('botPage.chart.low')}</dt>
          <dd>{price(last.low)}</dd>
          <dt>{t('botPage.chart.close')}</dt>
          <dd>{price(last.close)}</dd>
          <dt>{t('botPage.chart.volume')}</dt>
          <dd>{formatNumber(last.volume, { maximumFractionDigits: 4 })}</dd>
        </dl>
      ) : null}
      {levels.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('botPage.chart.levels')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('botPage.trade')}</th>
                <th scope="col">{t('botPage.chart.line.entryColumn')}</th>
                <th scope="col">{t('botPage.chart.line.stopColumn')}</th>
                <th scope="col">{t('botPage.chart.line.targetColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((level) => (
                <tr key={level.tradeId}>
                  <th scope="row">#{level.tradeId}</th>
                  <td>{price(level.entry)}</td>
                  <td>{price(level.stop)}</td>
                  <td>{price(level.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <details className="chart-markers">
        <summary>
          {t('botPage.chart.markers', { count: formatNumber(data.markers.length) })}
        </summary>
        {data.markers.length === 0 ? (
          <p className="muted">{t('botPage.chart.noMarkers')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('botPage.chart.markerAt')}</th>
                  <th scope="col">{t('botPage.trade')}</th>
                  <th scope="col">{t('botPage.chart.markerKind')}</th>
                  <th scope="col">{t('botPage.price')}</th>
                  <th scope="col">{t('botPage.chart.markerResult')}</th>
                </tr>
              </thead>
              <tbody>
                {data.markers.map((m) => (
                  <tr key={`${m.tradeId}-${m.kind}`}>
                    <td className="nowrap">
                      <time dateTime={m.at}>{formatDateTime(m.at)}</time>
                    </td>
                    <td>#{m.tradeId}</td>
                    <td>{t(m.kind === 'entry' ? 'botPage.chart.entry' : 'botPage.chart.exit')}</td>
                    <td>{price(m.price)}</td>
                    <td>
                      {m.profitRatio === null ? (
                        none
                      ) : (
                        <span className={profitClass(m.profitRatio)}>
                          {formatRatio(i18n, m.profitRatio)}
                        </span>
                      )}
                      {m.exitReason ? <> · {m.exitReason}</> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </div>
  );
}
