import { Fragment } from 'react';

import type { MarketSnapshot } from '../../../../../backend/src/http/routes/market-schemas';
import { useI18n } from '../../../i18n/use-t';
import { formatIndicator, formatPrice, formatVolume } from '../lib/figures';
import { issueText } from '../lib/issue-text';
import { Change } from './change';
import { FeedMarkers } from './feed-markers';
import { RegimeBadge } from './regime-badge';

/** The regime's label and, one click away, the rule that decided it with the numbers it compared. */
function RegimeWhy({ regime }: { regime: MarketSnapshot['regime'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const numbers = Object.entries(regime.numbers);
  return (
    <details className="regime-why">
      <summary>{t('market.pair.why', { regime: t(`market.regime.${regime.label}`) })}</summary>
      <dl className="facts">
        <dt>{t('market.pair.rule')}</dt>
        <dd>
          <code>{regime.rule}</code>
        </dd>
        {numbers.map(([name, value]) => (
          <Fragment key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{formatIndicator(i18n, value)}</dd>
          </Fragment>
        ))}
      </dl>
      {numbers.length === 0 ? <p className="muted small">{t('market.pair.noNumbers')}</p> : null}
    </details>
  );
}

/** Price, 24 h change and volume, the regime with its reasons, and how fresh it all is. */
export function PairHeader({ snapshot }: { snapshot: MarketSnapshot }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { ticker } = snapshot;
  const none = t('common.none');
  const price = ticker?.last ?? snapshot.indicators.close;
  return (
    <section aria-label={t('market.pair.figures')}>
      {snapshot.issue ? (
        <p className="row-issue" role="status">
          {issueText(snapshot.issue, i18n)}
        </p>
      ) : null}
      <dl className="pair-header-figures">
        <div>
          <dt>{t('market.col.price')}</dt>
          <dd>{price === null ? none : formatPrice(i18n, price)}</dd>
        </div>
        <div>
          <dt>{t('market.col.change')}</dt>
          <dd>
            <Change pct={ticker?.change24hPct ?? null} />
          </dd>
        </div>
        <div>
          <dt>{t('market.col.volume')}</dt>
          <dd>
            {ticker?.volume24hQuote == null ? none : formatVolume(i18n, ticker.volume24hQuote)}
          </dd>
        </div>
        <div>
          <dt>{t('market.pair.range24h')}</dt>
          <dd>
            {ticker?.low24h == null || ticker.high24h == null
              ? none
              : `${formatPrice(i18n, ticker.low24h)} – ${formatPrice(i18n, ticker.high24h)}`}
          </dd>
        </div>
        <div>
          <dt>{t('market.col.regime')}</dt>
          <dd>
            <RegimeBadge label={snapshot.regime.label} />
          </dd>
        </div>
        <div>
          <dt>{t('market.pair.updated')}</dt>
          <dd>
            <time dateTime={new Date(snapshot.updatedAt).toISOString()}>
              {formatDateTime(new Date(snapshot.updatedAt))}
            </time>{' '}
            <FeedMarkers state={snapshot} />
          </dd>
        </div>
      </dl>
      <RegimeWhy regime={snapshot.regime} />
    </section>
  );
}
