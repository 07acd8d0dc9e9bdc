import { ErrorMessage } from '../../../components/errors/error-message';
import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import type { BotPageBot } from '../api/get-bot';
import { quoteOf } from '../api/get-bot';
import { useClosedTrades } from '../api/get-trades';
import { formatPrice, formatProfit, formatRatio, profitClass } from '../lib/figures';

/** The bot's closed trades, newest first, a page at a time. */
export function ClosedTradesCard({ bot }: { bot: BotPageBot }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const trades = useClosedTrades(bot.id);
  const quote = quoteOf(bot);
  const none = t('common.none');
  const list = trades.data?.pages.flatMap((page) => page.trades) ?? [];
  return (
    <Card title={t('botPage.closed.title')} className="trades-card">
      {trades.isPending ? <Loading /> : null}
      {trades.error ? <ErrorMessage error={trades.error} /> : null}
      {trades.data && list.length === 0 ? <p>{t('botPage.closed.empty')}</p> : null}
      {list.length > 0 ? (
        <div className="table-scroll">
          <table className="table trades-table">
            <thead>
              <tr>
                <th scope="col">{t('botPage.pair')}</th>
                <th scope="col" className="optional-col">
                  {t('botPage.opened')}
                </th>
                <th scope="col">{t('botPage.closed')}</th>
                <th scope="col" className="optional-col">
                  {t('botPage.entry')}
                </th>
                <th scope="col" className="optional-col">
                  {t('botPage.exit')}
                </th>
                <th scope="col">{t('botPage.pnl')}</th>
                <th scope="col">{t('botPage.pnlRatio')}</th>
                <th scope="col">{t('botPage.exitReason')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((trade) => (
                <tr key={`${trade.mode}-${trade.tradeId}`}>
                  <th scope="row">
                    {trade.pair} <span className="muted">#{trade.tradeId}</span>
                  </th>
                  <td className="nowrap optional-col">
                    <time dateTime={trade.openedAt}>{formatDateTime(trade.openedAt)}</time>
                  </td>
                  <td className="nowrap">
                    {trade.closedAt ? (
                      <time dateTime={trade.closedAt}>{formatDateTime(trade.closedAt)}</time>
                    ) : (
                      none
                    )}
                  </td>
                  <td className="optional-col">{formatPrice(i18n, trade.openRate)}</td>
                  <td className="optional-col">
                    {trade.closeRate === null ? none : formatPrice(i18n, trade.closeRate)}
                  </td>
                  <td className="nowrap">
                    <span className={profitClass(trade.profitAbs)}>
                      {formatProfit(i18n, trade.profitAbs, quote)}
                    </span>
                  </td>
                  <td className="nowrap">
                    {trade.profitRatio === null ? (
                      none
                    ) : (
                      <span className={profitClass(trade.profitRatio)}>
                        {formatRatio(i18n, trade.profitRatio)}
                      </span>
                    )}
                  </td>
                  <td>{trade.exitReason ? <code>{trade.exitReason}</code> : none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {trades.hasNextPage ? (
        <div className="pager">
          <button
            type="button"
            className="button button-secondary"
            disabled={trades.isFetchingNextPage}
            onClick={() => void trades.fetchNextPage()}
          >
            {trades.isFetchingNextPage ? t('form.wait') : t('botPage.closed.more')}
          </button>
        </div>
      ) : null}
    </Card>
  );
}
