import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useCreateBot } from '../api/create-bot';
import type { Bot } from '../api/get-bots';
import type { Strategy } from '../api/get-strategies';
import { useMarkets } from '../api/get-markets';
import type { ApplyMode } from '../api/update-bot';
import { useUpdateBot } from '../api/update-bot';
import type { BotFormValues, FormErrors } from '../lib/bot-form-values';
import { toSettings, valuesFromBot } from '../lib/bot-form-values';
import { runsProcess } from '../lib/bot-rules';
import { ApplyDialog } from './apply-dialog';
import { BotFormFields } from './bot-form-fields';

type BotFormProps = {
  /** Absent when creating. */
  bot?: Bot;
  strategies: Strategy[];
  onSaved: (bot: Bot) => void;
};

/** Field paths the form shows in place; any other issue is listed above the form. */
const SHOWN_PATHS =
  /^(name|description|strategy|timeframe|pairs(\.\d+)?|stakeAmount|maxOpenTrades|maxExposure|stoploss|minimalRoi(\..+)?|dailyLossLimit)$/;

export function BotForm({ bot, strategies, onSaved }: BotFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<BotFormValues>(() => valuesFromBot(bot));
  const [clientErrors, setClientErrors] = useState<FormErrors>({});
  const [asking, setAsking] = useState(false);
  const create = useCreateBot();
  const update = useUpdateBot();
  const mutation = bot ? update : create;
  const markets = useMarkets(values.quote);
  const server = serverFieldErrors(mutation.error, i18n);
  const errors: Record<string, string> = { ...server };
  for (const [path, key] of Object.entries(clientErrors)) if (key) errors[path] = t(key);
  const otherIssues = Object.entries(server).filter(([path]) => !SHOWN_PATHS.test(path));

  function settings() {
    const sameStrategy = bot && bot.strategy === values.strategy;
    return toSettings(values, {
      mode: bot?.mode ?? 'SIMULATED',
      // Parameter values belong to one strategy; another strategy starts from its defaults.
      strategyParams: sameStrategy ? bot.strategyParams : {},
    });
  }

  function save(apply: ApplyMode) {
    setAsking(false);
    const { settings: input } = settings();
    if (bot) update.mutate({ id: bot.id, settings: input, apply }, { onSuccess: onSaved });
    else create.mutate(input, { onSuccess: onSaved });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors: found } = settings();
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.reset();
    if (bot && runsProcess(bot.desiredState)) setAsking(true);
    else save('restart');
  }

  return (
    <form className="form bot-form" onSubmit={onSubmit} noValidate>
      {bot?.mode === 'REAL_MARKET_SPOT' ? (
        <Alert tone="info">{t('bots.form.liveNotice')}</Alert>
      ) : null}
      {!bot ? <p className="muted">{t('bots.form.paperFirst')}</p> : null}
      {mutation.error ? <ErrorMessage error={mutation.error} /> : null}
      {otherIssues.length > 0 ? (
        <ul className="field-error">
          {otherIssues.map(([path, message]) => (
            <li key={path}>
              <code>{path}</code>: {message}
            </li>
          ))}
        </ul>
      ) : null}
      <BotFormFields
        values={values}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
        strategies={strategies}
        markets={markets.data}
        marketsError={markets.error}
        errors={errors}
      />
      <TextField
        label={t('bots.field.dailyLossLimit')}
        name="dailyLossLimit"
        inputMode="decimal"
        value={values.dailyLossLimit}
        hint={t('bots.form.dailyLossHint', { quote: values.quote })}
        error={errors['dailyLossLimit']}
        onChange={(event) => setValues((v) => ({ ...v, dailyLossLimit: event.target.value }))}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('form.wait') : t(bot ? 'bots.form.save' : 'bots.form.create')}
        </button>
        <Link className="button button-secondary" to={paths.bots.getHref()}>
          {t('common.cancel')}
        </Link>
      </div>
      {asking && bot ? (
        <ApplyDialog name={bot.name} onChoose={save} onClose={() => setAsking(false)} />
      ) : null}
    </form>
  );
}
