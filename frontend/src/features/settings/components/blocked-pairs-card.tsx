import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useRiskSettings } from '../api/get-risk-settings';
import { useSaveRiskSettings } from '../api/save-risk-settings';

function Editor({ initial }: { initial: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const save = useSaveRiskSettings();
  const [pairs, setPairs] = useState(initial);
  const [draft, setDraft] = useState('');
  const server = serverFieldErrors(save.error, i18n);

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pair = draft.trim().toUpperCase();
    if (pair && !pairs.includes(pair)) setPairs([...pairs, pair]);
    setDraft('');
  }

  return (
    <div className="stack">
      {save.isSuccess ? <Alert tone="success">{t('risk.saved')}</Alert> : null}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      {pairs.length === 0 ? <p className="muted">{t('risk.none')}</p> : null}
      <ul className="pair-list">
        {pairs.map((pair, index) => (
          <li key={pair} className={server[`blockedPairs.${index}`] ? 'pair pair-invalid' : 'pair'}>
            <span>{pair}</span>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('risk.remove', { pair })}
              onClick={() => setPairs(pairs.filter((p) => p !== pair))}
            >
              ×
            </button>
            {server[`blockedPairs.${index}`] ? (
              <span className="field-error">{server[`blockedPairs.${index}`]}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <form className="form inline-form" onSubmit={add} noValidate>
        <TextField
          label={t('risk.addLabel')}
          value={draft}
          placeholder="LUNA/USDT"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button-secondary">
          {t('risk.add')}
        </button>
      </form>
      <div>
        <button
          type="button"
          className="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ blockedPairs: pairs })}
        >
          {save.isPending ? t('form.wait') : t('risk.save')}
        </button>
      </div>
    </div>
  );
}

/** Pairs no bot may trade; every bot's next config carries them as its blacklist. */
export function BlockedPairsCard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  const risk = useRiskSettings();
  if (risk.isPending) return <Loading />;
  if (risk.error) return <ErrorMessage error={risk.error} />;
  return (
    <div className="stack">
      <p className="muted">{t('risk.intro')}</p>
      {isAdmin ? (
        <Editor initial={risk.data.blockedPairs} />
      ) : risk.data.blockedPairs.length === 0 ? (
        <p className="muted">{t('risk.none')}</p>
      ) : (
        <ul className="pair-list">
          {risk.data.blockedPairs.map((pair) => (
            <li key={pair} className="pair">
              {pair}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
