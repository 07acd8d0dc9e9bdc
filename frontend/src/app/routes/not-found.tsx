import { Link } from 'react-router-dom';

import { PageHeader } from '../../components/layout/page-header';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/use-t';

export function NotFoundRoute() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Link to={paths.dashboard.getHref()}>{t('notFound.back')}</Link>
    </>
  );
}
