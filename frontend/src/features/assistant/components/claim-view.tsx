import { Fragment } from 'react';

import type {
  Claim,
  ClaimMark,
  Fact,
} from '../../../../../backend/src/http/routes/assistant-schemas';
import { useI18n } from '../../../i18n/use-t';
import { formatFactValue } from '../lib/values';

function markText(mark: ClaimMark, t: ReturnType<typeof useI18n>['t']): string {
  switch (mark.kind) {
    case 'unknown-id':
      return t('assistant.mark.unknown-id', { id: mark.id });
    case 'unsupported-number':
      return t('assistant.mark.unsupported-number', { value: mark.value });
    case 'no-citation':
      return t('assistant.mark.no-citation');
  }
}

/** What the server found wrong with a claim: an icon and words, never a colour alone. */
export function ClaimMarks({ marks }: { marks: ClaimMark[] }) {
  const { t } = useI18n();
  if (marks.length === 0) return null;
  return (
    <ul className="claim-marks">
      {marks.map((mark, index) => (
        <li key={`${mark.kind}-${index}`}>
          <span className="claim-mark-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="sr-only">{t('assistant.mark.prefix')} </span>
          {markText(mark, t)}
        </li>
      ))}
    </ul>
  );
}

/** The facts a claim cites, by id: label and value, one click (or hover) away. */
export function ClaimSources({ cites, facts }: { cites: string[]; facts: Fact[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (cites.length === 0) return null;
  const cited = cites.map((id) => ({ id, fact: facts.find((fact) => fact.id === id) }));
  const summary = cited
    .map(({ id, fact }) => (fact ? `${fact.label}: ${formatFactValue(i18n, fact)}` : id))
    .join('\n');
  return (
    <details className="claim-sources">
      <summary title={summary}>{t('assistant.sources', { count: cites.length })}</summary>
      <dl className="facts">
        {cited.map(({ id, fact }) => (
          <Fragment key={id}>
            <dt>
              {fact ? fact.label : t('assistant.factUnknown')} <code>{id}</code>
            </dt>
            <dd>{fact ? formatFactValue(i18n, fact) : t('common.none')}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}

/**
 * One claim of an answer. Its text is the model's (or the rules'), shown as TEXT: React escapes
 * it, so `<b>` in an answer is four visible characters, never markup.
 */
export function ClaimView({ claim, facts }: { claim: Claim; facts: Fact[] }) {
  return (
    <div className={claim.marks.length > 0 ? 'claim claim-flagged' : 'claim'}>
      <p className="claim-text">{claim.text}</p>
      <ClaimMarks marks={claim.marks} />
      <ClaimSources cites={claim.cites} facts={facts} />
    </div>
  );
}
