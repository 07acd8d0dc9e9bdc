import { useId, useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Dialog } from '../../../components/ui/dialog';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import type { Bot } from '../api/get-bots';
import { useRearmBot } from '../api/rearm-bot';

type Props = { bot: Bot; onDone: (bot: Bot) => void; onClose: () => void };

/** After the daily loss limit tripped: a typed reason lifts it (the bot stays paused until resumed). */
export function RearmDialog({ bot, onDone, onClose }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const formId = useId();
  const fieldId = useId();
  const rearm = useRearmBot();
  const [error, setError] = useState<string | undefined>();
  const shown = error ?? serverFieldErrors(rearm.error, i18n)['reason'];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (reason.length < 3) {
      setError(t('rule.too-short', { minimum: 3 }));
      return;
    }
    setError(undefined);
    rearm.mutate({ id: bot.id, reason }, { onSuccess: onDone });
  }

  return (
    <Dialog
      title={t('bots.rearm.title', { name: bot.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button" disabled={rearm.isPending}>
            {rearm.isPending ? t('form.wait') : t('bots.do.rearm')}
          </button>
        </>
      }
    >
      <p>{t('bots.rearm.body')}</p>
      {rearm.error && !shown ? <ErrorMessage error={rearm.error} /> : null}
      <form id={formId} className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>{t('bots.rearm.reason')}</label>
          <textarea
            id={fieldId}
            name="reason"
            rows={3}
            maxLength={500}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? `${fieldId}-error` : undefined}
          />
          {shown ? (
            <p id={`${fieldId}-error`} className="field-error">
              {shown}
            </p>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
