import { useState } from 'react';
import type { FormEvent } from 'react';

import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/use-t';
import { readForm } from '../../../lib/form-errors';
import type { AuditQuery } from '../api/get-audit';

/** The actions the orchestrator records today; the field still accepts any other. */
const KNOWN_ACTIONS = [
  'setup',
  'login',
  'login-failed',
  'logout',
  'password-change',
  'user-add',
  'user-remove',
];
const FIELDS = ['from', 'to', 'actor', 'action'] as const;

/** A `YYYY-MM-DD` day from a date input as an instant in the user's own time zone. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const instant =
    edge === 'start' ? new Date(year, month, date) : new Date(year, month, date, 23, 59, 59, 999);
  return instant.toISOString();
}

type AuditFiltersProps = { onApply: (query: AuditQuery) => void };

export function AuditFilters({ onApply }: AuditFiltersProps) {
  const t = useT();
  const [rangeError, setRangeError] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget, FIELDS);
    const from = dayBoundary(values.from, 'start');
    const to = dayBoundary(values.to, 'end');
    if (from && to && from > to) {
      setRangeError(t('audit.badRange'));
      return;
    }
    setRangeError(undefined);
    onApply({
      from,
      to,
      actor: values.actor.trim() || undefined,
      action: values.action.trim() || undefined,
    });
  }

  return (
    <form
      className="filters"
      onSubmit={onSubmit}
      onReset={() => {
        setRangeError(undefined);
        onApply({});
      }}
      aria-label={t('audit.filters')}
      noValidate
    >
      <TextField label={t('audit.from')} name="from" type="date" />
      <TextField label={t('audit.to')} name="to" type="date" error={rangeError} />
      <TextField label={t('audit.actor')} name="actor" autoCapitalize="none" spellCheck={false} />
      <TextField
        label={t('audit.action')}
        name="action"
        list="audit-actions"
        autoCapitalize="none"
        spellCheck={false}
      />
      <datalist id="audit-actions">
        {KNOWN_ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <div className="filters-actions">
        <button type="submit" className="button">
          {t('audit.apply')}
        </button>
        <button type="reset" className="button button-secondary">
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
