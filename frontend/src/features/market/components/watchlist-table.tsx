import { Link } from 'react-router-dom';

import type { WatchRow } from '../../../../../backend/src/http/routes/market-schemas';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/use-t';
import { ARROWS, formatOscillator, formatPrice, formatVolume } from '../lib/figures';
import { issueText } from '../lib/issue-text';
import { Change } from './change';
import { FeedMarkers } from './feed-markers';
import { RegimeBadge } from './regime-badge';
import { Sparkline } from './sparkline';

type Props = {
  rows: WatchRow[];
  /** Shown (admins): a remove button on rows that are on the watchlist setting. */
  onRemove?: (pair: string) => void;
  removing: string | null;
};

function Trend({ trend }: { trend: WatchRow['trend'] }) {
  const { t } = useI18n();
  if (trend === null) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className={`dir dir-${trend}`}>
      <span className="dir-arrow" aria-hidden="true">
        {ARROWS[trend]}
      </span>
      {t(`market.trend.${trend}`)}
    </span>
  );
}

function Origin({ row }: { row: WatchRow }) {
  const { t } = useI18n();
  return (
    <span className="badge-row">
      {row.origin !== 'bot' ? (
        <span className="badge badge-neutral">{t('market.origin.watchlist')}</span>
      ) : null}
      {row.origin !== 'watchlist' ? (
        <span className="badge badge-paper">
          {t('market.origin.bots', { names: row.bots.join(', ') || t('common.none') })}
        </span>
      ) : null}
    </span>
  );
}

/** The watched pairs with their live figures; each pair links to its own page. */
export function WatchlistTable({ rows, onRemove, removing }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const none = t('common.none');
  return (
    <div className="table-scroll">
      <table className="table watchlist-table">
        <caption className="sr-only">{t('market.watchlist.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('market.col.pair')}</th>
            <th scope="col" className="num">
              {t('market.col.price')}
            </th>
            <th scope="col" className="num">
              {t('market.col.change')}
            </th>
            <th scope="col" className="num">
              {t('market.col.volume')}
            </th>
            <th scope="col" className="num">
              {t('market.col.rsi')}
            </th>
            <th scope="col">{t('market.col.trend')}</th>
            <th scope="col">{t('market.col.regime')}</th>
            <th scope="col">{t('market.col.sparkline')}</th>
            <th scope="col">{t('market.col.origin')}</th>
            <th scope="col">{t('market.col.status')}</th>
            {onRemove ? <th scope="col">{t('market.col.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.pair}>
              <th scope="row">
                <Link to={paths.marketPair.getHref(row.pair)}>{row.pair}</Link>
              </th>
              <td className="num">{row.ticker ? formatPrice(i18n, row.ticker.last) : none}</td>
              <td className="num">
                <Change pct={row.ticker?.change24hPct ?? null} />
              </td>
              <td className="num">
                {row.ticker?.volume24hQuote == null
                  ? none
                  : formatVolume(i18n, row.ticker.volume24hQuote)}
              </td>
              <td className="num">
                {row.rsi14 === null ? none : formatOscillator(i18n, row.rsi14)}
              </td>
              <td>
                <Trend trend={row.trend} />
              </td>
              <td>
                <RegimeBadge label={row.regime} />
              </td>
              <td>
                <Sparkline values={row.sparkline} />
              </td>
              <td className="wrap-cell">
                <Origin row={row} />
              </td>
              <td className="wrap-cell">
                <FeedMarkers state={row} />
                {row.issue ? <span className="row-issue">{issueText(row.issue, i18n)}</span> : null}
              </td>
              {onRemove ? (
                <td>
                  {row.origin !== 'bot' ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('market.removeLabel', { pair: row.pair })}
                      disabled={removing !== null}
                      onClick={() => onRemove(row.pair)}
                    >
                      {removing === row.pair ? t('form.wait') : t('market.remove')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
