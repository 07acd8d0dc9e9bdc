import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { CardErrorBoundary } from '../../../components/errors/card-error-boundary';
import { ErrorMessage } from '../../../components/errors/error-message';
import { PageHeader } from '../../../components/layout/page-header';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';
import type { BotPageBot } from '../api/get-bot';
import { useBotPageBot } from '../api/get-bot';
import { useBotPageEvents } from '../hooks/use-bot-page-events';
import { BotHeader } from './bot-header';
import { CandlesCard } from './candles-card';
import { ClosedTradesCard } from './closed-trades-card';
import { ForceEntryCard } from './force-entry-card';
import { LogTailCard } from './log-tail-card';
import { OpenTradesCard } from './open-trades-card';
import './bot-page.css';

type BotPageProps = {
  botId: number;
  isAdmin: boolean;
  /** The bot's mode and state badges as the Bots list shows them. */
  badges: (bot: BotPageBot) => ReactNode;
  /** Cards other features add below the page's own (the assistant's), each in its boundary. */
  extraCards?: (bot: BotPageBot) => ReactNode;
};

/** One bot, live: its chart, trades, forced entries and exits (admins) and log tail. */
export function BotPage({ botId, isAdmin, badges, extraCards }: BotPageProps) {
  const t = useT();
  const bot = useBotPageBot(botId);
  useBotPageEvents(botId);

  if (!bot.data) {
    return (
      <>
        <PageHeader title={t('botPage.title')} />
        {bot.isPending ? <Loading /> : null}
        {bot.error ? <ErrorMessage error={bot.error} /> : null}
        <p>
          <Link to={paths.bots.getHref()}>{t('botPage.backToBots')}</Link>
        </p>
      </>
    );
  }
  const current = bot.data;
  return (
    <>
      <BotHeader bot={current} badges={badges(current)} isAdmin={isAdmin} />
      {bot.error ? <ErrorMessage error={bot.error} /> : null}
      <div className="bot-page-grid">
        <CardErrorBoundary title={t('botPage.chart.title')}>
          <CandlesCard bot={current} />
        </CardErrorBoundary>
        <CardErrorBoundary title={t('botPage.open.title')}>
          <OpenTradesCard bot={current} isAdmin={isAdmin} />
        </CardErrorBoundary>
        {isAdmin ? (
          <CardErrorBoundary title={t('botPage.enter.title')}>
            <ForceEntryCard bot={current} />
          </CardErrorBoundary>
        ) : null}
        <CardErrorBoundary title={t('botPage.closed.title')}>
          <ClosedTradesCard bot={current} />
        </CardErrorBoundary>
        <CardErrorBoundary title={t('botPage.logs.title')}>
          <LogTailCard botId={current.id} />
        </CardErrorBoundary>
        {extraCards?.(current)}
      </div>
    </>
  );
}
