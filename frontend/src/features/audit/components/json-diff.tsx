import { useT } from '../../../i18n/use-t';

type DiffRow = {
  key: string;
  before?: unknown;
  after?: unknown;
  kind: 'added' | 'removed' | 'changed' | 'same';
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/** One row per top-level key of before/after; values that are not objects compare as a whole. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== undefined && before !== null;
  const hasAfter = after !== undefined && after !== null;
  if (!hasBefore && !hasAfter) return [];
  // A created or deleted object reads best key by key, as all added or all removed.
  if (!hasBefore && isRecord(after)) return diffRows({}, after);
  if (!hasAfter && isRecord(before)) return diffRows(before, {});
  if (!isRecord(before) || !isRecord(after)) {
    if (!hasBefore) return [{ key: '', after, kind: 'added' }];
    if (!hasAfter) return [{ key: '', before, kind: 'removed' }];
    return [{ key: '', before, after, kind: show(before) === show(after) ? 'same' : 'changed' }];
  }
  const keys = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).sort();
  return keys.map((key) => {
    const inBefore = key in before;
    const inAfter = key in after;
    if (!inBefore) return { key, after: after[key], kind: 'added' };
    if (!inAfter) return { key, before: before[key], kind: 'removed' };
    const kind = show(before[key]) === show(after[key]) ? 'same' : 'changed';
    return { key, before: before[key], after: after[key], kind };
  });
}

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <ul className="diff">
      {rows.map((row) => (
        <li key={row.key || '(value)'} className={`diff-${row.kind}`}>
          {row.key ? <code className="diff-key">{row.key}</code> : null}
          {row.kind === 'same' ? <span>{show(row.before)}</span> : null}
          {row.kind === 'removed' || row.kind === 'changed' ? (
            <del>
              <span className="sr-only">{t('audit.before')}: </span>
              {show(row.before)}
            </del>
          ) : null}
          {row.kind === 'changed' ? <span aria-hidden="true"> → </span> : null}
          {row.kind === 'added' || row.kind === 'changed' ? (
            <ins>
              <span className="sr-only">{t('audit.after')}: </span>
              {show(row.after)}
            </ins>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
