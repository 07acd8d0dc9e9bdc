import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';

import { ErrorMessage } from '../../../components/errors/error-message';
import { PageHeader } from '../../../components/layout/page-header';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';
import type { Bot } from '../api/get-bots';
import { useBots } from '../api/get-bots';
import { useBotEvents } from '../hooks/use-bot-events';
import type { BotRequest } from './bot-actions';
import { BotCard } from './bot-card';
import { BotRequestDialog } from './bot-request-dialog';
import { EmergencyBar } from './emergency-bar';
import './bots.css';

type BotsPageProps = {
  isAdmin: boolean;
  /** The Live gates as Settings shows them, for the Live confirmation. */
  liveGates: ReactNode;
};

type Pending = { bot: Bot; request: BotRequest };

/** What the form page says it did (router state), as a sentence; null for anything else. */
function formNotice(state: unknown, t: ReturnType<typeof useT>): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const { notice, name } = state as Record<string, unknown>;
  if (typeof name !== 'string') return null;
  if (notice === 'created') return t('bots.done.created', { name });
  if (notice === 'saved') return t('bots.done.saved', { name });
  return null;
}

/** Every bot with its state, live; admins act on them, each step confirmed. */
export function BotsPage({ isAdmin, liveGates }: BotsPageProps) {
  const t = useT();
  const bots = useBots();
  useBotEvents();
  const [pending, setPending] = useState<Pending | null>(null);
  const location = useLocation();
  const [done, setDone] = useState<string | null>(() => formNotice(location.state, t));

  function finish(request: Pending) {
    return (bot: Bot | null) => {
      setPending(null);
      setDone(
        bot === null
          ? t('bots.done.delete', { name: request.bot.name })
          : t('bots.done.request', { name: bot.name }),
      );
    };
  }

  return (
    <>
      <PageHeader title={t('bots.title')}>
        {isAdmin ? (
          <Link className="button" to={paths.botNew.getHref()}>
            {t('bots.create')}
          </Link>
        ) : null}
      </PageHeader>
      {isAdmin ? <EmergencyBar /> : <p className="muted">{t('bots.readOnly')}</p>}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {bots.isPending ? <Loading /> : null}
      {bots.error ? <ErrorMessage error={bots.error} /> : null}
      {bots.data?.length === 0 ? (
        <section className="card empty-state">
          <h2>{t('bots.emptyTitle')}</h2>
          <p>{t('bots.emptyBody')}</p>
        </section>
      ) : null}
      {bots.data && bots.data.length > 0 ? (
        <ul className="bot-list" aria-label={t('bots.listLabel')}>
          {bots.data.map((bot) => (
            <BotCard
              key={bot.id}
              bot={bot}
              onRequest={
                isAdmin
                  ? (target, request) => {
                      setDone(null);
                      setPending({ bot: target, request });
                    }
                  : undefined
              }
            />
          ))}
        </ul>
      ) : null}
      {pending ? (
        <BotRequestDialog
          bot={bots.data?.find((bot) => bot.id === pending.bot.id) ?? pending.bot}
          request={pending.request}
          liveGates={liveGates}
          onDone={finish(pending)}
          onClose={() => setPending(null)}
        />
      ) : null}
    </>
  );
}
