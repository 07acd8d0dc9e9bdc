import type { Fact } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { Formatters } from '../../../i18n/formatters';

type Format = Pick<Formatters, 'formatNumber' | 't'>;

const percent = (f: Format, ratio: number) =>
  f.formatNumber(ratio, { style: 'percent', maximumFractionDigits: 2, signDisplay: 'auto' });

/** A fact's value as data: numbers in the user's locale with their unit, text as it is. */
export function formatFactValue(f: Format, fact: Fact): string {
  const { value, unit } = fact;
  if (value === null) return f.t('common.none');
  if (typeof value === 'boolean') return f.t(value ? 'common.yes' : 'common.no');
  const text =
    typeof value === 'number' ? f.formatNumber(value, { maximumFractionDigits: 8 }) : value;
  return unit ? `${text} ${unit}` : text;
}

/** Fields whose numbers are ratios (-0.1 is a 10 % stop-loss), shown as percentages. */
const RATIO_FIELDS = new Set(['stoploss']);

/**
 * A bot setting's value as the diff shows it: "none" for null, ratios as percentages, ROI steps
 * as "30 min → 2%", lists joined; anything else as its JSON, never as markup.
 */
export function formatSettingValue(f: Format, field: string, value: unknown): string {
  if (value === null || value === undefined) return f.t('assistant.value.none');
  if (typeof value === 'number') {
    return RATIO_FIELDS.has(field)
      ? percent(f, value)
      : f.formatNumber(value, { maximumFractionDigits: 8 });
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return f.t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.map((item) => formatSettingValue(f, '', item)).join(', ');
  if (field === 'minimalRoi' && typeof value === 'object') {
    return Object.entries(value)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([minutes, ratio]) =>
        f.t('assistant.value.roiStep', {
          minutes,
          ratio: typeof ratio === 'number' ? percent(f, ratio) : String(ratio),
        }),
      )
      .join('; ');
  }
  return JSON.stringify(value);
}
