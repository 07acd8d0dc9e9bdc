import { PageHeader } from '../../components/layout/page-header';
import { AuditLog } from '../../features/audit/components/audit-log';
import { useT } from '../../i18n/use-t';

export function AuditRoute() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <p className="muted">{t('audit.intro')}</p>
      <AuditLog />
    </>
  );
}
