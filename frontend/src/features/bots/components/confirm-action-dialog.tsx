import { Dialog } from '../../../components/ui/dialog';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/use-t';
import type { ApiClient } from '../../../lib/api-client';
import { useBotMutation } from '../api/bot-mutation';
import { deleteBot } from '../api/delete-bot';
import type { Bot } from '../api/get-bots';
import { pauseBot } from '../api/pause-bot';
import { restartBot } from '../api/restart-bot';
import { resumeBot } from '../api/resume-bot';
import { retryBot } from '../api/retry-bot';
import { startBot } from '../api/start-bot';
import { switchBotMode } from '../api/switch-bot-mode';
import { BotErrorMessage } from './bot-error';

/** The requests that need nothing but a yes (Live starts and switches have their own dialog). */
export type SimpleRequest =
  'start' | 'pause' | 'resume' | 'restart' | 'retry' | 'delete' | 'toPaper';

const REQUESTS: Record<SimpleRequest, (api: ApiClient, bot: Bot) => Promise<Bot | null>> = {
  start: (api, bot) => startBot(api, bot),
  pause: (api, bot) => pauseBot(api, bot),
  resume: (api, bot) => resumeBot(api, bot),
  restart: (api, bot) => restartBot(api, bot),
  retry: (api, bot) => retryBot(api, bot),
  delete: async (api, bot) => {
    await deleteBot(api, bot.id);
    return null;
  },
  toPaper: (api, bot) => switchBotMode(api, { id: bot.id, mode: 'SIMULATED' }),
};

const TEXT: Record<SimpleRequest, { title: MessageKey; body: MessageKey; button: MessageKey }> = {
  start: {
    title: 'bots.confirm.startTitle',
    body: 'bots.confirm.startBody',
    button: 'bots.do.start',
  },
  pause: {
    title: 'bots.confirm.pauseTitle',
    body: 'bots.confirm.pauseBody',
    button: 'bots.do.pause',
  },
  resume: {
    title: 'bots.confirm.resumeTitle',
    body: 'bots.confirm.resumeBody',
    button: 'bots.do.resume',
  },
  restart: {
    title: 'bots.confirm.restartTitle',
    body: 'bots.confirm.restartBody',
    button: 'bots.do.restart',
  },
  retry: {
    title: 'bots.confirm.retryTitle',
    body: 'bots.confirm.retryBody',
    button: 'bots.do.retry',
  },
  delete: {
    title: 'bots.confirm.deleteTitle',
    body: 'bots.confirm.deleteBody',
    button: 'bots.do.delete',
  },
  toPaper: {
    title: 'bots.confirm.toPaperTitle',
    body: 'bots.confirm.toPaperBody',
    button: 'bots.do.toPaper',
  },
};

type Props = {
  bot: Bot;
  request: SimpleRequest;
  onDone: (bot: Bot | null) => void;
  onClose: () => void;
};

export function ConfirmActionDialog({ bot, request, onDone, onClose }: Props) {
  const t = useT();
  const action = useBotMutation((api, target: Bot): Promise<Bot | null> =>
    REQUESTS[request](api, target),
  );
  const text = TEXT[request];
  const danger = request === 'delete';
  return (
    <Dialog
      title={t(text.title, { name: bot.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'button button-danger' : 'button'}
            disabled={action.isPending}
            onClick={() => action.mutate(bot, { onSuccess: onDone })}
          >
            {action.isPending ? t('form.wait') : t(text.button)}
          </button>
        </>
      }
    >
      <p>{t(text.body, { name: bot.name })}</p>
      {action.error ? (
        <BotErrorMessage error={action.error} isModeSwitch={request === 'toPaper'} />
      ) : null}
    </Dialog>
  );
}
