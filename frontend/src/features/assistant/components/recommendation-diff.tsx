import type {
  Fact,
  Recommendation,
} from '../../../../../backend/src/http/routes/assistant-schemas';
import { useI18n } from '../../../i18n/use-t';
import { formatSettingValue } from '../lib/values';
import { ClaimMarks, ClaimSources } from './claim-view';

type Change = Recommendation['changes'][number];

/** field / current / proposed / reason, the reason with its marks and cited facts. */
export function RecommendationDiff({ changes, facts }: { changes: Change[]; facts: Fact[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="table-scroll">
      <table className="table recommendation-diff">
        <caption className="sr-only">{t('assistant.rec.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assistant.rec.field')}</th>
            <th scope="col">{t('assistant.rec.current')}</th>
            <th scope="col">{t('assistant.rec.proposed')}</th>
            <th scope="col">{t('assistant.rec.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{t(`assistant.field.${change.field}`)}</th>
              <td>
                <del className="diff-from">
                  {formatSettingValue(i18n, change.field, change.from)}
                </del>
              </td>
              <td>
                <ins className="diff-to">{formatSettingValue(i18n, change.field, change.to)}</ins>
              </td>
              <td className="diff-reason">
                <p className="claim-text">{change.reason.text}</p>
                <ClaimMarks marks={change.reason.marks} />
                <ClaimSources cites={change.reason.cites} facts={facts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
