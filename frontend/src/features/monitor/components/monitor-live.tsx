import { useQuery } from '@tanstack/react-query';

import type { Formatters } from '../../../i18n/formatters';
import { useI18n } from '../../../i18n/use-t';
import { useApi } from '../../../lib/api-context';
import { getPositionsQueryOptions } from '../api/get-positions';
import type { MonitorAlert } from '../hooks/use-monitor-events';
import { useMonitorEvents } from '../hooks/use-monitor-events';
import { useOpenTradesTitle } from '../hooks/use-tab-title';
import { useToasts } from '../hooks/use-toasts';
import type { Toast } from '../hooks/use-toasts';
import { notificationApi, readFillPreference } from '../lib/alert-preferences';
import { beep } from '../lib/beep';
import { quantity, quoteOf } from '../lib/format';
import { ToastList } from './toast-list';

import './monitor.css';

/** The words of one alert; a fill names the bot, its mode, the side, amount and price. */
function describe(alert: MonitorAlert, f: Formatters): Omit<Toast, 'id'> {
  const { t, formatDateTime } = f;
  const mode = t(
    alert.mode === 'REAL_MARKET_SPOT' ? 'monitor.mode.liveShort' : 'monitor.mode.paper',
  );
  if (alert.kind === 'fill') {
    const title = t(alert.side === 'buy' ? 'monitor.toast.fillBuy' : 'monitor.toast.fillSell', {
      bot: alert.botName,
      mode,
      pair: alert.pair,
    });
    const amount = alert.amount ?? null;
    const price = alert.price ?? null;
    return {
      tone: 'info',
      title,
      body:
        amount === null || price === null
          ? undefined
          : t('monitor.toast.fillDetail', {
              amount: quantity(f, amount),
              price: `${quantity(f, price)} ${quoteOf(alert.pair)}`,
            }),
    };
  }
  if (alert.kind === 'bot-exception') {
    return {
      tone: 'error',
      title: t('monitor.toast.exception', { bot: alert.botName, mode }),
      body: alert.text,
    };
  }
  return {
    tone: 'warn',
    title: t('monitor.toast.protection', { bot: alert.botName, mode }),
    body: t('monitor.toast.protectionDetail', {
      pair: alert.pair ?? t('monitor.toast.allPairs'),
      until: formatDateTime(alert.until),
      reason: alert.reason ?? t('common.none'),
    }),
  };
}

function notify(toast: Omit<Toast, 'id'>): void {
  const Api = notificationApi();
  if (!Api || Api.permission !== 'granted') return;
  try {
    new Api(toast.title, { body: toast.body });
  } catch {
    // Some mobile browsers only notify from a service worker; the toast still shows.
  }
}

/**
 * The dashboard's live wiring: WebSocket events refresh its queries, every fill (and bot alert)
 * becomes a toast, with a beep and a browser notification when the user turned them on, and the
 * tab title counts the open trades.
 */
export function MonitorLive() {
  const f = useI18n();
  const { toasts, push, dismiss } = useToasts();
  const positions = useQuery(getPositionsQueryOptions(useApi()));
  useOpenTradesTitle(positions.data?.length);
  useMonitorEvents((alert) => {
    const toast = describe(alert, f);
    push(toast);
    if (alert.kind !== 'fill') return;
    if (readFillPreference('sound')) beep();
    if (readFillPreference('notification')) notify(toast);
  });
  return <ToastList toasts={toasts} onDismiss={dismiss} />;
}
