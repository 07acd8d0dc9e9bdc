import { useI18n } from '../../../i18n/use-t';
import type { AuditItem } from '../api/get-audit';
import { JsonDiff } from './json-diff';

export function AuditTable({ items }: { items: AuditItem[] }) {
  const { t, formatDateTime } = useI18n();
  if (items.length === 0) return <p>{t('audit.empty')}</p>;
  const none = t('common.none');
  return (
    <div className="table-scroll">
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.changes')}</th>
            <th scope="col">{t('audit.reason')}</th>
            <th scope="col">{t('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={String(item.id)}>
              <td className="nowrap">
                <time dateTime={item.at}>{formatDateTime(item.at)}</time>
              </td>
              <td>{item.actor}</td>
              <td>
                <code>{item.action}</code>
              </td>
              <td>{item.target || none}</td>
              <td>
                <JsonDiff before={item.before} after={item.after} />
              </td>
              <td>{item.reason || none}</td>
              <td className="nowrap">{item.ip || none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
