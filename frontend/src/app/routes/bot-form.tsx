import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { PageHeader } from '../../components/layout/page-header';
import { useSession } from '../../features/auth/api/get-session';
import { BotFormPage } from '../../features/bots/components/bot-form-page';
import { useT } from '../../i18n/use-t';
import { NotFoundRoute } from './not-found';

function AdminOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const { data: session } = useSession();
  if (session?.user?.role === 'admin') return <>{children}</>;
  return (
    <>
      <PageHeader title={t('bots.title')} />
      <p>{t('bots.adminOnly')}</p>
    </>
  );
}

export function BotNewRoute() {
  return (
    <AdminOnly>
      <BotFormPage />
    </AdminOnly>
  );
}

export function BotEditRoute() {
  const { botId } = useParams();
  const id = Number(botId);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return (
    <AdminOnly>
      <BotFormPage botId={id} />
    </AdminOnly>
  );
}
