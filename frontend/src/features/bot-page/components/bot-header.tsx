import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { PageHeader } from '../../../components/layout/page-header';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';
import type { BotPageBot } from '../api/get-bot';

/** Who the bot is and where it stands; the badges come from the Bots feature through the route. */
export function BotHeader({
  bot,
  badges,
  isAdmin,
}: {
  bot: BotPageBot;
  badges: ReactNode;
  isAdmin: boolean;
}) {
  const t = useT();
  return (
    <header className="bot-page-header">
      <PageHeader title={bot.name}>
        <div className="bot-page-badges">{badges}</div>
      </PageHeader>
      {bot.description ? <p className="muted">{bot.description}</p> : null}
      <dl className="facts bot-page-facts">
        <dt>{t('botPage.strategy')}</dt>
        <dd>{bot.strategy}</dd>
        <dt>{t('botPage.timeframe')}</dt>
        <dd>{bot.timeframe}</dd>
        <dt>{t('botPage.pairs')}</dt>
        <dd className="bot-page-pairs">{bot.pairs.join(', ')}</dd>
      </dl>
      {bot.state === 'ERROR' && bot.stateReason ? (
        <p className="bot-page-reason" lang="en">
          {bot.stateReason}
        </p>
      ) : null}
      <nav className="bot-page-links" aria-label={t('botPage.links')}>
        <Link to={paths.bots.getHref()}>{t('botPage.backToBots')}</Link>
        {isAdmin ? <Link to={paths.botEdit.getHref(bot.id)}>{t('botPage.edit')}</Link> : null}
      </nav>
    </header>
  );
}
