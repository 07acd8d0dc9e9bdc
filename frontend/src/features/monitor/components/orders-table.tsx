import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import { useOrdersOfToday } from '../api/get-orders';
import type { Order } from '../api/get-orders';
import { quantity, quoteOf, timeOfDay } from '../lib/format';
import { ModeBadge } from './badges';

// Freqtrade reports ccxt's order statuses; an unknown one is shown as sent.
const STATUS: Record<string, MessageKey> = {
  open: 'monitor.order.open',
  closed: 'monitor.order.filled',
  canceled: 'monitor.order.cancelled',
  cancelled: 'monitor.order.cancelled',
  expired: 'monitor.order.expired',
  rejected: 'monitor.order.rejected',
};

function Status({ order }: { order: Order }) {
  const { t } = useI18n();
  if (order.status === null) return <span className="muted">{t('common.none')}</span>;
  const key = STATUS[order.status.toLowerCase()];
  return <>{key ? t(key) : order.status}</>;
}

/** The day's orders of every bot, newest first, as the mirror holds them. */
export function OrdersTable({ title }: { title: string }) {
  const f = useI18n();
  const { t, formatDateTime, language } = f;
  const orders = useOrdersOfToday();
  if (!orders.data) {
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  }
  const list = orders.data.orders;
  return (
    <Card title={title} className="card-full">
      <p className="muted">
        {t('monitor.orders.since', { from: formatDateTime(orders.data.from) })}
      </p>
      {list.length === 0 ? (
        <p>{t('monitor.orders.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('monitor.col.time')}</th>
                <th scope="col">{t('monitor.col.bot')}</th>
                <th scope="col">{t('monitor.col.pair')}</th>
                <th scope="col">{t('monitor.col.side')}</th>
                <th scope="col" className="num">
                  {t('monitor.col.price')}
                </th>
                <th scope="col" className="num">
                  {t('monitor.col.amount')}
                </th>
                <th scope="col">{t('monitor.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((order) => (
                <tr key={`${order.botId}-${order.mode}-${order.tradeId}-${order.side}-${order.at}`}>
                  <td className="nowrap">
                    <time dateTime={order.at} title={formatDateTime(order.at)}>
                      {timeOfDay(language, order.at)}
                    </time>
                  </td>
                  <td>
                    {order.botName ?? `#${order.botId}`} <ModeBadge mode={order.mode} short />
                  </td>
                  <td className="nowrap">{order.pair}</td>
                  <td className={order.side === 'buy' ? 'side-buy' : 'side-sell'}>
                    {order.side === 'buy'
                      ? t('monitor.side.buy')
                      : order.side === 'sell'
                        ? t('monitor.side.sell')
                        : order.side}
                  </td>
                  <td className="num nowrap">
                    {order.price === null
                      ? t('common.none')
                      : `${quantity(f, order.price)} ${quoteOf(order.pair)}`}
                  </td>
                  <td className="num">
                    {order.amount === null ? t('common.none') : quantity(f, order.amount)}
                  </td>
                  <td>
                    <Status order={order} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
