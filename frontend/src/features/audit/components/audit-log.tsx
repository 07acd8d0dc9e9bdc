import { useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { useAudit } from '../api/get-audit';
import type { AuditQuery } from '../api/get-audit';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';

/**
 * Filters plus cursor paging. The API only gives a cursor forward, so the cursors of the pages
 * already seen are kept to go back.
 */
export function AuditLog() {
  const { t, formatNumber } = useI18n();
  const [filters, setFilters] = useState<AuditQuery>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const audit = useAudit({ ...filters, cursor });

  return (
    <div className="stack">
      <AuditFilters
        onApply={(next) => {
          setFilters(next);
          setCursors([]);
        }}
      />
      {audit.error ? <ErrorMessage error={audit.error} /> : null}
      {audit.isPending ? <Loading /> : null}
      {audit.data ? <AuditTable items={audit.data.items} /> : null}
      <div className="pager">
        <button
          type="button"
          className="button button-secondary"
          disabled={cursors.length === 0 || audit.isFetching}
          onClick={() => setCursors((seen) => seen.slice(0, -1))}
        >
          {t('audit.previous')}
        </button>
        <span aria-live="polite">
          {t('audit.page', { page: formatNumber(cursors.length + 1) })}
        </span>
        <button
          type="button"
          className="button button-secondary"
          disabled={!audit.data?.nextCursor || audit.isFetching}
          onClick={() => {
            const next = audit.data?.nextCursor;
            if (next) setCursors((seen) => [...seen, next]);
          }}
        >
          {t('audit.next')}
        </button>
      </div>
    </div>
  );
}
