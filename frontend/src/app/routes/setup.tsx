import { Navigate } from 'react-router-dom';

import { paths } from '../../config/paths';
import { useSession } from '../../features/auth/api/get-session';
import { SetupForm } from '../../features/auth/components/setup-form';
import { useT } from '../../i18n/use-t';
import { AuthLayout } from './auth-layout';

export function SetupRoute() {
  const t = useT();
  const { data: session } = useSession();
  if (session && !session.setupRequired) {
    return (
      <Navigate to={session.user ? paths.dashboard.getHref() : paths.login.getHref()} replace />
    );
  }
  return (
    <AuthLayout title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <SetupForm />
    </AuthLayout>
  );
}
