import { lastSignal } from '../strategy/behaviours.js';
import { calcProfit } from './trade-json.js';

/** Tracks max/min rate and moves a trailing stop up (never down). Writes the trade. */
export function updateStop(bot, trade, rate) {
  const patch = {
    max_rate: Math.max(trade.max_rate ?? rate, rate),
    min_rate: Math.min(trade.min_rate ?? rate, rate),
  };
  const cfg = bot.config;
  if (cfg.trailing_stop) {
    const profit = calcProfit(trade, rate).profit_ratio;
    const offset = cfg.trailing_stop_positive_offset ?? 0;
    const usePositive = cfg.trailing_stop_positive !== undefined && profit > offset;
    if (!cfg.trailing_only_offset_is_reached || profit > offset) {
      const ratio = usePositive ? -cfg.trailing_stop_positive : bot.stoplossRatio;
      const stop = patch.max_rate * (1 + ratio);
      if (stop > trade.stop_loss)
        Object.assign(patch, {
          stop_loss: stop,
          stop_loss_pct: ratio,
          is_stop_loss_trailing: 1,
          stoploss_last_update: Date.now(),
        });
    }
  }
  bot.repo.updateTrade(trade.id, patch);
}

/** The exit reason Freqtrade would pick at `rate`: stoploss, then minimal_roi, then the signal. */
export function exitReason(bot, trade, rate) {
  const hasExchangeStop = trade.orders.some(
    (o) => o.ft_is_open === 1 && o.ft_order_side === 'stoploss',
  );
  if (rate <= trade.stop_loss && !hasExchangeStop) {
    return trade.is_stop_loss_trailing ? 'trailing_stop_loss' : 'stop_loss';
  }
  const ratio = calcProfit(trade, rate).profit_ratio;
  const minutes = (Date.now() - trade.open_date) / 60000;
  const keys = Object.keys(bot.config.minimal_roi)
    .map(Number)
    .filter((k) => k <= minutes);
  if (keys.length > 0 && ratio >= bot.config.minimal_roi[String(Math.max(...keys))]) return 'roi';
  if (bot.strategy.attrs.use_exit_signal !== false) {
    const df = bot.dataframes.get(trade.pair);
    if (df && lastSignal(df).exit && df.rows.at(-1)[0] >= trade.open_date - bot.timeframeMs)
      return 'exit_signal';
  }
  return null;
}
