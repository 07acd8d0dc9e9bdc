import { Card } from '../../../components/ui/card';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { usePositions } from '../api/get-positions';
import { quantity, quoteOf, signedMoney, signedPercent } from '../lib/format';
import { ModeBadge } from './badges';
import { InfoTip } from './info-tip';

/** Every bot's open trades with entry, stop, target, current price and PnL, kept live. */
export function PositionsTable({ title }: { title: string }) {
  const f = useI18n();
  const { t } = f;
  const positions = usePositions();
  if (!positions.data) {
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  }
  const rate = (value: number | null) =>
    value === null ? <span className="muted">{t('common.none')}</span> : quantity(f, value);
  return (
    <Card title={title} className="card-full">
      {positions.data.length === 0 ? (
        <p>{t('monitor.positions.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('monitor.col.bot')}</th>
                <th scope="col">{t('monitor.col.pair')}</th>
                <th scope="col" className="num">
                  {t('monitor.col.entry')}
                </th>
                <th scope="col" className="num">
                  {t('monitor.col.stop')}{' '}
                  <InfoTip label={t('monitor.tip.about', { topic: t('monitor.col.stop') })}>
                    {t('monitor.tip.stop')}
                  </InfoTip>
                </th>
                <th scope="col" className="num">
                  {t('monitor.col.target')}{' '}
                  <InfoTip label={t('monitor.tip.about', { topic: t('monitor.col.target') })}>
                    {t('monitor.tip.target')}
                  </InfoTip>
                </th>
                <th scope="col" className="num">
                  {t('monitor.col.current')}
                </th>
                <th scope="col" className="num">
                  {t('monitor.col.pnl')}
                </th>
              </tr>
            </thead>
            <tbody>
              {positions.data.map((position) => {
                const { profitAbs, profitRatio } = position;
                const tone =
                  profitAbs === null || profitAbs === 0
                    ? ''
                    : profitAbs > 0
                      ? 'figure-up'
                      : 'figure-down';
                return (
                  <tr key={`${position.botId}-${position.tradeId}`}>
                    <td>
                      {position.botName} <ModeBadge mode={position.mode} short />
                    </td>
                    <td className="nowrap">{position.pair}</td>
                    <td className="num">{quantity(f, position.openRate)}</td>
                    <td className="num">{rate(position.stopLoss)}</td>
                    <td className="num">{rate(position.target)}</td>
                    <td className="num">{rate(position.currentRate)}</td>
                    <td className={`num nowrap ${tone}`}>
                      {profitAbs === null ? (
                        <span className="muted">{t('monitor.unknown')}</span>
                      ) : (
                        <>
                          {signedMoney(f, profitAbs, quoteOf(position.pair))}
                          {profitRatio === null ? null : (
                            <span className="cell-note">{signedPercent(f, profitRatio)}</span>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
