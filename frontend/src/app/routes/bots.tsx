import { useId } from 'react';

import { PageHeader } from '../../components/layout/page-header';
import { useT } from '../../i18n/use-t';

export function BotsRoute() {
  const t = useT();
  const reasonId = useId();
  return (
    <>
      <PageHeader title={t('bots.title')}>
        {/* aria-disabled keeps the button focusable, so keyboard users can reach the reason too. */}
        <button
          type="button"
          className="button"
          aria-disabled="true"
          aria-describedby={reasonId}
          title={t('bots.createUnavailable')}
          onClick={(event) => event.preventDefault()}
        >
          {t('bots.create')}
        </button>
      </PageHeader>
      <section className="card empty-state">
        <h2>{t('bots.emptyTitle')}</h2>
        <p>{t('bots.emptyBody')}</p>
        <p id={reasonId} className="muted">
          {t('bots.createUnavailable')}
        </p>
      </section>
    </>
  );
}
