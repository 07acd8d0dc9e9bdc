import type {
  CandlestickData,
  IChartApi,
  IPriceLine,
  ISeriesApi,
  ISeriesMarkersPluginApi,
  SeriesMarker,
  Time,
  UTCTimestamp,
} from 'lightweight-charts';

import { createPanelChart, cssColours } from '../../../lib/charts';
import type { ChartData, ChartLine, ChartMarker } from './chart-data';

/** The chart's colours, read from CSS custom properties so they follow the theme. */
export type ChartPalette = {
  text: string;
  grid: string;
  up: string;
  down: string;
  entry: string;
  exit: string;
  entryLine: string;
  stop: string;
  target: string;
};

/** The words the chart draws, in the user's language. */
export type ChartLabels = {
  marker: (marker: ChartMarker) => string;
  line: (line: ChartLine) => string;
};

export type ChartHandle = {
  show: (data: ChartData, labels: ChartLabels) => void;
  setPalette: (palette: ChartPalette) => void;
  destroy: () => void;
};

export function readPalette(element: HTMLElement): ChartPalette {
  const read = cssColours(element);
  return {
    text: read('--text', '#15191f'),
    grid: read('--border', '#c9d0d8'),
    up: read('--chart-up', '#0072b2'),
    down: read('--chart-down', '#c26a00'),
    entry: read('--chart-entry', '#007a5a'),
    exit: read('--chart-exit', '#a3467d'),
    entryLine: read('--chart-entry-line', '#15191f'),
    stop: read('--chart-stop', '#b34700'),
    target: read('--chart-target', '#007a5a'),
  };
}

/**
 * Draws a candlestick chart into `element` with lightweight-charts, loaded on first use so the
 * library stays out of every other page. It sizes itself to the element (ResizeObserver, the
 * library's `autoSize`).
 */
export async function mountChart(
  element: HTMLElement,
  options: { palette: ChartPalette; locale: string },
): Promise<ChartHandle> {
  const lc = await import('lightweight-charts');
  let colours = options.palette;
  const chart: IChartApi = createPanelChart(lc, element, {
    text: colours.text,
    grid: colours.grid,
    locale: options.locale,
  });
  const series: ISeriesApi<'Candlestick'> = chart.addSeries(lc.CandlestickSeries, {});
  const markers: ISeriesMarkersPluginApi<Time> = lc.createSeriesMarkers(series, []);
  let priceLines: IPriceLine[] = [];
  let last: { data: ChartData; labels: ChartLabels } | null = null;

  function applyColours() {
    chart.applyOptions({
      layout: { textColor: colours.text },
      grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
    });
    series.applyOptions({
      upColor: colours.up,
      downColor: colours.down,
      borderUpColor: colours.up,
      borderDownColor: colours.down,
      wickUpColor: colours.up,
      wickDownColor: colours.down,
    });
  }

  const lineStyle = {
    entry: lc.LineStyle.Solid,
    stop: lc.LineStyle.Dashed,
    target: lc.LineStyle.Dotted,
  };

  function draw(data: ChartData, labels: ChartLabels) {
    series.setData(
      data.candles.map((c): CandlestickData<Time> => ({
        time: c.time as UTCTimestamp,
        open: c.open,
        high: c.high,
        low: c.low,
        close: c.close,
      })),
    );
    markers.setMarkers(
      data.markers.map((m): SeriesMarker<Time> => ({
        time: m.time as UTCTimestamp,
        position: m.kind === 'entry' ? 'belowBar' : 'aboveBar',
        shape: m.kind === 'entry' ? 'arrowUp' : 'arrowDown',
        color: m.kind === 'entry' ? colours.entry : colours.exit,
        text: labels.marker(m),
      })),
    );
    for (const line of priceLines) series.removePriceLine(line);
    priceLines = data.lines.map((line) =>
      series.createPriceLine({
        price: line.price,
        title: labels.line(line),
        color: line.kind === 'entry' ? colours.entryLine : colours[line.kind],
        lineWidth: 2,
        lineStyle: lineStyle[line.kind],
        axisLabelVisible: true,
      }),
    );
  }

  applyColours();
  return {
    show(data, labels) {
      const fresh = last?.data.pair !== data.pair || last.data.timeframe !== data.timeframe;
      last = { data, labels };
      draw(data, labels);
      if (fresh) chart.timeScale().fitContent();
    },
    setPalette(next) {
      colours = next;
      applyColours();
      if (last) draw(last.data, last.labels);
    },
    destroy() {
      markers.detach();
      chart.remove();
    },
  };
}
