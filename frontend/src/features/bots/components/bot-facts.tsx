import { useI18n } from '../../../i18n/use-t';
import type { Bot } from '../api/get-bots';

/** The stake currency is the quote of the first pair (backend checkBotSettings). */
export function stakeCurrency(pairs: string[]): string {
  return pairs[0]?.split('/')[1] ?? '';
}

/** Settings and, when the bot's API answered, its live figures; unknown figures say so. */
export function BotFacts({ bot }: { bot: Bot }) {
  const { t, formatNumber } = useI18n();
  const quote = stakeCurrency(bot.pairs);
  const money = (value: number) => `${formatNumber(value, { maximumFractionDigits: 8 })} ${quote}`;
  const signed = (value: number) =>
    `${formatNumber(value, { maximumFractionDigits: 8, signDisplay: 'exceptZero' })} ${quote}`;
  const unknown = <span className="muted">{t('bots.unknown')}</span>;
  return (
    <dl className="facts bot-facts">
      <dt>{t('bots.field.strategy')}</dt>
      <dd>
        {bot.strategy} · {bot.timeframe}
      </dd>
      <dt>{t('bots.field.pairs')}</dt>
      <dd className="bot-pairs">{bot.pairs.join(', ')}</dd>
      <dt>{t('bots.field.stake')}</dt>
      <dd>
        {t('bots.stakeSummary', {
          stake: money(bot.stakeAmount),
          trades: formatNumber(bot.maxOpenTrades),
          exposure: money(bot.maxExposure),
        })}
      </dd>
      <dt>{t('bots.field.dailyLossLimit')}</dt>
      <dd>{bot.dailyLossLimit === null ? t('bots.noLimit') : money(bot.dailyLossLimit)}</dd>
      <dt>{t('bots.field.openTrades')}</dt>
      <dd>{bot.openTrades === null ? unknown : formatNumber(bot.openTrades)}</dd>
      <dt>{t('bots.field.openProfit')}</dt>
      <dd>{bot.openProfitAbs === null ? unknown : signed(bot.openProfitAbs)}</dd>
      <dt>{t('bots.field.realisedToday')}</dt>
      <dd>{bot.realisedToday === null ? unknown : signed(bot.realisedToday)}</dd>
    </dl>
  );
}
