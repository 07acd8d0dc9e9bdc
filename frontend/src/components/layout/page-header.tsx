import { useEffect } from 'react';
import type { ReactNode } from 'react';

import { useT } from '../../i18n/use-t';

/** The page's h1, mirrored into the tab title so screen-reader users hear where they landed. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title === appName ? appName : `${title} · ${appName}`;
  }, [title, appName]);
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
