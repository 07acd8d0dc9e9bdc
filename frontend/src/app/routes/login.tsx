import { Navigate, useSearchParams } from 'react-router-dom';

import { paths, safeRedirect } from '../../config/paths';
import { useSession } from '../../features/auth/api/get-session';
import { LoginForm } from '../../features/auth/components/login-form';
import { useT } from '../../i18n/use-t';
import { AuthLayout } from './auth-layout';

export function LoginRoute() {
  const t = useT();
  const { data: session } = useSession();
  const [params] = useSearchParams();
  if (session?.setupRequired) return <Navigate to={paths.setup.getHref()} replace />;
  if (session?.user) return <Navigate to={safeRedirect(params.get('redirectTo'))} replace />;
  return (
    <AuthLayout title={t('login.title')}>
      <LoginForm />
    </AuthLayout>
  );
}
