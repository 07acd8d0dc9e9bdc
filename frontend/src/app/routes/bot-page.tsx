import { useParams } from 'react-router-dom';

import { useSession } from '../../features/auth/api/get-session';
import { BotPage } from '../../features/bot-page/components/bot-page';
import { ModeBadge, StateBadge } from '../../features/bots/components/bot-badges';
import { BotAssistantCards } from './bot-assistant';
import { NotFoundRoute } from './not-found';

/** One bot's page, with the Bots feature's badges in its header (features meet here). */
export function BotPageRoute() {
  const { botId } = useParams();
  const { data: session } = useSession();
  const id = Number(botId);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  if (!session?.user) return null;
  return (
    <BotPage
      key={id}
      botId={id}
      isAdmin={session.user.role === 'admin'}
      badges={(bot) => (
        <>
          <ModeBadge mode={bot.mode} />
          <StateBadge bot={bot} />
        </>
      )}
      extraCards={(bot) => <BotAssistantCards bot={bot} isAdmin={session.user?.role === 'admin'} />}
    />
  );
}
