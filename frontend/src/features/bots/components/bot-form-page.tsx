import { useNavigate } from 'react-router-dom';

import { ErrorMessage } from '../../../components/errors/error-message';
import { PageHeader } from '../../../components/layout/page-header';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';
import { useBots } from '../api/get-bots';
import { useStrategies } from '../api/get-strategies';
import { BotForm } from './bot-form';
import './bots.css';

/** Create (no `botId`) or edit a bot; only admins reach it (the route says so otherwise). */
export function BotFormPage({ botId }: { botId?: number }) {
  const t = useT();
  const navigate = useNavigate();
  const strategies = useStrategies();
  const bots = useBots();
  const bot = botId === undefined ? undefined : bots.data?.find((b) => b.id === botId);
  const title = bot ? t('bots.form.editTitle', { name: bot.name }) : t('bots.form.createTitle');
  const error = strategies.error ?? bots.error;
  const missing = botId !== undefined && bots.data !== undefined && !bot;

  let body;
  if (error) body = <ErrorMessage error={error} />;
  else if (missing) body = <p>{t('error.bot-not-found')}</p>;
  else if (!strategies.data || !bots.data) body = <Loading />;
  else {
    body = (
      <BotForm
        key={bot?.id ?? 'new'}
        bot={bot}
        strategies={strategies.data}
        onSaved={(saved) =>
          navigate(paths.bots.getHref(), {
            state: { notice: botId === undefined ? 'created' : 'saved', name: saved.name },
          })
        }
      />
    );
  }
  return (
    <>
      <PageHeader title={botId !== undefined && !bot ? t('bots.form.editTitleUnknown') : title} />
      {body}
    </>
  );
}
