import { TIMEFRAMES } from '../../../lib/timeframes';

/** The timeframes the chart offers: up to a day (the bot's own is added when it is longer). */
export const CHART_TIMEFRAMES = TIMEFRAMES.filter((t) => t !== '3d' && t !== '1w' && t !== '1M');

export function chartTimeframes(botTimeframe: string): string[] {
  const list: string[] = [...CHART_TIMEFRAMES];
  return list.includes(botTimeframe) ? list : [...list, botTimeframe];
}
