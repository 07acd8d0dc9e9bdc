import { DependencyError } from '../errors.js';

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Stake tied up in open trades (requested stake for unfilled entries). */
export function tiedUp(openTrades) {
  return sum(openTrades.map((t) => t.stake_amount));
}

function closedProfit(repo) {
  return sum(
    repo.allTrades().map((t) => (t.is_open ? (t.realized_profit ?? 0) : (t.close_profit_abs ?? 0))),
  );
}

/** Free stake-currency balance: dry wallet + realised profit − tied stake, or the exchange's free. */
export function freeStake(bot) {
  if (bot.config.dry_run) {
    return bot.config.dry_run_wallet + closedProfit(bot.repo) - tiedUp(bot.repo.openTrades());
  }
  return bot.liveBalance?.free?.[bot.config.stake_currency] ?? 0;
}

/** wallets.get_starting_balance: available_capital, else balance at "start" × tradable_balance_ratio. */
export function startingBalance(bot) {
  if (bot.config.available_capital !== undefined) return bot.config.available_capital;
  const open = bot.repo.openTrades();
  return (
    (freeStake(bot) + tiedUp(open) - closedProfit(bot.repo)) * bot.config.tradable_balance_ratio
  );
}

/** wallets.get_total_stake_amount: what the bot may use in total right now. */
function totalStakeAmount(bot) {
  if (bot.config.available_capital !== undefined) {
    return bot.config.available_capital + closedProfit(bot.repo);
  }
  return (freeStake(bot) + tiedUp(bot.repo.openTrades())) * bot.config.tradable_balance_ratio;
}

/** wallets.get_available_stake_amount: what a new trade may still use. */
export function availableStake(bot) {
  return Math.max(0, totalStakeAmount(bot) - tiedUp(bot.repo.openTrades()));
}

/**
 * wallets.get_trade_stake_amount: the stake for a new trade ("unlimited" splits the capital into
 * max_open_trades buckets; 0 without a free slot). A fixed stake above the available balance
 * throws DependencyError, as _check_available_stake_amount raises DependencyException.
 */
export function tradeStakeAmount(bot) {
  const open = bot.repo.openTrades();
  const tied = tiedUp(open);
  const available = availableStake(bot);
  const cur = bot.config.stake_currency;
  if (bot.config.stake_amount === 'unlimited') {
    const slots = bot.maxOpenTrades;
    if (slots <= 0 || open.length >= slots) return 0;
    return Math.min((available + tied) / slots, available);
  }
  let stake = bot.config.stake_amount;
  // wallets._check_available_stake_amount: with amend_last_stake_amount the stake shrinks to what
  // is left, if that is more than last_stake_amount_min_ratio of it; else nothing is entered.
  if (bot.config.amend_last_stake_amount) {
    const minRatio = bot.config.last_stake_amount_min_ratio ?? 0.5;
    stake = available > stake * minRatio ? Math.min(stake, available) : 0;
  }
  if (stake > available) {
    throw new DependencyError(
      `Available balance (${available} ${cur}) is lower than stake amount (${stake} ${cur})`,
    );
  }
  return stake;
}

/**
 * wallets.validate_stake_amount: 0 (no trade) when there is no stake, the market minimum exceeds
 * what is available, or the stake is more than 30 % below the minimum; otherwise the stake raised
 * to the minimum / lowered to the available balance and the market maximum.
 */
export function validateStake(bot, pair, stake, { minStake, maxStake }) {
  const log = bot.log;
  if (!(stake > 0)) return 0;
  const maxAllowed = Math.min(maxStake ?? Infinity, availableStake(bot));
  if (minStake > maxAllowed) {
    log.warning(`Minimum stake amount > available balance. ${minStake} > ${maxAllowed}`);
    return 0;
  }
  let out = stake;
  if (out < minStake) {
    log.info(
      `Stake amount for pair ${pair} is too small (${out} < ${minStake}), adjusting to ${minStake}.`,
    );
    if (out * 1.3 < minStake) {
      log.info(
        `Adjusted stake amount for pair ${pair} is more than 30% bigger than the desired stake ` +
          `amount of (${out.toFixed(8)} * 1.3 = ${(out * 1.3).toFixed(8)}) < ${minStake}), ignoring trade.`,
      );
      return 0;
    }
    out = minStake;
  }
  if (out > maxAllowed) {
    log.info(
      `Stake amount for pair ${pair} is too big (${out} > ${maxAllowed}), adjusting to ${maxAllowed}.`,
    );
    out = maxAllowed;
  }
  return out;
}

/** GET /balance currencies for dry-run: stake currency plus the base coins of open trades. */
export function dryBalances(bot) {
  const cur = bot.config.stake_currency;
  const open = bot.repo.openTrades();
  const usedByOrders = sum(
    open.filter((t) => t.open_fill_date === null).map((t) => t.stake_amount),
  );
  const free = freeStake(bot);
  const rows = [
    {
      currency: cur,
      free,
      used: usedByOrders,
      balance: free + usedByOrders,
      est_stake: free + usedByOrders,
    },
  ];
  for (const t of open.filter((x) => x.open_fill_date !== null)) {
    const rate = bot.tickers[t.pair]?.last ?? t.open_rate;
    rows.push({
      currency: t.base_currency,
      free: t.amount,
      used: 0,
      balance: t.amount,
      est_stake: t.amount * rate,
    });
  }
  return rows;
}
