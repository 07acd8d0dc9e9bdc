import { useEffect, useMemo, useRef, useState } from 'react';

import type { MarketSnapshot } from '../../../../../backend/src/http/routes/market-schemas';
import { useI18n } from '../../../i18n/use-t';
import { canDrawCharts, useSchemeKey } from '../../../lib/charts';
import { OVERLAYS, toChartData } from '../lib/chart-series';
import type { Overlay } from '../lib/chart-series';
import type { MarketChartHandle } from '../lib/draw-market-chart';
import { mountMarketChart, readMarketPalette } from '../lib/draw-market-chart';

const ALL_ON: Record<Overlay, boolean> = {
  ema9: true,
  ema21: true,
  ema50: true,
  ema200: true,
  bollinger: true,
};

function OverlayToggles({
  visible,
  onChange,
}: {
  visible: Record<Overlay, boolean>;
  onChange: (next: Record<Overlay, boolean>) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="overlay-toggles">
      <legend>{t('market.chart.overlays')}</legend>
      {OVERLAYS.map((overlay) => (
        <label key={overlay} className="radio">
          <input
            type="checkbox"
            checked={visible[overlay]}
            onChange={(event) => onChange({ ...visible, [overlay]: event.target.checked })}
          />
          <span className={`swatch swatch-${overlay}`} aria-hidden="true" />
          {t(`market.chart.overlay.${overlay}`)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Candles with EMA 9/21/50/200 and Bollinger overlays (each can be hidden), with RSI and MACD
 * panes on the same time axis. Where no canvas can be drawn (jsdom, old engines) it says so;
 * the figures are in the indicator table either way.
 */
export function MarketChart({ snapshot }: { snapshot: MarketSnapshot }) {
  const { t, language } = useI18n();
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<MarketChartHandle | null>(null);
  const [drawable] = useState(canDrawCharts);
  const [failed, setFailed] = useState(false);
  const [visible, setVisible] = useState(ALL_ON);
  const scheme = useSchemeKey();
  const data = useMemo(() => toChartData(snapshot), [snapshot]);
  const latest = useRef({ data, visible });
  useEffect(() => {
    latest.current = { data, visible };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!drawable || !host) return;
    let handle: MarketChartHandle | null = null;
    let cancelled = false;
    mountMarketChart(host, { palette: readMarketPalette(host), locale: language }).then(
      (mounted) => {
        if (cancelled) {
          mounted.destroy();
          return;
        }
        handle = mounted;
        chartRef.current = mounted;
        mounted.setOverlays(latest.current.visible);
        mounted.show(latest.current.data);
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      handle?.destroy();
      chartRef.current = null;
    };
  }, [drawable, language]);

  useEffect(() => chartRef.current?.show(data), [data]);
  useEffect(() => chartRef.current?.setOverlays(visible), [visible]);
  useEffect(() => {
    const host = hostRef.current;
    if (host) chartRef.current?.setPalette(readMarketPalette(host));
  }, [scheme]);

  if (data.candles.length === 0) return <p>{t('market.chart.empty')}</p>;
  return (
    <figure className="market-chart">
      <OverlayToggles visible={visible} onChange={setVisible} />
      {drawable && !failed ? (
        <div
          ref={hostRef}
          className="market-chart-canvas"
          role="img"
          aria-label={t('market.chart.label', {
            pair: snapshot.pair,
            timeframe: snapshot.timeframe,
          })}
        />
      ) : (
        <p className="muted">{t(failed ? 'market.chart.failed' : 'market.chart.noCanvas')}</p>
      )}
      <figcaption className="muted small">
        <p>{t('market.chart.legend')}</p>
        {drawable && !failed ? (
          <p>
            <a href="https://www.tradingview.com/" target="_blank" rel="noreferrer">
              {t('market.chart.attribution')}
            </a>
          </p>
        ) : null}
      </figcaption>
    </figure>
  );
}
