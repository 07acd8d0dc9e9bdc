import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { readForm, serverFieldErrors } from '../../../lib/form-errors';
import { useSetup } from '../api/setup';

const FIELDS = ['setupToken', 'username', 'password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

export function SetupForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const setup = useSetup();
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const serverErrors = serverFieldErrors(setup.error, i18n);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget, FIELDS);
    const errors: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      if (!values[field].trim()) errors[field] = t('form.required');
    }
    if (!errors.confirm && values.password !== values.confirm) errors.confirm = t('form.mismatch');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setup.mutate({
      setupToken: values.setupToken.trim(),
      username: values.username.trim(),
      password: values.password,
    });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {setup.error ? <ErrorMessage error={setup.error} /> : null}
      <TextField
        label={t('setup.token')}
        name="setupToken"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint={t('setup.tokenWhere')}
        error={clientErrors.setupToken ?? serverErrors['setupToken']}
      />
      <TextField
        label={t('setup.username')}
        name="username"
        defaultValue="admin"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={clientErrors.username ?? serverErrors['username']}
      />
      <TextField
        label={t('setup.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('form.passwordRules')}
        error={clientErrors.password ?? serverErrors['password']}
      />
      <TextField
        label={t('setup.confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        error={clientErrors.confirm}
      />
      <button type="submit" className="button" disabled={setup.isPending}>
        {setup.isPending ? t('form.wait') : t('setup.submit')}
      </button>
    </form>
  );
}
