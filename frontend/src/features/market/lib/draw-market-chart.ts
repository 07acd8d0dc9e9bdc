import type {
  CandlestickData,
  HistogramData,
  IChartApi,
  ISeriesApi,
  LineData,
  LineStyle,
  LineWidth,
  Time,
  UTCTimestamp,
  WhitespaceData,
} from 'lightweight-charts';

import { createPanelChart, cssColours } from '../../../lib/charts';
import { LINE_KEYS } from './chart-series';
import type { ChartPoint, LineKey, MarketChartData, Overlay } from './chart-series';

/** The chart's colours, read from CSS custom properties so they follow the theme. */
export type MarketPalette = {
  text: string;
  grid: string;
  up: string;
  down: string;
  ema9: string;
  ema21: string;
  ema50: string;
  ema200: string;
  band: string;
  rsi: string;
  macd: string;
  signal: string;
  guide: string;
};

export type MarketChartHandle = {
  show: (data: MarketChartData) => void;
  setOverlays: (visible: Record<Overlay, boolean>) => void;
  setPalette: (palette: MarketPalette) => void;
  destroy: () => void;
};

export function readMarketPalette(element: HTMLElement): MarketPalette {
  const read = cssColours(element);
  return {
    text: read('--text', '#15191f'),
    grid: read('--border', '#c9d0d8'),
    up: read('--mk-up', '#0072b2'),
    down: read('--mk-down', '#e69f00'),
    ema9: read('--mk-ema9', '#56b4e9'),
    ema21: read('--mk-ema21', '#009e73'),
    ema50: read('--mk-ema50', '#cc79a7'),
    ema200: read('--mk-ema200', '#d55e00'),
    band: read('--mk-band', '#6b7280'),
    rsi: read('--mk-rsi', '#cc79a7'),
    macd: read('--mk-macd', '#0072b2'),
    signal: read('--mk-signal', '#d55e00'),
    guide: read('--muted', '#4a5462'),
  };
}

type Line = ISeriesApi<'Line'>;
const asLine = (points: ChartPoint[]) =>
  points.map((p): LineData<Time> | WhitespaceData<Time> =>
    p.value === undefined
      ? { time: p.time as UTCTimestamp }
      : { time: p.time as UTCTimestamp, value: p.value },
  );

/**
 * Draws candles with EMA and Bollinger overlays, and RSI and MACD in panes of their own below
 * (one chart, so the three share one time axis and scroll and zoom together). lightweight-charts
 * is loaded on first use, so it stays out of every page without a chart.
 */
export async function mountMarketChart(
  element: HTMLElement,
  options: { palette: MarketPalette; locale: string },
): Promise<MarketChartHandle> {
  const lc = await import('lightweight-charts');
  let colours = options.palette;
  const chart: IChartApi = createPanelChart(lc, element, {
    text: colours.text,
    locale: options.locale,
  });
  const candles = chart.addSeries(lc.CandlestickSeries, {}, 0);
  // Each overlay differs by dash and width as well as hue, so it reads without colour.
  const line = (pane: number, style: LineStyle, width: LineWidth): Line =>
    chart.addSeries(
      lc.LineSeries,
      {
        lineStyle: style,
        lineWidth: width,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
      },
      pane,
    );
  const lines: Record<LineKey, Line> = {
    ema9: line(0, lc.LineStyle.Solid, 1),
    ema21: line(0, lc.LineStyle.Dashed, 1),
    ema50: line(0, lc.LineStyle.Dotted, 2),
    ema200: line(0, lc.LineStyle.Solid, 3),
    bollingerUpper: line(0, lc.LineStyle.SparseDotted, 1),
    bollingerMiddle: line(0, lc.LineStyle.LargeDashed, 1),
    bollingerLower: line(0, lc.LineStyle.SparseDotted, 1),
    rsi14: line(1, lc.LineStyle.Solid, 2),
    macd: line(2, lc.LineStyle.Solid, 2),
    macdSignal: line(2, lc.LineStyle.Dashed, 2),
  };
  const histogram = chart.addSeries(lc.HistogramSeries, { priceLineVisible: false }, 2);
  lines.rsi14.applyOptions({
    autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 100 } }),
  });
  const guides = [70, 30].map((price) =>
    lines.rsi14.createPriceLine({
      price,
      lineWidth: 1,
      lineStyle: lc.LineStyle.Dashed,
      axisLabelVisible: true,
      title: String(price),
      color: colours.guide,
    }),
  );
  const panes = chart.panes();
  panes[0]?.setStretchFactor(3);
  panes[1]?.setStretchFactor(1);
  panes[2]?.setStretchFactor(1);
  let last: MarketChartData | null = null;

  function applyColours() {
    chart.applyOptions({
      layout: { textColor: colours.text },
      grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
    });
    candles.applyOptions({
      upColor: colours.up,
      downColor: colours.down,
      borderUpColor: colours.up,
      borderDownColor: colours.down,
      wickUpColor: colours.up,
      wickDownColor: colours.down,
    });
    const hue: Record<LineKey, string> = {
      ema9: colours.ema9,
      ema21: colours.ema21,
      ema50: colours.ema50,
      ema200: colours.ema200,
      bollingerUpper: colours.band,
      bollingerMiddle: colours.band,
      bollingerLower: colours.band,
      rsi14: colours.rsi,
      macd: colours.macd,
      macdSignal: colours.signal,
    };
    for (const key of LINE_KEYS) lines[key].applyOptions({ color: hue[key] });
    for (const guide of guides) guide.applyOptions({ color: colours.guide });
  }

  function draw(data: MarketChartData) {
    candles.setData(
      data.candles.map((c): CandlestickData<Time> => ({ ...c, time: c.time as UTCTimestamp })),
    );
    for (const key of LINE_KEYS) lines[key].setData(asLine(data.lines[key]));
    histogram.setData(
      data.histogram.map((p): HistogramData<Time> | WhitespaceData<Time> =>
        p.value === undefined
          ? { time: p.time as UTCTimestamp }
          : {
              time: p.time as UTCTimestamp,
              value: p.value,
              color: p.value >= 0 ? colours.up : colours.down,
            },
      ),
    );
  }

  applyColours();
  return {
    show(data) {
      const fresh = last?.key !== data.key;
      last = data;
      draw(data);
      if (fresh) chart.timeScale().fitContent();
    },
    setOverlays(visible) {
      lines.ema9.applyOptions({ visible: visible.ema9 });
      lines.ema21.applyOptions({ visible: visible.ema21 });
      lines.ema50.applyOptions({ visible: visible.ema50 });
      lines.ema200.applyOptions({ visible: visible.ema200 });
      for (const key of ['bollingerUpper', 'bollingerMiddle', 'bollingerLower'] as const) {
        lines[key].applyOptions({ visible: visible.bollinger });
      }
    },
    setPalette(next) {
      colours = next;
      applyColours();
      if (last) draw(last);
    },
    destroy() {
      chart.remove();
    },
  };
}
