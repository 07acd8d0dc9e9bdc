import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { readForm, serverFieldErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

/** `username` fills a hidden field so password managers know which account changes. */
export function ChangePasswordForm({ username }: { username: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const change = useChangePassword();
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const serverErrors = serverFieldErrors(change.error, i18n);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(form, FIELDS);
    const errors: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      if (!values[field]) errors[field] = t('form.required');
    }
    if (!errors.confirm && values.newPassword !== values.confirm)
      errors.confirm = t('form.mismatch');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {change.error ? <ErrorMessage error={change.error} /> : null}
      {change.isSuccess ? <Alert tone="success">{t('settings.passwordChanged')}</Alert> : null}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField
        label={t('settings.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={clientErrors.currentPassword ?? serverErrors['currentPassword']}
      />
      <TextField
        label={t('settings.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t('form.passwordRules')}
        error={clientErrors.newPassword ?? serverErrors['newPassword']}
      />
      <TextField
        label={t('settings.confirmPassword')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        error={clientErrors.confirm}
      />
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? t('form.wait') : t('settings.changePassword')}
      </button>
    </form>
  );
}
