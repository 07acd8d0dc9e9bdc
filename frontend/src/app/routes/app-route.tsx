import { Navigate, Outlet, useLocation } from 'react-router-dom';

import { AppShell } from '../../components/layout/app-shell';
import { SkipLink } from '../../components/layout/skip-link';
import { paths } from '../../config/paths';
import { useSession } from '../../features/auth/api/get-session';
import { useLogout } from '../../features/auth/api/logout';
import { MonitorLive } from '../../features/monitor/components/monitor-live';
import { useT } from '../../i18n/use-t';

/** Every signed-in page: sends anyone without a session to Setup or Login first. */
export function AppRoute() {
  const t = useT();
  const { data: session } = useSession();
  const logout = useLogout();
  const location = useLocation();

  if (session?.setupRequired) return <Navigate to={paths.setup.getHref()} replace />;
  if (!session?.user) {
    // After a logout the next person starts fresh; after an expired session the user returns here.
    const back = logout.isIdle ? location.pathname + location.search : undefined;
    return <Navigate to={paths.login.getHref(back)} replace />;
  }
  const { username, role } = session.user;
  return (
    <>
      <SkipLink />
      <AppShell
        userLabel={t('topbar.signedInAs', {
          username,
          role: t(role === 'admin' ? 'role.admin' : 'role.viewer'),
        })}
        onLogout={() => logout.mutate()}
        isLoggingOut={logout.isPending}
      >
        {/* On every page: a toast for every fill, and the open trades in the tab title. */}
        <MonitorLive />
        <Outlet />
      </AppShell>
    </>
  );
}
