import { useId } from 'react';

import { TextField } from '../../../components/ui/text-field';
import { translateError } from '../../../i18n/translate-error';
import { useI18n } from '../../../i18n/use-t';
import type { Market } from '../api/get-markets';
import type { Strategy } from '../api/get-strategies';
import type { BotFormValues } from '../lib/bot-form-values';
import { minimumStake, parseNumber } from '../lib/bot-form-values';
import { BOT_NAME_MAX, TIMEFRAMES } from '../lib/bot-rules';
import { PairsField } from './pairs-field';
import { RoiField } from './roi-field';
import { StrategyField } from './strategy-field';

type Props = {
  values: BotFormValues;
  onChange: (patch: Partial<BotFormValues>) => void;
  strategies: Strategy[];
  markets: Market[] | undefined;
  marketsError: unknown;
  /** Translated messages by field path (the server's `pairs.1` included). */
  errors: Record<string, string>;
};

function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path.startsWith(prefix)));
}

function pairErrors(errors: Record<string, string>): Record<number, string> {
  const byIndex: Record<number, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^pairs\.(\d+)$/.exec(path);
    if (match) byIndex[Number(match[1])] = message;
  }
  return byIndex;
}

export function BotFormFields({
  values,
  onChange,
  strategies,
  markets,
  marketsError,
  errors,
}: Props) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const timeframeId = useId();
  const strategy = strategies.find((s) => s.name === values.strategy);
  const minimum = minimumStake(values.pairs, markets);
  const stake = parseNumber(values.stakeAmount);
  const trades = parseNumber(values.maxOpenTrades);
  const money = (n: number) => `${formatNumber(n, { maximumFractionDigits: 8 })} ${values.quote}`;

  const stakeHint = minimum
    ? t('bots.form.minStake', { minimum: money(minimum.minimum), pair: minimum.pair })
    : marketsError
      ? `${t('bots.form.marketsUnknown')} ${translateError(marketsError, i18n)}`
      : t('bots.form.stakeHint', { quote: values.quote });

  return (
    <>
      <TextField
        label={t('bots.field.name')}
        name="name"
        value={values.name}
        autoComplete="off"
        hint={t('bots.form.nameHint', { maximum: BOT_NAME_MAX })}
        error={errors['name']}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <TextField
        label={t('bots.field.description')}
        name="description"
        value={values.description}
        maxLength={500}
        error={errors['description']}
        onChange={(event) => onChange({ description: event.target.value })}
      />
      <StrategyField
        value={values.strategy}
        strategies={strategies}
        error={errors['strategy']}
        onChange={(name) => {
          const chosen = strategies.find((s) => s.name === name);
          const timeframe = TIMEFRAMES.find((tf) => tf === chosen?.timeframe);
          onChange({ strategy: name, ...(timeframe ? { timeframe } : {}) });
        }}
      />
      <div className="field">
        <label htmlFor={timeframeId}>{t('bots.field.timeframe')}</label>
        <select
          id={timeframeId}
          value={values.timeframe}
          aria-invalid={errors['timeframe'] ? true : undefined}
          onChange={(event) => onChange({ timeframe: event.target.value })}
        >
          {TIMEFRAMES.map((tf) => (
            <option key={tf} value={tf}>
              {tf}
            </option>
          ))}
        </select>
        {errors['timeframe'] ? <p className="field-error">{errors['timeframe']}</p> : null}
      </div>
      <TextField
        label={t('bots.field.quote')}
        name="quote"
        value={values.quote}
        autoCapitalize="characters"
        spellCheck={false}
        hint={t('bots.form.quoteHint')}
        onChange={(event) => onChange({ quote: event.target.value.trim().toUpperCase() })}
      />
      <PairsField
        quote={values.quote}
        pairs={values.pairs}
        onChange={(pairs) => onChange({ pairs })}
        markets={markets}
        error={errors['pairs']}
        pairErrors={pairErrors(errors)}
      />
      <TextField
        label={t('bots.field.stakeAmount', { quote: values.quote })}
        name="stakeAmount"
        inputMode="decimal"
        value={values.stakeAmount}
        hint={stakeHint}
        error={errors['stakeAmount']}
        onChange={(event) => onChange({ stakeAmount: event.target.value })}
      />
      <TextField
        label={t('bots.field.maxOpenTrades')}
        name="maxOpenTrades"
        inputMode="numeric"
        value={values.maxOpenTrades}
        error={errors['maxOpenTrades']}
        onChange={(event) => onChange({ maxOpenTrades: event.target.value })}
      />
      <TextField
        label={t('bots.field.maxExposure', { quote: values.quote })}
        name="maxExposure"
        inputMode="decimal"
        value={values.maxExposure}
        hint={
          stake !== null && trades !== null
            ? t('bots.form.exposureHint', { minimum: money(stake * trades) })
            : t('bots.form.exposureHintEmpty')
        }
        error={errors['maxExposure']}
        onChange={(event) => onChange({ maxExposure: event.target.value })}
      />
      <TextField
        label={t('bots.field.stoploss')}
        name="stoploss"
        inputMode="decimal"
        value={values.stoploss}
        hint={t('bots.form.stoplossHint', {
          value: strategy?.stoploss == null ? t('common.none') : formatNumber(strategy.stoploss),
        })}
        error={errors['stoploss']}
        onChange={(event) => onChange({ stoploss: event.target.value })}
      />
      <RoiField
        enabled={values.useRoi}
        rows={values.roi}
        onToggle={(useRoi) => onChange({ useRoi })}
        onChange={(roi) => onChange({ roi })}
        strategyRoi={strategy?.minimalRoi}
        error={errors['minimalRoi'] ?? Object.values(prefixed(errors, 'minimalRoi.'))[0]}
        rowErrors={prefixed(errors, 'roi.')}
      />
    </>
  );
}
