import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';

import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import type { ApiClient } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import type { LiveConfirmation } from '../api/bot-mutation';
import { useBotMutation } from '../api/bot-mutation';
import type { Bot } from '../api/get-bots';
import { retryBot } from '../api/retry-bot';
import { startBot } from '../api/start-bot';
import { switchBotMode } from '../api/switch-bot-mode';
import { BotErrorMessage } from './bot-error';

/** The three Live steps: each needs the current password and the bot's name typed out. */
export type LiveStep = 'start' | 'retry' | 'toLive';

type Input = { id: number; confirm: LiveConfirmation };

const REQUESTS: Record<LiveStep, (api: ApiClient, input: Input) => Promise<Bot>> = {
  start: startBot,
  retry: retryBot,
  toLive: (api, input) => switchBotMode(api, { ...input, mode: 'REAL_MARKET_SPOT' }),
};

const TEXT: Record<LiveStep, { title: MessageKey; button: MessageKey }> = {
  start: { title: 'bots.live.startTitle', button: 'bots.live.startButton' },
  retry: { title: 'bots.live.retryTitle', button: 'bots.live.retryButton' },
  toLive: { title: 'bots.live.switchTitle', button: 'bots.live.switchButton' },
};

const FIELD_LABELS: Record<string, MessageKey> = {
  maxExposure: 'bots.field.maxExposure',
  dailyLossLimit: 'bots.field.dailyLossLimit',
  pairs: 'bots.field.pairs',
};

type Props = {
  bot: Bot;
  step: LiveStep;
  /** The installation's Live gates (environment, switch, key), from Settings. */
  gates: ReactNode;
  onDone: (bot: Bot) => void;
  onClose: () => void;
};

/** Real money: shows the gates, asks for the current password and the bot's name, then asks the server. */
export function LiveDialog({ bot, step, gates, onDone, onClose }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const formId = useId();
  const action = useBotMutation(REQUESTS[step]);
  const [errors, setErrors] = useState<{ password?: string; confirmName?: string }>({});
  const fieldErrors = Object.entries(serverFieldErrors(action.error, i18n));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    const confirmName = String(data.get('confirmName') ?? '');
    const next: typeof errors = {};
    if (!password) next.password = t('form.required');
    if (confirmName !== bot.name) next.confirmName = t('bots.live.nameMismatch');
    setErrors(next);
    if (next.password || next.confirmName) return;
    action.mutate({ id: bot.id, confirm: { password, confirmName } }, { onSuccess: onDone });
  }

  return (
    <Dialog
      title={t(TEXT[step].title, { name: bot.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            form={formId}
            className="button button-live"
            disabled={action.isPending}
          >
            {action.isPending ? t('form.wait') : t(TEXT[step].button)}
          </button>
        </>
      }
    >
      <p className="alert alert-warn">{t('bots.live.warning')}</p>
      {gates}
      {action.error ? (
        <BotErrorMessage error={action.error} isModeSwitch={step === 'toLive'} />
      ) : null}
      {fieldErrors.length > 0 ? (
        <ul className="field-error">
          {fieldErrors.map(([path, message]) => {
            const field = path.split('.')[0] ?? path;
            const label = Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
            return <li key={path}>{label ? `${t(label)}: ${message}` : message}</li>;
          })}
        </ul>
      ) : null}
      <form id={formId} className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('bots.live.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          error={errors.password}
        />
        <TextField
          label={t('bots.live.confirmName', { name: bot.name })}
          name="confirmName"
          autoComplete="off"
          spellCheck={false}
          error={errors.confirmName}
        />
      </form>
    </Dialog>
  );
}
