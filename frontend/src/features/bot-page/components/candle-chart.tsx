import { useEffect, useRef, useState } from 'react';

import { useI18n } from '../../../i18n/use-t';
import { canDrawCharts, useSchemeKey } from '../../../lib/charts';
import type { ChartData } from '../lib/chart-data';
import type { ChartHandle, ChartLabels } from '../lib/draw-chart';
import { mountChart, readPalette } from '../lib/draw-chart';
import { formatRatio } from '../lib/figures';
import { ChartSummary } from './chart-summary';

/**
 * The candlestick chart and, for screen readers and for tests (jsdom has no canvas), the same
 * data as text: the last candle, the open trades' levels and the markers. The canvas is skipped
 * where it cannot be drawn.
 */
export function CandleChart({ data }: { data: ChartData }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartHandle | null>(null);
  const [drawable] = useState(canDrawCharts);
  const [failed, setFailed] = useState(false);
  const scheme = useSchemeKey();

  const labels: ChartLabels = {
    marker: (m) =>
      m.kind === 'exit' && m.profitRatio !== null
        ? `#${m.tradeId} ${formatRatio(i18n, m.profitRatio)}`
        : `#${m.tradeId}`,
    line: (line) => t(`botPage.chart.line.${line.kind}`, { id: line.tradeId }),
  };
  const latest = useRef({ data, labels });
  useEffect(() => {
    latest.current = { data, labels };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!drawable || !host) return;
    let handle: ChartHandle | null = null;
    let cancelled = false;
    mountChart(host, { palette: readPalette(host), locale: language }).then(
      (mounted) => {
        if (cancelled) {
          mounted.destroy();
          return;
        }
        handle = mounted;
        chartRef.current = mounted;
        mounted.show(latest.current.data, latest.current.labels);
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      handle?.destroy();
      chartRef.current = null;
    };
  }, [drawable, language]);

  useEffect(() => {
    chartRef.current?.show(data, latest.current.labels);
  }, [data]);

  useEffect(() => {
    const host = hostRef.current;
    if (host) chartRef.current?.setPalette(readPalette(host));
  }, [scheme]);

  return (
    <figure className="candle-chart">
      {drawable && !failed ? (
        <div
          ref={hostRef}
          className="candle-chart-canvas"
          role="img"
          aria-label={t('botPage.chart.label', { pair: data.pair, timeframe: data.timeframe })}
        />
      ) : (
        <p className="muted">{t(failed ? 'botPage.chart.failed' : 'botPage.chart.noCanvas')}</p>
      )}
      <figcaption>
        {drawable && !failed ? (
          <p className="muted small">
            <a href="https://www.tradingview.com/" target="_blank" rel="noreferrer">
              {t('botPage.chart.attribution')}
            </a>
          </p>
        ) : null}
        <ChartSummary data={data} />
      </figcaption>
    </figure>
  );
}
