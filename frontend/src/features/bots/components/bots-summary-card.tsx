import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';

import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/use-t';
import { useApi } from '../../../lib/api-context';
import { getBotsQueryOptions } from '../api/get-bots';
import { BOT_STATES } from '../lib/bot-rules';

/** The dashboard's count of bots by state; a failure stays inside the card (throwOnError). */
export function BotsSummaryCard({ title }: { title: string }) {
  const { t, formatNumber } = useI18n();
  const bots = useQuery({ ...getBotsQueryOptions(useApi()), throwOnError: true });
  const link = <Link to={paths.bots.getHref()}>{t('dashboard.goToBots')}</Link>;
  if (!bots.data) {
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  }
  if (bots.data.length === 0) {
    return (
      <Card title={title}>
        <EmptyState action={link}>{t('dashboard.noBots')}</EmptyState>
      </Card>
    );
  }
  const live = bots.data.filter((bot) => bot.mode === 'REAL_MARKET_SPOT').length;
  return (
    <Card title={title}>
      <dl className="facts">
        {BOT_STATES.map((state) => {
          const count = bots.data.filter((bot) => bot.state === state).length;
          return count === 0 ? null : (
            <Fragment key={state}>
              <dt>{t(`bot.state.${state}`)}</dt>
              <dd>{formatNumber(count)}</dd>
            </Fragment>
          );
        })}
      </dl>
      {live > 0 ? (
        <p>
          <span className="badge badge-live">{t('bots.mode.live')}</span>{' '}
          {t('dashboard.liveBots', { count: formatNumber(live) })}
        </p>
      ) : null}
      {link}
    </Card>
  );
}
