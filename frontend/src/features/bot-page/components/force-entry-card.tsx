import { useId, useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useForceEnter } from '../api/force-enter';
import type { ForceEnterInput } from '../api/force-enter';
import type { BotPageBot } from '../api/get-bot';
import { quoteOf } from '../api/get-bot';

type Values = { pair: string; stake: string; orderType: 'market' | 'limit'; price: string };

/** Field paths the form shows in place; other issues are listed above it. */
const SHOWN = new Set(['pair', 'stakeAmount', 'orderType', 'price']);

/** A decimal typed in either language's way ("12,5" or "12.5"); NaN when it is not one. */
function parseDecimal(text: string): number {
  const normal = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** Why a forced entry cannot be asked for now (the server needs the bot running, not paused). */
export function entryUnavailable(bot: BotPageBot): MessageKey | null {
  if (bot.state === 'RUNNING' && bot.desiredState === 'RUNNING') return null;
  if (bot.desiredState === 'PAUSED' || bot.state === 'PAUSED') return 'botPage.enter.whenPaused';
  return 'botPage.enter.whenStopped';
}

/** An admin opens a trade by hand on one of the bot's pairs (the strategy's signal is skipped). */
export function ForceEntryCard({ bot }: { bot: BotPageBot }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const orderTypeId = useId();
  const pairId = useId();
  const enter = useForceEnter();
  const [values, setValues] = useState<Values>({
    pair: bot.pairs[0] ?? '',
    stake: '',
    orderType: 'market',
    price: '',
  });
  const [asking, setAsking] = useState<ForceEnterInput | null>(null);
  const [clientErrors, setClientErrors] = useState<Partial<Record<keyof Values, MessageKey>>>({});
  const server = serverFieldErrors(enter.error, i18n);
  const errors: Record<string, string | undefined> = {
    ...server,
    ...(clientErrors.stake ? { stakeAmount: t(clientErrors.stake) } : {}),
    ...(clientErrors.price ? { price: t(clientErrors.price) } : {}),
  };
  const otherIssues = Object.entries(server).filter(([path]) => !SHOWN.has(path));
  const unavailable = entryUnavailable(bot);
  const quote = quoteOf(bot);
  const pair = bot.pairs.includes(values.pair) ? values.pair : (bot.pairs[0] ?? '');
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const stake = values.stake.trim() === '' ? undefined : parseDecimal(values.stake);
    const price = values.orderType === 'limit' ? parseDecimal(values.price) : undefined;
    const found: typeof clientErrors = {};
    if (stake !== undefined && !(stake > 0)) found.stake = 'botPage.enter.positiveNumber';
    if (price !== undefined && !(price > 0)) found.price = 'botPage.enter.priceNeeded';
    setClientErrors(found);
    enter.reset();
    if (Object.keys(found).length > 0) return;
    setAsking({
      botId: bot.id,
      pair,
      orderType: values.orderType,
      ...(stake === undefined ? {} : { stakeAmount: stake }),
      ...(price === undefined ? {} : { price }),
    });
  }

  function confirm(input: ForceEnterInput) {
    setAsking(null);
    enter.mutate(input);
  }

  return (
    <Card title={t('botPage.enter.title')} className="force-entry-card">
      {enter.data ? (
        <Alert tone="success">
          {t('botPage.enter.done', { id: enter.data.tradeId, pair: enter.data.pair })}
        </Alert>
      ) : null}
      {enter.error && Object.keys(server).length === 0 ? (
        <ErrorMessage error={enter.error} />
      ) : null}
      {unavailable ? (
        <p className="muted">{t(unavailable, { state: t(`bot.stateInSentence.${bot.state}`) })}</p>
      ) : (
        <form className="form force-entry-form" onSubmit={onSubmit} noValidate>
          <p className="muted">{t('botPage.enter.explain')}</p>
          {otherIssues.length > 0 ? (
            <ul className="field-error">
              {otherIssues.map(([path, message]) => (
                <li key={path}>
                  <code>{path}</code>: {message}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="field">
            <label htmlFor={pairId}>{t('botPage.pair')}</label>
            <select
              id={pairId}
              value={pair}
              aria-invalid={errors['pair'] ? true : undefined}
              aria-describedby={errors['pair'] ? `${pairId}-error` : undefined}
              onChange={(event) => set({ pair: event.target.value })}
            >
              {bot.pairs.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            {errors['pair'] ? (
              <p id={`${pairId}-error`} className="field-error">
                {errors['pair']}
              </p>
            ) : null}
          </div>
          <TextField
            label={t('botPage.enter.stake', { quote })}
            name="stakeAmount"
            inputMode="decimal"
            value={values.stake}
            hint={t('botPage.enter.stakeHint', {
              stake: `${formatNumber(bot.stakeAmount, { maximumFractionDigits: 8 })} ${quote}`,
            })}
            error={errors['stakeAmount']}
            onChange={(event) => set({ stake: event.target.value })}
          />
          <div className="field">
            <label htmlFor={orderTypeId}>{t('botPage.enter.orderType')}</label>
            <select
              id={orderTypeId}
              value={values.orderType}
              onChange={(event) =>
                set({ orderType: event.target.value === 'limit' ? 'limit' : 'market' })
              }
            >
              <option value="market">{t('botPage.enter.market')}</option>
              <option value="limit">{t('botPage.enter.limit')}</option>
            </select>
          </div>
          {values.orderType === 'limit' ? (
            <TextField
              label={t('botPage.enter.price', { quote })}
              name="price"
              inputMode="decimal"
              value={values.price}
              error={errors['price']}
              onChange={(event) => set({ price: event.target.value })}
            />
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={enter.isPending}>
              {enter.isPending ? t('form.wait') : t('botPage.enter.submit')}
            </button>
          </div>
        </form>
      )}
      {asking ? (
        <Dialog
          title={t('botPage.enter.confirmTitle', { pair: asking.pair })}
          onClose={() => setAsking(null)}
          actions={
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAsking(null)}
              >
                {t('common.cancel')}
              </button>
              <button type="button" className="button" onClick={() => confirm(asking)}>
                {t('botPage.enter.confirm')}
              </button>
            </>
          }
        >
          <p>
            {t(
              asking.orderType === 'limit'
                ? 'botPage.enter.confirmLimit'
                : 'botPage.enter.confirmMarket',
              {
                name: bot.name,
                pair: asking.pair,
                stake: `${formatNumber(asking.stakeAmount ?? bot.stakeAmount, {
                  maximumFractionDigits: 8,
                })} ${quote}`,
                price: formatNumber(asking.price ?? 0, { maximumFractionDigits: 8 }),
              },
            )}
          </p>
          {bot.mode === 'REAL_MARKET_SPOT' ? (
            <Alert tone="info">{t('botPage.enter.liveWarning')}</Alert>
          ) : null}
        </Dialog>
      ) : null}
    </Card>
  );
}
