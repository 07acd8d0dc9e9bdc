import { useId } from 'react';

import { useT } from '../../../i18n/use-t';
import type { Strategy } from '../api/get-strategies';

type StrategyFieldProps = {
  value: string;
  strategies: Strategy[];
  onChange: (name: string) => void;
  error?: string;
};

/** The strategies Freqtrade would load (a bundled one hidden by a user file of the same class is left out). */
export function StrategyField({ value, strategies, onChange, error }: StrategyFieldProps) {
  const t = useT();
  const id = useId();
  const visible = strategies.filter((strategy) => !strategy.isShadowed);
  const chosen = visible.find((strategy) => strategy.name === value);
  const describedBy = [`${id}-about`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{t('bots.field.strategy')}</label>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('bots.form.chooseStrategy')}</option>
        {visible.map((strategy) => (
          <option key={strategy.name} value={strategy.name}>
            {strategy.source === 'user'
              ? t('bots.form.userStrategy', { name: strategy.name })
              : strategy.name}
          </option>
        ))}
        {value && !chosen ? <option value={value}>{value}</option> : null}
      </select>
      <div id={`${id}-about`} className="field-hint">
        {chosen ? (
          <>
            <p className="strategy-description">
              {chosen.description || t('bots.form.noDescription')}
            </p>
            {chosen.error ? (
              <p className="field-error">
                {t('bots.form.strategyUnreadable')} <span lang="en">{chosen.error}</span>
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('bots.form.strategyHint')}</p>
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
