import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

import { useI18n } from '../../../i18n/use-t';

/** A count in front of the page's own title: "(3) Dashboard · Spotdesk". */
const COUNT_PREFIX = /^\([^)]*\) /;

/**
 * Puts the number of open trades in front of the tab title, so a background tab shows it; the
 * page's own title (set by PageHeader) stays behind it, and comes back alone on leaving.
 */
export function useOpenTradesTitle(openTrades: number | undefined): void {
  const { formatNumber, language } = useI18n();
  // Each page sets its own title (PageHeader, a child: its effect runs first); put the count back.
  const { pathname } = useLocation();
  useEffect(() => {
    const base = document.title.replace(COUNT_PREFIX, '');
    document.title =
      openTrades !== undefined && openTrades > 0 ? `(${formatNumber(openTrades)}) ${base}` : base;
  }, [openTrades, formatNumber, language, pathname]);
  useEffect(
    () => () => {
      document.title = document.title.replace(COUNT_PREFIX, '');
    },
    [],
  );
}
