import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { readForm, serverFieldErrors } from '../../../lib/form-errors';
import type { SavedKey } from '../api/save-exchange-key';
import { useSaveExchangeKey } from '../api/save-exchange-key';

const FIELDS = ['apiKey', 'secret'] as const;
type Field = (typeof FIELDS)[number];

/** Key and secret are sent once and never shown again; the fields empty after saving. */
export function ExchangeKeyForm({
  hasKey,
  onSaved,
}: {
  hasKey: boolean;
  onSaved: (saved: SavedKey) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const save = useSaveExchangeKey();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const server = serverFieldErrors(save.error, i18n);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(form, FIELDS);
    const found: Partial<Record<Field, string>> = {};
    if (!values.apiKey.trim()) found.apiKey = t('form.required');
    if (!values.secret.trim()) found.secret = t('form.required');
    setErrors(found);
    if (found.apiKey || found.secret) return;
    save.mutate(
      { apiKey: values.apiKey.trim(), secret: values.secret.trim() },
      {
        onSuccess: (saved) => {
          form.reset();
          onSaved(saved);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h3>{t(hasKey ? 'exchange.replace' : 'exchange.add')}</h3>
      <p className="muted">{t('exchange.rightsHint')}</p>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <TextField
        label={t('exchange.apiKey')}
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        error={errors.apiKey ?? server['apiKey']}
      />
      <TextField
        label={t('exchange.secret')}
        name="secret"
        type="password"
        autoComplete="off"
        spellCheck={false}
        error={errors.secret ?? server['secret']}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t('exchange.checking') : t('exchange.save')}
      </button>
    </form>
  );
}
