import type { MessageKey } from '../../../i18n/en';
import type { BotSettingsInput } from '../api/create-bot';
import type { Bot } from '../api/get-bots';
import type { BotMode } from './bot-rules';
import { TIMEFRAMES } from './bot-rules';

export type RoiRow = { minutes: string; ratio: string };

/** What the form holds: text as typed, so a half-typed number is not lost or reformatted. */
export type BotFormValues = {
  name: string;
  description: string;
  strategy: string;
  timeframe: string;
  quote: string;
  pairs: string[];
  stakeAmount: string;
  maxOpenTrades: string;
  maxExposure: string;
  stoploss: string;
  useRoi: boolean;
  roi: RoiRow[];
  dailyLossLimit: string;
};

export type FormErrors = Partial<Record<string, MessageKey>>;

export const DEFAULT_QUOTE = 'USDT';

function text(value: number | null): string {
  return value === null ? '' : String(value);
}

/** A new bot starts empty; an edited one starts from its saved settings. */
export function valuesFromBot(bot: Bot | undefined): BotFormValues {
  if (!bot) {
    return {
      name: '',
      description: '',
      strategy: '',
      timeframe: '5m',
      quote: DEFAULT_QUOTE,
      pairs: [],
      stakeAmount: '',
      maxOpenTrades: '1',
      maxExposure: '',
      stoploss: '',
      useRoi: false,
      roi: [{ minutes: '0', ratio: '' }],
      dailyLossLimit: '',
    };
  }
  const roi = Object.entries(bot.minimalRoi ?? {})
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([minutes, ratio]) => ({ minutes, ratio: String(ratio) }));
  return {
    name: bot.name,
    description: bot.description,
    strategy: bot.strategy,
    timeframe: bot.timeframe,
    quote: bot.pairs[0]?.split('/')[1] ?? DEFAULT_QUOTE,
    pairs: [...bot.pairs],
    stakeAmount: String(bot.stakeAmount),
    maxOpenTrades: String(bot.maxOpenTrades),
    maxExposure: String(bot.maxExposure),
    stoploss: text(bot.stoploss),
    useRoi: bot.minimalRoi !== null,
    roi: roi.length > 0 ? roi : [{ minutes: '0', ratio: '' }],
    dailyLossLimit: text(bot.dailyLossLimit),
  };
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** A number as people type it: `10.5` or `10,5` (a decimal comma is usual in Portuguese). */
export function parseNumber(raw: string): number | null {
  const value = raw.trim();
  if (!NUMBER.test(value)) return null;
  return Number(value.replace(',', '.'));
}

type Parsed = { settings: BotSettingsInput; errors: FormErrors };

/**
 * The form's values as the API's settings, plus what is plainly missing or not a number. The
 * server's own rules (ranges, minimum stake, exposure) are left to it: its answer names them.
 */
export function toSettings(
  values: BotFormValues,
  context: { mode: BotMode; strategyParams: BotSettingsInput['strategyParams'] },
): Parsed {
  const errors: FormErrors = {};
  const required = (field: keyof BotFormValues, raw: string): number => {
    if (!raw.trim()) errors[field] = 'form.required';
    else if (parseNumber(raw) === null) errors[field] = 'rule.invalid-type.number';
    return parseNumber(raw) ?? 0;
  };
  const optional = (field: keyof BotFormValues, raw: string): number | null => {
    if (!raw.trim()) return null;
    const value = parseNumber(raw);
    if (value === null) errors[field] = 'rule.invalid-type.number';
    return value;
  };
  if (!values.name.trim()) errors['name'] = 'form.required';
  if (!values.strategy) errors['strategy'] = 'form.required';
  if (values.pairs.length === 0) errors['pairs'] = 'bots.form.pairsRequired';
  const minimalRoi: Record<string, number> = {};
  if (values.useRoi) {
    values.roi.forEach((row, index) => {
      const minutes = row.minutes.trim();
      const ratio = parseNumber(row.ratio);
      if (!/^\d+$/.test(minutes)) errors[`roi.${index}.minutes`] = 'rule.invalid-type.int';
      if (ratio === null) errors[`roi.${index}.ratio`] = 'rule.invalid-type.number';
      else minimalRoi[minutes] = ratio;
    });
  }
  const timeframe = TIMEFRAMES.find((tf) => tf === values.timeframe) ?? '5m';
  const settings: BotSettingsInput = {
    name: values.name.trim(),
    description: values.description.trim(),
    mode: context.mode,
    strategy: values.strategy,
    strategyParams: context.strategyParams,
    timeframe,
    pairs: values.pairs,
    stakeAmount: required('stakeAmount', values.stakeAmount),
    maxOpenTrades: required('maxOpenTrades', values.maxOpenTrades),
    maxExposure: required('maxExposure', values.maxExposure),
    stoploss: optional('stoploss', values.stoploss),
    minimalRoi: values.useRoi ? minimalRoi : null,
    dailyLossLimit: optional('dailyLossLimit', values.dailyLossLimit),
  };
  return { settings, errors };
}

/** The largest minimum order among the chosen pairs, which the stake must reach. */
export function minimumStake(
  pairs: string[],
  markets: { symbol: string; minNotional: number }[] | undefined,
): { minimum: number; pair: string } | null {
  let best: { minimum: number; pair: string } | null = null;
  for (const pair of pairs) {
    const market = markets?.find((m) => m.symbol === pair);
    if (market && market.minNotional > 0 && (!best || market.minNotional > best.minimum)) {
      best = { minimum: market.minNotional, pair };
    }
  }
  return best;
}
