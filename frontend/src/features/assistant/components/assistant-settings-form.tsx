import { useState } from 'react';
import type { FormEvent } from 'react';

import type { AssistantStatus } from '../../../../../backend/src/http/routes/assistant-schemas';
import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import type { AssistantSettingsInput } from '../api/save-assistant-settings';
import { useSaveAssistantSettings } from '../api/save-assistant-settings';

/** The variables that set a field from the environment; they win over Settings. */
export const ENV_VARIABLES = {
  baseUrl: 'SPOTDESK_LLM_BASE_URL',
  model: 'SPOTDESK_LLM_MODEL',
  apiKey: 'SPOTDESK_LLM_API_KEY',
} as const;

type Values = {
  baseUrl: string;
  model: string;
  apiKey: string;
  dailyTokenBudget: string;
  pricePerMillionPrompt: string;
  pricePerMillionCompletion: string;
  enabled: boolean;
};
type Errors = Partial<Record<keyof Values, MessageKey>>;

const NUMBER = /^\d+(?:[.,]\d+)?$/;
/** `0.15` or `0,15`: a decimal comma is usual in Portuguese. */
const parseAmount = (raw: string) =>
  NUMBER.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : null;

function valuesOf(status: AssistantStatus): Values {
  return {
    baseUrl: status.baseUrl ?? '',
    model: status.model ?? '',
    apiKey: '',
    dailyTokenBudget: String(status.budget.dailyTokens),
    pricePerMillionPrompt: String(status.budget.pricePerMillionPrompt),
    pricePerMillionCompletion: String(status.budget.pricePerMillionCompletion),
    enabled: status.enabled,
  };
}

/** The body to send: only fields Settings owns, empty text left out, numbers parsed. */
function toInput(values: Values, fromEnv: ReadonlySet<string>) {
  const errors: Errors = {};
  const input: AssistantSettingsInput = { enabled: values.enabled };
  if (!fromEnv.has('baseUrl') && values.baseUrl.trim()) input.baseUrl = values.baseUrl.trim();
  if (!fromEnv.has('model') && values.model.trim()) input.model = values.model.trim();
  if (!fromEnv.has('apiKey') && values.apiKey.trim()) input.apiKey = values.apiKey.trim();
  const budget = values.dailyTokenBudget.trim();
  if (!/^\d+$/.test(budget)) errors.dailyTokenBudget = 'rule.invalid-type.int';
  else input.dailyTokenBudget = Number(budget);
  for (const field of ['pricePerMillionPrompt', 'pricePerMillionCompletion'] as const) {
    const amount = parseAmount(values[field]);
    if (amount === null) errors[field] = 'rule.invalid-type.number';
    else input[field] = amount;
  }
  return { input, errors };
}

function EnvNote({ field }: { field: keyof typeof ENV_VARIABLES }) {
  const { t } = useI18n();
  return (
    <p className="field-hint env-note">
      <span aria-hidden="true">🔒 </span>
      {t('assistant.settings.fromEnv', { variable: ENV_VARIABLES[field] })}
    </p>
  );
}

/** Base URL, model, write-only key, budget and prices; fields the environment sets are read-only. */
export function AssistantSettingsForm({ status }: { status: AssistantStatus }) {
  const i18n = useI18n();
  const { t } = i18n;
  const save = useSaveAssistantSettings();
  const forget = useSaveAssistantSettings();
  const [values, setValues] = useState(() => valuesOf(status));
  const [errors, setErrors] = useState<Errors>({});
  const fromEnv = new Set<string>(status.fromEnvironment);
  const server = serverFieldErrors(save.error, i18n);
  const error = (field: keyof Values) => (errors[field] ? t(errors[field]) : server[field]);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, errors: found } = toInput(values, fromEnv);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    forget.reset();
    save.mutate(input, { onSuccess: () => set({ apiKey: '' }) });
  }

  const text = (field: 'baseUrl' | 'model', hint: MessageKey) => (
    <div>
      <TextField
        label={t(`assistant.settings.${field}`)}
        name={field}
        value={values[field]}
        readOnly={fromEnv.has(field)}
        autoComplete="off"
        spellCheck={false}
        hint={t(hint)}
        error={error(field)}
        onChange={(event) => set({ [field]: event.target.value })}
      />
      {fromEnv.has(field) ? <EnvNote field={field} /> : null}
    </div>
  );

  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isSuccess ? <Alert tone="success">{t('assistant.settings.saved')}</Alert> : null}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <label className="radio">
        <input
          type="checkbox"
          name="enabled"
          checked={values.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />
        {t('assistant.settings.enabled')}
      </label>
      {text('baseUrl', 'assistant.settings.baseUrlHint')}
      {text('model', 'assistant.settings.modelHint')}
      {fromEnv.has('apiKey') ? (
        <div className="field">
          <span className="field-label">{t('assistant.settings.apiKey')}</span>
          <EnvNote field="apiKey" />
        </div>
      ) : (
        <div>
          <TextField
            label={t('assistant.settings.apiKey')}
            name="apiKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={values.apiKey}
            hint={t(status.keySet ? 'assistant.settings.keySet' : 'assistant.settings.noKey')}
            error={error('apiKey')}
            onChange={(event) => set({ apiKey: event.target.value })}
          />
          {status.keySet ? (
            <div className="actions">
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={forget.isPending}
                onClick={() => {
                  save.reset();
                  forget.mutate({ apiKey: null });
                }}
              >
                {t('assistant.settings.forgetKey')}
              </button>
            </div>
          ) : null}
          {forget.isSuccess ? (
            <Alert tone="success">{t('assistant.settings.keyForgotten')}</Alert>
          ) : null}
          {forget.error ? <ErrorMessage error={forget.error} /> : null}
        </div>
      )}
      <TextField
        label={t('assistant.settings.budget')}
        name="dailyTokenBudget"
        inputMode="numeric"
        value={values.dailyTokenBudget}
        hint={t('assistant.settings.budgetHint')}
        error={error('dailyTokenBudget')}
        onChange={(event) => set({ dailyTokenBudget: event.target.value })}
      />
      <TextField
        label={t('assistant.settings.pricePrompt')}
        name="pricePerMillionPrompt"
        inputMode="decimal"
        value={values.pricePerMillionPrompt}
        hint={t('assistant.settings.priceHint')}
        error={error('pricePerMillionPrompt')}
        onChange={(event) => set({ pricePerMillionPrompt: event.target.value })}
      />
      <TextField
        label={t('assistant.settings.priceCompletion')}
        name="pricePerMillionCompletion"
        inputMode="decimal"
        value={values.pricePerMillionCompletion}
        error={error('pricePerMillionCompletion')}
        onChange={(event) => set({ pricePerMillionCompletion: event.target.value })}
      />
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('form.wait') : t('assistant.settings.save')}
        </button>
      </div>
    </form>
  );
}
