import { useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import type { BotPageBot } from '../api/get-bot';
import { quoteOf } from '../api/get-bot';
import { useBotPositions } from '../api/get-positions';
import { useOpenTrades } from '../api/get-trades';
import { formatPrice, formatProfit, formatRatio, profitClass } from '../lib/figures';
import { ForceExitDialog } from './force-exit-dialog';

type Asking = { tradeId: number; pair: string } | { tradeId: 'all'; count: number };

/** The bot's open trades with the bot's current view of each; admins may force them out. */
export function OpenTradesCard({ bot, isAdmin }: { bot: BotPageBot; isAdmin: boolean }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const trades = useOpenTrades(bot.id);
  const positions = useBotPositions(bot.id);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const quote = quoteOf(bot);
  const none = t('common.none');
  const price = (value: number | null | undefined) =>
    value === null || value === undefined ? none : formatPrice(i18n, value);
  const list = trades.data?.trades ?? [];

  function finish(target: Asking) {
    return () => {
      setAsking(null);
      setDone(
        'pair' in target
          ? t('botPage.exit.doneOne', { id: target.tradeId })
          : t('botPage.exit.doneAll'),
      );
    };
  }

  const exitAll =
    isAdmin && list.length > 0 ? (
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          setDone(null);
          setAsking({ tradeId: 'all', count: list.length });
        }}
      >
        {t('botPage.exit.all')}
      </button>
    ) : null;

  return (
    <Card title={t('botPage.open.title')} actions={exitAll} className="trades-card">
      {done ? <Alert tone="success">{done}</Alert> : null}
      {trades.isPending ? <Loading /> : null}
      {trades.error ? <ErrorMessage error={trades.error} /> : null}
      {trades.data && list.length === 0 ? <p>{t('botPage.open.empty')}</p> : null}
      {positions.error && list.length > 0 ? (
        <p className="muted">{t('botPage.open.noLiveFigures')}</p>
      ) : null}
      {list.length > 0 ? (
        <div className="table-scroll">
          <table className="table trades-table">
            <thead>
              <tr>
                <th scope="col">{t('botPage.pair')}</th>
                <th scope="col" className="optional-col">
                  {t('botPage.opened')}
                </th>
                <th scope="col">{t('botPage.entry')}</th>
                <th scope="col">{t('botPage.current')}</th>
                <th scope="col" className="optional-col">
                  {t('botPage.stop')}
                </th>
                <th scope="col" className="optional-col">
                  {t('botPage.target')}
                </th>
                <th scope="col">{t('botPage.pnl')}</th>
                {isAdmin ? (
                  <th scope="col">
                    <span className="sr-only">{t('botPage.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.map((trade) => {
                const live = positions.data?.find((p) => p.tradeId === trade.tradeId);
                const profit = live?.profitAbs ?? null;
                return (
                  <tr key={trade.tradeId}>
                    <th scope="row">
                      {trade.pair} <span className="muted">#{trade.tradeId}</span>
                    </th>
                    <td className="nowrap optional-col">
                      <time dateTime={trade.openedAt}>{formatDateTime(trade.openedAt)}</time>
                    </td>
                    <td>{price(trade.openRate)}</td>
                    <td>{price(live?.currentRate)}</td>
                    <td className="optional-col">{price(live?.stopLoss ?? trade.stopLoss)}</td>
                    <td className="optional-col">{price(live?.target)}</td>
                    <td className="nowrap">
                      {profit === null ? (
                        none
                      ) : (
                        <span className={profitClass(profit)}>
                          {formatProfit(i18n, profit, quote)}
                          {live?.profitRatio === null || live?.profitRatio === undefined
                            ? null
                            : ` (${formatRatio(i18n, live.profitRatio)})`}
                        </span>
                      )}
                    </td>
                    {isAdmin ? (
                      <td>
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-label={t('botPage.exit.oneLabel', {
                            id: trade.tradeId,
                            pair: trade.pair,
                          })}
                          onClick={() => {
                            setDone(null);
                            setAsking({ tradeId: trade.tradeId, pair: trade.pair });
                          }}
                        >
                          {t('botPage.exit.one')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {asking ? (
        <ForceExitDialog
          botId={bot.id}
          botName={bot.name}
          target={asking}
          onDone={finish(asking)}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </Card>
  );
}
