import { ConfigurationError } from '../errors.js';
import { lockJson } from './lock-json.js';
import { ceilToCandle } from './timeframe.js';

const STOP_REASONS = ['stop_loss', 'stoploss_on_exchange', 'trailing_stop_loss', 'liquidation'];
const DEFAULT_TRADE_LIMIT = {
  StoplossGuard: 10,
  MaxDrawdown: 1,
  LowProfitPairs: 1,
  CooldownPeriod: 1,
};
const METHODS = Object.keys(DEFAULT_TRADE_LIMIT);

/** Validates the strategy's `protections` list and fills in Freqtrade's defaults. */
export function normalizeProtections(list, timeframeMs) {
  return (list ?? []).map((p) => {
    if (!METHODS.includes(p.method)) {
      throw new ConfigurationError(
        `Protection handler ${p.method} is not supported by this simulator.`,
      );
    }
    const stops = ['stop_duration', 'stop_duration_candles', 'unlock_at'].filter(
      (k) => p[k] !== undefined,
    );
    if (stops.length > 1) {
      throw new ConfigurationError(`Protections must specify only one of ${stops.join(', ')}.`);
    }
    const stopMs =
      p.stop_duration_candles !== undefined
        ? p.stop_duration_candles * timeframeMs
        : (p.stop_duration ?? 60) * 60000;
    const lookbackMs =
      p.lookback_period_candles !== undefined
        ? p.lookback_period_candles * timeframeMs
        : (p.lookback_period ?? 60) * 60000;
    let unlockText = `${p.stop_duration ?? 60} min`;
    if (p.stop_duration_candles !== undefined) unlockText = `${p.stop_duration_candles} candles`;
    if (p.unlock_at !== undefined) unlockText = `until ${p.unlock_at}`;
    return {
      ...p,
      tradeLimit: p.trade_limit ?? DEFAULT_TRADE_LIMIT[p.method],
      stopMs,
      lookbackMs,
      unlockText,
      lookbackText: `${Math.round(lookbackMs / 60000)} min`,
    };
  });
}

function unlockAt(hhmm, now) {
  const [h, m] = hhmm.split(':').map(Number);
  const d = new Date(now);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), h, m);
  if (t <= now) t += 86400000;
  return t;
}

function maxDrawdown(trades) {
  let cum = 0;
  let peak = 0;
  let dd = 0;
  for (const t of trades) {
    cum += t.close_profit ?? 0;
    peak = Math.max(peak, cum);
    dd = Math.max(dd, peak - cum);
  }
  return dd;
}

/** Which lock (if any) protection `p` wants for `pair` ('*' = global) given closed trades. */
function evaluate(p, pair, closed, now) {
  const recent = closed.filter(
    (t) => t.close_date >= now - p.lookbackMs && (pair === '*' || t.pair === pair),
  );
  let relevant = [];
  let reason = '';
  if (p.method === 'CooldownPeriod' && pair !== '*') {
    relevant = recent;
    reason = `Cooldown period for ${p.unlockText}.`;
  } else if (p.method === 'StoplossGuard' && (pair !== '*' || !p.only_per_pair)) {
    relevant = recent.filter(
      (t) =>
        STOP_REASONS.includes(t.exit_reason) &&
        t.close_profit !== 0 &&
        t.close_profit < (p.required_profit ?? 0),
    );
    if (relevant.length < p.tradeLimit) return null;
    reason = `${p.tradeLimit} stoplosses in ${p.lookbackText}, locking ${p.unlockText}.`;
  } else if (p.method === 'MaxDrawdown' && pair === '*') {
    const dd = maxDrawdown(recent);
    if (recent.length < p.tradeLimit || dd <= (p.max_allowed_drawdown ?? 0)) return null;
    relevant = recent;
    reason = `${dd} passed ${p.max_allowed_drawdown ?? 0} in ${p.lookbackText}, locking ${p.unlockText}.`;
  } else if (p.method === 'LowProfitPairs' && pair !== '*') {
    const profit = recent.reduce((a, t) => a + (t.close_profit ?? 0), 0);
    if (recent.length < p.tradeLimit || profit >= (p.required_profit ?? 0)) return null;
    relevant = recent;
    reason = `${profit} < ${p.required_profit ?? 0} in ${p.lookbackText}, locking ${p.unlockText}.`;
  }
  if (relevant.length === 0) return null;
  const lastClose = Math.max(...relevant.map((t) => t.close_date));
  const end = p.unlock_at !== undefined ? unlockAt(p.unlock_at, now) : lastClose + p.stopMs;
  return { end, reason };
}

/**
 * Runs every protection for the global scope and each traded pair, creating pair locks and
 * notifying protection_trigger / protection_trigger_global for each new lock.
 */
export function runProtections(bot) {
  if (bot.protections.length === 0) return;
  const now = Date.now();
  const closed = bot.repo.closedTrades();
  const pairs = ['*', ...new Set(closed.map((t) => t.pair))];
  for (const p of bot.protections) {
    for (const pair of pairs) {
      const want = evaluate(p, pair, closed, now);
      if (!want) continue;
      const end = ceilToCandle(want.end, bot.config.timeframe);
      if (end <= now) continue;
      const active = bot.repo.activeLocks(now).filter((l) => l.pair === pair);
      if (active.some((l) => l.lock_end_time >= end)) continue;
      const lock = {
        pair,
        side: p.only_per_side ? 'long' : '*',
        reason: want.reason,
        lock_time: now,
        lock_end_time: end,
        active: 1,
      };
      lock.id = bot.repo.insertLock(lock);
      bot.log.info(`Lock ${pair}: ${want.reason}`);
      const base = pair === '*' ? '' : pair.split('/')[0];
      bot.notify({
        type: pair === '*' ? 'protection_trigger_global' : 'protection_trigger',
        base_currency: base,
        ...lockJson(lock),
      });
    }
  }
}
