import { useId } from 'react';

import { useI18n } from '../../../i18n/use-t';
import type { RoiRow } from '../lib/bot-form-values';

type RoiFieldProps = {
  enabled: boolean;
  rows: RoiRow[];
  onToggle: (enabled: boolean) => void;
  onChange: (rows: RoiRow[]) => void;
  /** The strategy's own table, shown as what applies without an override. */
  strategyRoi: Record<string, number> | null | undefined;
  error?: string;
  rowErrors: Record<string, string>;
};

/** Freqtrade's minimal_roi: after N minutes, sell at this profit ratio (0.04 = 4 %). */
export function RoiField({
  enabled,
  rows,
  onToggle,
  onChange,
  strategyRoi,
  error,
  rowErrors,
}: RoiFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const update = (index: number, patch: Partial<RoiRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const strategyText = strategyRoi
    ? Object.entries(strategyRoi)
        .map(([minutes, ratio]) => `${minutes} min: ${ratio}`)
        .join(', ')
    : t('common.none');
  return (
    <fieldset className="field roi-field">
      <legend>{t('bots.field.minimalRoi')}</legend>
      <label className="radio">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => onToggle(event.target.checked)}
        />
        {t('bots.form.overrideRoi')}
      </label>
      <p className="field-hint">{t('bots.form.strategyDefault', { value: strategyText })}</p>
      {enabled ? (
        <ol className="roi-rows">
          {rows.map((row, index) => (
            <li key={index} className="roi-row">
              <div className="field">
                <label htmlFor={`${id}-m${index}`}>{t('bots.form.roiMinutes')}</label>
                <input
                  id={`${id}-m${index}`}
                  inputMode="numeric"
                  value={row.minutes}
                  aria-invalid={rowErrors[`roi.${index}.minutes`] ? true : undefined}
                  onChange={(event) => update(index, { minutes: event.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-r${index}`}>{t('bots.form.roiRatio')}</label>
                <input
                  id={`${id}-r${index}`}
                  inputMode="decimal"
                  value={row.ratio}
                  aria-invalid={rowErrors[`roi.${index}.ratio`] ? true : undefined}
                  onChange={(event) => update(index, { ratio: event.target.value })}
                />
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('bots.form.removeRoiStep', { step: index + 1 })}
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                ×
              </button>
              {(rowErrors[`roi.${index}.minutes`] ?? rowErrors[`roi.${index}.ratio`]) ? (
                <p className="field-error">
                  {rowErrors[`roi.${index}.minutes`] ?? rowErrors[`roi.${index}.ratio`]}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {enabled ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onChange([...rows, { minutes: '', ratio: '' }])}
        >
          {t('bots.form.addRoiStep')}
        </button>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
