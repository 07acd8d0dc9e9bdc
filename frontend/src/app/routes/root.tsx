import { Outlet } from 'react-router-dom';

import { ErrorMessage } from '../../components/errors/error-message';
import { SimBanner } from '../../components/layout/sim-banner';
import { Loading } from '../../components/ui/loading';
import { useSession } from '../../features/auth/api/get-session';
import { useT } from '../../i18n/use-t';

/** Loads the session once for every page; the child routes decide where it sends the user. */
export function RootRoute() {
  const t = useT();
  const session = useSession();

  if (session.isPending) {
    return (
      <main className="page page-narrow" id="main">
        <Loading />
      </main>
    );
  }
  if (session.isError && !session.data) {
    return (
      <main className="page page-narrow" id="main">
        <h1>{t('app.sessionFailed')}</h1>
        <ErrorMessage error={session.error} />
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </main>
    );
  }
  return (
    <>
      {session.data.instance.simulation ? <SimBanner /> : null}
      <Outlet />
    </>
  );
}
