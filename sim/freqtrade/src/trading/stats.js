import { calcProfit, fmtDate } from './trade-json.js';

const r2 = (v) => Number(v.toFixed(2));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => (xs.length ? sum(xs) / xs.length : 0);
const nullIfInf = (v) => (Number.isFinite(v) ? v : null);

/** Python timedelta text: `1:23:45` or `1 day, 2:00:00`. */
export function timedeltaText(ms) {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const rest = total % 86400;
  const hms = `${Math.floor(rest / 3600)}:${String(Math.floor((rest % 3600) / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  return days ? `${days} day${days === 1 ? '' : 's'}, ${hms}` : hms;
}

function humanize(ms) {
  if (!ms) return '';
  const mins = Math.round((Date.now() - ms) / 60000);
  if (mins < 1) return 'just now';
  if (mins < 60) return `${mins} minutes ago`;
  const hours = Math.round(mins / 60);
  return hours < 24 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
}

function drawdown(closed, startingCapital) {
  let cum = 0;
  let peak = 0;
  let peakTs = 0;
  let best = { abs: 0, ratio: 0, start: 0, end: 0 };
  for (const t of [...closed].sort((a, b) => a.close_date - b.close_date)) {
    cum += t.close_profit_abs ?? 0;
    if (cum > peak) {
      peak = cum;
      peakTs = t.close_date;
    }
    const dd = peak - cum;
    if (dd > best.abs) {
      best = { abs: dd, ratio: dd / (startingCapital + peak), start: peakTs, end: t.close_date };
    }
  }
  return best;
}

/** GET /profit (contract §2.8 Profit). `rates` maps pair → current rate for open trades. */
export function profitStats(trades, { rates, startingCapital, botStart }) {
  const closed = trades.filter((t) => t.is_open === 0);
  const open = trades.filter((t) => t.is_open === 1);
  const closedAbs = closed.map((t) => t.close_profit_abs ?? 0);
  const closedRatio = closed.map((t) => t.close_profit ?? 0);
  const openP = open.map((t) => calcProfit(t, rates[t.pair] ?? NaN));
  const allAbs = [...closedAbs, ...openP.map((p) => p.profit_abs ?? 0)];
  const allRatio = [...closedRatio, ...openP.map((p) => p.profit_ratio ?? 0)];
  const wins = closed.filter((t) => t.close_profit_abs > 0);
  const losses = closed.filter((t) => t.close_profit_abs < 0);
  const grossWin = sum(wins.map((t) => t.close_profit_abs));
  const grossLoss = -sum(losses.map((t) => t.close_profit_abs));
  const byPair = performance(closed)[0];
  const first = trades[0];
  const latest = trades.at(-1);
  const dd = drawdown(closed, startingCapital);
  const winrate = closed.length ? wins.length / closed.length : 0;
  const avgWin = wins.length ? grossWin / wins.length : 0;
  const avgLoss = losses.length ? grossLoss / losses.length : 0;
  const expectancy = closed.length ? winrate * avgWin - (1 - winrate) * avgLoss : 0;
  const durations = closed.map((t) => t.close_date - t.open_date);
  return {
    profit_closed_coin: sum(closedAbs),
    profit_closed_percent_mean: r2(mean(closedRatio) * 100),
    profit_closed_ratio_mean: mean(closedRatio),
    profit_closed_percent_sum: r2(sum(closedRatio) * 100),
    profit_closed_ratio_sum: sum(closedRatio),
    profit_closed_percent: r2((sum(closedAbs) / startingCapital) * 100),
    profit_closed_ratio: sum(closedAbs) / startingCapital,
    profit_closed_fiat: 0,
    profit_all_coin: sum(allAbs),
    profit_all_percent_mean: r2(mean(allRatio) * 100),
    profit_all_ratio_mean: mean(allRatio),
    profit_all_percent_sum: r2(sum(allRatio) * 100),
    profit_all_ratio_sum: sum(allRatio),
    profit_all_percent: r2((sum(allAbs) / startingCapital) * 100),
    profit_all_ratio: sum(allAbs) / startingCapital,
    profit_all_fiat: 0,
    trade_count: trades.length,
    closed_trade_count: closed.length,
    first_trade_date: first ? fmtDate(first.open_date) : '',
    first_trade_humanized: first ? humanize(first.open_date) : '',
    first_trade_timestamp: first ? first.open_date : 0,
    latest_trade_date: latest ? fmtDate(latest.open_date) : '',
    latest_trade_humanized: latest ? humanize(latest.open_date) : '',
    latest_trade_timestamp: latest ? latest.open_date : 0,
    avg_duration: timedeltaText(mean(durations)),
    best_pair: byPair ? byPair.pair : '',
    best_rate: byPair ? r2(byPair.profit_ratio * 100) : 0,
    best_pair_profit_ratio: byPair ? byPair.profit_ratio : 0,
    winning_trades: wins.length,
    losing_trades: losses.length,
    profit_factor: nullIfInf(grossLoss === 0 ? Infinity : grossWin / grossLoss),
    winrate,
    expectancy,
    expectancy_ratio: avgLoss > 0 ? (1 + avgWin / avgLoss) * winrate - 1 : 0,
    max_drawdown: dd.ratio,
    max_drawdown_abs: dd.abs,
    max_drawdown_start: dd.start ? fmtDate(dd.start) : '',
    max_drawdown_start_timestamp: dd.start,
    max_drawdown_end: dd.end ? fmtDate(dd.end) : '',
    max_drawdown_end_timestamp: dd.end,
    trading_volume: sum(
      trades.flatMap((t) => t.orders.map((o) => (o.filled ?? 0) * (o.average ?? o.price ?? 0))),
    ),
    bot_start_timestamp: botStart ?? 0,
    bot_start_date: botStart ? fmtDate(botStart) : '',
  };
}

function grouped(closed, keyOf, keyName) {
  const groups = new Map();
  for (const t of closed) {
    const key = keyOf(t);
    const g = groups.get(key) ?? { ratio: 0, abs: 0, count: 0 };
    g.ratio += t.close_profit ?? 0;
    g.abs += t.close_profit_abs ?? 0;
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      [keyName]: key,
      profit_ratio: g.ratio,
      profit_pct: r2(g.ratio * 100),
      profit_abs: g.abs,
      count: g.count,
    }))
    .sort((a, b) => b.profit_abs - a.profit_abs);
}

export function performance(closed) {
  return grouped(closed, (t) => t.pair, 'pair').map((row) => ({
    pair: row.pair,
    profit: row.profit_pct,
    profit_pct: row.profit_pct,
    profit_ratio: row.profit_ratio,
    profit_abs: row.profit_abs,
    count: row.count,
  }));
}

export const tagStats = {
  entries: (closed) => grouped(closed, (t) => t.enter_tag ?? 'Other', 'enter_tag'),
  exits: (closed) => grouped(closed, (t) => t.exit_reason ?? 'Other', 'exit_reason'),
  mix_tags: (closed) =>
    grouped(closed, (t) => `${t.enter_tag ?? 'Other'} ${t.exit_reason ?? 'Other'}`, 'mix_tag'),
};

function periodStart(ms, unit) {
  const d = new Date(ms);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (unit === 'days') return day;
  if (unit === 'weeks') return day - ((d.getUTCDay() + 6) % 7) * 86400000;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function previousStart(start, unit) {
  if (unit === 'days') return start - 86400000;
  if (unit === 'weeks') return start - 7 * 86400000;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
}

/** /daily, /weekly, /monthly: data[0] is the current period, going backwards, `timescale` rows. */
export function timeunitProfit(closed, { unit, timescale, startingCapital, stakeCurrency }) {
  const starts = [periodStart(Date.now(), unit)];
  while (starts.length < timescale) starts.push(previousStart(starts.at(-1), unit));
  const totalAbs = sum(closed.map((t) => t.close_profit_abs ?? 0));
  let laterAbs = 0;
  const data = starts.map((start, i) => {
    const end = i === 0 ? Infinity : starts[i - 1];
    const inPeriod = closed.filter((t) => t.close_date >= start && t.close_date < end);
    const abs = sum(inPeriod.map((t) => t.close_profit_abs ?? 0));
    laterAbs += abs;
    const startingBalance = startingCapital + totalAbs - laterAbs;
    const dd = new Date(start);
    return {
      date: `${dd.getUTCFullYear()}-${String(dd.getUTCMonth() + 1).padStart(2, '0')}-${String(dd.getUTCDate()).padStart(2, '0')}`,
      abs_profit: abs,
      rel_profit: startingBalance > 0 ? abs / startingBalance : 0,
      starting_balance: startingBalance,
      fiat_value: 0,
      trade_count: inPeriod.length,
    };
  });
  return { data, fiat_display_currency: '', stake_currency: stakeCurrency };
}

/** GET /stats: exit reasons with wins/losses/draws and average durations in seconds. */
export function exitStats(closed) {
  const exitReasons = {};
  const dur = { wins: [], draws: [], losses: [] };
  for (const t of closed) {
    const kind = t.close_profit_abs > 0 ? 'wins' : t.close_profit_abs < 0 ? 'losses' : 'draws';
    const reason = t.exit_reason ?? 'Other';
    exitReasons[reason] ??= { wins: 0, losses: 0, draws: 0 };
    exitReasons[reason][kind] += 1;
    dur[kind].push((t.close_date - t.open_date) / 1000);
  }
  const avg = (xs) => (xs.length ? mean(xs) : null);
  return {
    exit_reasons: exitReasons,
    durations: { wins: avg(dur.wins), draws: avg(dur.draws), losses: avg(dur.losses) },
  };
}
