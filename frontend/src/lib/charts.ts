// What every canvas chart of the panel (bot page, pair page, equity) needs, whatever it draws.
import type * as LightweightCharts from 'lightweight-charts';
import type { IChartApi } from 'lightweight-charts';
import { useEffect, useState } from 'react';

import { useTheme } from './theme';

/** Canvas charts need a real browser; jsdom (tests) and very old engines have none. */
export function canDrawCharts(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  if (typeof ResizeObserver === 'undefined') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/** Changes when the colours in force may have: the theme choice, or the OS scheme under "system". */
export function useSchemeKey(): string {
  const { theme } = useTheme();
  const [prefersDark, setPrefersDark] = useState(false);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    setPrefersDark(query.matches);
    const onChange = (event: MediaQueryListEvent) => setPrefersDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return `${theme}:${prefersDark ? 'dark' : 'light'}`;
}

/**
 * A lightweight-charts chart sized to `element`, transparent, with the panel's text colour and
 * locale, and a time axis to the minute. The caller imports the library (a lazy chunk).
 */
export function createPanelChart(
  lc: typeof LightweightCharts,
  element: HTMLElement,
  options: { text: string; grid?: string; locale: string },
): IChartApi {
  return lc.createChart(element, {
    autoSize: true,
    layout: {
      background: { type: lc.ColorType.Solid, color: 'transparent' },
      textColor: options.text,
      // The logo injects an inline <style> the panel's CSP refuses; the page links it instead.
      attributionLogo: false,
    },
    ...(options.grid
      ? { grid: { vertLines: { color: options.grid }, horzLines: { color: options.grid } } }
      : {}),
    timeScale: { timeVisible: true, secondsVisible: false },
    localization: { locale: options.locale },
  });
}

/** Reads the element's CSS colour variables (the theme's tokens), with a fallback for each. */
export function cssColours(element: HTMLElement): (name: string, fallback: string) => string {
  const style = getComputedStyle(element);
  return (name, fallback) => style.getPropertyValue(name).trim() || fallback;
}
