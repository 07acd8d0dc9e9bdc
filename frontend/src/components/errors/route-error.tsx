import { useRouteError } from 'react-router-dom';

import { useT } from '../../i18n/use-t';
import { ErrorMessage } from './error-message';

/** The router catches render errors of routes itself; this shows them translated, with a way out. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  return (
    <main className="page page-narrow" id="main">
      <h1>{t('boundary.title')}</h1>
      <p>{t('boundary.body')}</p>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="button" onClick={() => location.reload()}>
          {t('boundary.reload')}
        </button>
        <a className="button button-secondary" href="/">
          {t('notFound.back')}
        </a>
      </div>
    </main>
  );
}
