import type { Indicators } from '../../../../../backend/src/http/routes/market-schemas';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import { formatIndicator, formatOscillator, type NumberFormat } from '../lib/figures';

/** Every indicator the server computes, in reading order, with its name in the user's language. */
const ROWS: Array<[keyof Indicators, MessageKey]> = [
  ['close', 'market.ind.close'],
  ['rsi14', 'market.ind.rsi14'],
  ['ema9', 'market.ind.ema9'],
  ['ema21', 'market.ind.ema21'],
  ['ema50', 'market.ind.ema50'],
  ['ema200', 'market.ind.ema200'],
  ['macd', 'market.ind.macd'],
  ['macdSignal', 'market.ind.macdSignal'],
  ['macdHistogram', 'market.ind.macdHistogram'],
  ['atr14', 'market.ind.atr14'],
  ['bollingerUpper', 'market.ind.bollingerUpper'],
  ['bollingerMiddle', 'market.ind.bollingerMiddle'],
  ['bollingerLower', 'market.ind.bollingerLower'],
  ['volume', 'market.ind.volume'],
  ['volumeAverage20', 'market.ind.volumeAverage20'],
  ['volumeRatio', 'market.ind.volumeRatio'],
];

/** RSI and the volume ratio read best short; prices keep the digits a pair's price needs. */
function formatValue(f: NumberFormat, key: keyof Indicators, value: number): string {
  if (key === 'rsi14') return formatOscillator(f, value);
  if (key === 'volumeRatio') return f.formatNumber(value, { maximumFractionDigits: 2 });
  return formatIndicator(f, value);
}

export function IndicatorTable({
  indicators,
  timeframe,
}: {
  indicators: Indicators;
  timeframe: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="table-scroll">
      <table className="table indicator-table">
        <caption className="sr-only">{t('market.ind.caption', { timeframe })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('market.ind.name')}</th>
            <th scope="col">{t('market.ind.value')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, label]) => {
            const value = indicators[key];
            return (
              <tr key={key}>
                <th scope="row">{t(label)}</th>
                <td>
                  {value === null ? (
                    <span className="muted">{t('market.ind.warmingUp')}</span>
                  ) : (
                    formatValue(i18n, key, value)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
