import type { ReactNode } from 'react';

import { useT } from '../../i18n/use-t';
import { ErrorBoundary } from './error-boundary';
import { ErrorMessage } from './error-message';

function RootFallback({ error, reset }: { error: unknown; reset: () => void }) {
  const t = useT();
  return (
    <main className="page page-narrow" id="main">
      <h1>{t('boundary.title')}</h1>
      <p>{t('boundary.body')}</p>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="button" onClick={reset}>
          {t('common.retry')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => location.reload()}>
          {t('boundary.reload')}
        </button>
      </div>
    </main>
  );
}

/** The last line of defence: a translated page with a way back instead of a blank screen. */
export function RootErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary fallback={(props) => <RootFallback {...props} />}>{children}</ErrorBoundary>
  );
}
