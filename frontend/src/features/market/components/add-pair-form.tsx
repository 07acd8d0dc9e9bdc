import { useState } from 'react';
import type { FormEvent } from 'react';

import { WATCHLIST_MAX } from '../../../../../backend/src/http/routes/market-schemas';
import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { ApiError } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import { addWatchPairInputSchema, useAddWatchPair } from '../api/add-watch-pair';
import { normalisePairInput } from '../lib/pair-param';

/** Adds one pair to the watchlist (admins); the server says whether Binance Spot lists it. */
export function AddPairForm({ pairs }: { pairs: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const add = useAddWatchPair();
  const [text, setText] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const server = serverFieldErrors(add.error, i18n);
  const fieldError = clientError ?? server['pair'];
  // A refusal that is not about the field (the list is full, Binance is away) shows above it.
  const otherError =
    add.error && !(add.error instanceof ApiError && add.error.code === 'validation-failed')
      ? add.error
      : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.reset();
    const pair = normalisePairInput(text);
    if (!addWatchPairInputSchema.safeParse({ pair }).success) {
      setClientError(t('market.add.format'));
      return;
    }
    if (pairs.includes(pair)) {
      setClientError(t('market.add.already', { pair }));
      return;
    }
    setClientError(null);
    add.mutate({ pair }, { onSuccess: () => setText('') });
  }

  return (
    <form className="form add-pair-form" onSubmit={submit} noValidate>
      {otherError ? <ErrorMessage error={otherError} /> : null}
      {add.isSuccess ? (
        <Alert tone="success">{t('market.add.added', { pair: add.variables.pair })}</Alert>
      ) : null}
      <TextField
        label={t('market.add.label')}
        name="pair"
        value={text}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="BTC/USDT"
        hint={t('market.add.hint', { count: pairs.length, max: WATCHLIST_MAX })}
        error={fieldError}
        onChange={(event) => setText(event.target.value)}
      />
      <div>
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? t('form.wait') : t('market.add.submit')}
        </button>
      </div>
    </form>
  );
}
