import { useEffect, useRef, useState } from 'react';

import type { LineData, UTCTimestamp } from 'lightweight-charts';

import { useI18n } from '../../../i18n/use-t';
import type { Equity } from '../api/get-equity';

function seriesOf(points: Equity['points'], mode: 'paper' | 'live'): LineData<UTCTimestamp>[] {
  return points.flatMap((point) => {
    const value = point[mode];
    // The chart's time axis counts seconds since the epoch (a branded number).
    const time = Math.floor(Date.parse(point.at) / 1000) as UTCTimestamp;
    return value === null ? [] : [{ time, value }];
  });
}

const cssVar = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/**
 * Paper and Live equity as two lines on two price scales (Live left, Paper right), so neither is
 * ever drawn as part of the other. lightweight-charts is loaded on first use, outside the
 * initial bundle; where the browser lacks what it needs the card's text figures remain.
 */
export function EquityChart({ points, label }: { points: Equity['points']; label: string }) {
  const { t, language, formatNumber } = useI18n();
  const paperTitle = t('monitor.mode.paper');
  const liveTitle = t('monitor.mode.liveShort');
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const canDraw = typeof ResizeObserver === 'function';

  useEffect(() => {
    const container = box.current;
    if (!container || !canDraw) return;
    let disposed = false;
    let remove: (() => void) | undefined;
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    import('lightweight-charts')
      .then(({ createChart, LineSeries }) => {
        if (disposed) return;
        const text = cssVar('--text', '#15191f');
        const grid = cssVar('--border', '#c9d0d8');
        const live = seriesOf(points, 'live');
        const chart = createChart(container, {
          autoSize: true,
          layout: {
            background: { color: 'transparent' },
            textColor: text,
            // The logo adds an inline <style>, which the panel's CSP refuses; the card credits
            // TradingView in a link instead.
            attributionLogo: false,
          },
          grid: { vertLines: { color: grid }, horzLines: { color: grid } },
          leftPriceScale: { visible: live.length > 0 },
          rightPriceScale: { visible: true },
          timeScale: {
            timeVisible: true,
            tickMarkFormatter: (at: unknown) =>
              typeof at === 'number' ? time.format(new Date(at * 1000)) : null,
          },
          localization: {
            locale: language,
            timeFormatter: (at: unknown) =>
              typeof at === 'number' ? dateTime.format(new Date(at * 1000)) : '',
            priceFormatter: (price: number) => formatNumber(price, { maximumFractionDigits: 2 }),
          },
        });
        const paperLine = chart.addSeries(LineSeries, {
          color: cssVar('--primary', '#0f6b63'),
          lineWidth: 2,
          priceScaleId: 'right',
          title: paperTitle,
        });
        paperLine.setData(seriesOf(points, 'paper'));
        if (live.length > 0) {
          const liveLine = chart.addSeries(LineSeries, {
            color: cssVar('--danger', '#b42318'),
            lineWidth: 2,
            priceScaleId: 'left',
            title: liveTitle,
          });
          liveLine.setData(live);
        }
        chart.timeScale().fitContent();
        remove = () => chart.remove();
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      remove?.();
    };
  }, [points, language, formatNumber, canDraw, paperTitle, liveTitle]);

  if (!canDraw || failed) return null;
  return (
    <figure className="equity-figure">
      <div ref={box} className="equity-chart" role="img" aria-label={label} />
      <figcaption className="muted small">
        <a href="https://www.tradingview.com/" target="_blank" rel="noreferrer">
          {t('monitor.equity.attribution')}
        </a>
      </figcaption>
    </figure>
  );
}
