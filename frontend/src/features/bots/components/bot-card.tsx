import { useId } from 'react';
import { Link } from 'react-router-dom';

import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/use-t';
import type { Bot } from '../api/get-bots';
import { BotActions } from './bot-actions';
import type { BotRequest } from './bot-actions';
import { ModeBadge, StateBadge } from './bot-badges';
import { BotDetails } from './bot-details';
import { BotFacts } from './bot-facts';
import { BotStateDetail } from './bot-state-detail';

type BotCardProps = {
  bot: Bot;
  /** Absent for viewers: the card is then read-only. */
  onRequest?: (bot: Bot, request: BotRequest) => void;
};

/** One bot: who it is, what it does, where it stands, and (for admins) what can be done with it. */
export function BotCard({ bot, onRequest }: BotCardProps) {
  const { t, formatDateTime } = useI18n();
  const headingId = useId();
  const isLive = bot.mode === 'REAL_MARKET_SPOT';
  return (
    <li className={isLive ? 'card bot-card bot-card-live' : 'card bot-card'}>
      <article aria-labelledby={headingId}>
        <header className="bot-card-header">
          <h2 id={headingId}>
            <Link to={paths.bot.getHref(bot.id)}>{bot.name}</Link>
          </h2>
          <ModeBadge mode={bot.mode} />
          <StateBadge bot={bot} />
        </header>
        {bot.description ? <p className="muted">{bot.description}</p> : null}
        <BotStateDetail bot={bot} />
        {bot.lossLimitTripped ? (
          <div className="alert alert-warn" role="note">
            <strong>{t('bots.tripped', { at: formatDateTime(bot.lossLimitTripped.at) })}</strong>
            {bot.lossLimitTripped.reason ? (
              <span lang="en"> {bot.lossLimitTripped.reason}</span>
            ) : null}
            <p className="bot-note">{t('bots.trippedExplain')}</p>
          </div>
        ) : null}
        {bot.pendingRestart ? <p className="bot-note">{t('bots.pendingRestart')}</p> : null}
        <BotFacts bot={bot} />
        {onRequest ? (
          <BotActions bot={bot} onRequest={(request) => onRequest(bot, request)} />
        ) : null}
        <BotDetails bot={bot} />
      </article>
    </li>
  );
}
