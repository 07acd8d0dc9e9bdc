import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';

import { useT } from '../../../i18n/use-t';
import type { Market } from '../api/get-markets';

type PairsFieldProps = {
  quote: string;
  pairs: string[];
  onChange: (pairs: string[]) => void;
  /** Active markets in the stake currency, for suggestions; undefined while unknown. */
  markets: Market[] | undefined;
  /** The whole list's error, and each pair's by its index (server paths `pairs` and `pairs.N`). */
  error?: string;
  pairErrors: Record<number, string>;
};

/** `btc` → `BTC/USDT`; a full `eth/btc` is kept as typed, in capitals. */
export function normalisePair(raw: string, quote: string): string {
  const value = raw.trim().toUpperCase();
  if (!value) return '';
  return value.includes('/') ? value : `${value}/${quote}`;
}

/** The pairs a bot trades: typed (with Binance's markets as suggestions) and removed one by one. */
export function PairsField({
  quote,
  pairs,
  onChange,
  markets,
  error,
  pairErrors,
}: PairsFieldProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState('');
  const listId = `${id}-markets`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function add() {
    const pair = normalisePair(draft, quote);
    if (!pair) return;
    if (!pairs.includes(pair)) onChange([...pairs, pair]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  }

  return (
    <fieldset className="field pairs-field">
      <legend>{t('bots.field.pairs')}</legend>
      {pairs.length > 0 ? (
        <ul className="pair-list">
          {pairs.map((pair, index) => {
            const pairError = pairErrors[index];
            return (
              <li key={pair} className={pairError ? 'pair pair-invalid' : 'pair'}>
                <span>{pair}</span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('bots.form.removePair', { pair })}
                  onClick={() => onChange(pairs.filter((p) => p !== pair))}
                >
                  ×
                </button>
                {pairError ? <span className="field-error">{pairError}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="pair-add">
        <label htmlFor={id} className="sr-only">
          {t('bots.form.addPairLabel')}
        </label>
        <input
          id={id}
          value={draft}
          list={listId}
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={`BTC/${quote}`}
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button-secondary" onClick={add}>
          {t('bots.form.addPair')}
        </button>
      </div>
      <datalist id={listId}>
        {(markets ?? [])
          .filter((market) => market.active && !pairs.includes(market.symbol))
          .map((market) => (
            <option key={market.symbol} value={market.symbol} />
          ))}
      </datalist>
      <p id={hintId} className="field-hint">
        {t('bots.form.pairsHint', { quote })}
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
