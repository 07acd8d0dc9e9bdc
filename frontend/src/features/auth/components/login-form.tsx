import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { readForm, serverFieldErrors } from '../../../lib/form-errors';
import { useLogin } from '../api/login';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function LoginForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const login = useLogin();
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const serverErrors = serverFieldErrors(login.error, i18n);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget, FIELDS);
    const required: Partial<Record<Field, string>> = {};
    if (!values.username.trim()) required.username = t('form.required');
    if (!values.password) required.password = t('form.required');
    setMissing(required);
    if (Object.keys(required).length > 0) return;
    login.mutate({ username: values.username.trim(), password: values.password });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {login.error ? <ErrorMessage error={login.error} /> : null}
      <TextField
        label={t('login.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={missing.username ?? serverErrors['username']}
      />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        error={missing.password ?? serverErrors['password']}
      />
      <button type="submit" className="button" disabled={login.isPending}>
        {login.isPending ? t('form.wait') : t('login.submit')}
      </button>
    </form>
  );
}
