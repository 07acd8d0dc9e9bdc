import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { readForm, serverFieldErrors } from '../../../lib/form-errors';
import { useCreateUser } from '../api/create-user';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function AddViewerForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const create = useCreateUser();
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const serverErrors = serverFieldErrors(create.error, i18n);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(form, FIELDS);
    const errors: Partial<Record<Field, string>> = {};
    if (!values.username.trim()) errors.username = t('form.required');
    if (!values.password) errors.password = t('form.required');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate(
      { username: values.username.trim(), password: values.password, role: 'viewer' },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h3>{t('users.add')}</h3>
      <p className="muted">{t('users.viewerExplain')}</p>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      {create.data ? (
        <Alert tone="success">{t('users.added', { username: create.data.username })}</Alert>
      ) : null}
      <TextField
        label={t('users.newUsername')}
        name="username"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={clientErrors.username ?? serverErrors['username']}
      />
      <TextField
        label={t('users.newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('form.passwordRules')}
        error={clientErrors.password ?? serverErrors['password']}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? t('form.wait') : t('users.add')}
      </button>
    </form>
  );
}
