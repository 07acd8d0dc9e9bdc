import type { ReactNode } from 'react';

import { LanguagePicker } from '../../components/layout/language-picker';
import { PageHeader } from '../../components/layout/page-header';
import { useT } from '../../i18n/use-t';

/** The narrow page of Setup and Login, with the language picker before anyone logs in. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="auth-page">
      <header className="auth-topbar">
        <span className="brand">{t('app.name')}</span>
        <LanguagePicker />
      </header>
      <main id="main" className="page page-narrow">
        <PageHeader title={title} />
        {children}
      </main>
    </div>
  );
}
