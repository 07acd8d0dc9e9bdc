import { Link } from 'react-router-dom';

import { PageHeader } from '../../../components/layout/page-header';
import { Alert } from '../../../components/ui/alert';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';

/** A pair page whose address names no pair, or a timeframe Spotdesk does not know. */
export function PairAddressError({
  pair,
  badPair,
  badTimeframe,
}: {
  /** The pair when it was readable: the page offers it at the default timeframe. */
  pair: string | null;
  badPair?: string;
  badTimeframe?: string;
}) {
  const t = useT();
  return (
    <>
      <PageHeader title={pair ?? t('market.pair.unavailable')} />
      <Alert tone="error">
        {badTimeframe !== undefined
          ? t('market.pair.badTimeframe', { timeframe: badTimeframe })
          : t('market.pair.badPair', { pair: badPair ?? '' })}
      </Alert>
      <ul className="plain-list">
        {pair ? (
          <li>
            <Link to={paths.marketPair.getHref(pair)}>
              {t('market.pair.defaultTimeframe', { pair })}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to={paths.market.getHref()}>{t('market.pair.back')}</Link>
        </li>
      </ul>
    </>
  );
}
