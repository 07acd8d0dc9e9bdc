import { QueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { useT } from '../../i18n/use-t';
import { ErrorBoundary } from './error-boundary';
import { ErrorMessage } from './error-message';

function CardFallback({
  title,
  error,
  reset,
}: {
  title: string;
  error: unknown;
  reset: () => void;
}) {
  const t = useT();
  return (
    <section className="card card-failed" aria-label={title}>
      <header className="card-header">
        <h2>{title}</h2>
      </header>
      <div className="card-body">
        <p>{t('boundary.card')}</p>
        <ErrorMessage error={error} />
        <button type="button" className="button button-secondary" onClick={reset}>
          {t('common.retry')}
        </button>
      </div>
    </section>
  );
}

/** Wraps one dashboard card: its failure (render or query) stays inside the card, with a retry. */
export function CardErrorBoundary({ title, children }: { title: string; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallback={(props) => <CardFallback title={title} {...props} />}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
