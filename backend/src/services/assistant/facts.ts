// The facts a prompt is built from: only what Spotdesk holds (the market feed's snapshot, the
// trade mirror, the bot's settings), each with a stable id the model must cite. Pure.
import type { Bot } from '../../domain/bot.js';
import type { Fact } from '../../http/routes/assistant-schemas.js';
import type { MarketSnapshot } from '../../http/routes/market-schemas.js';

type Value = Fact['value'] | undefined;

/** One fact, or none when the value is missing (null facts are left out, never shown as null). */
function fact(id: string, label: string, value: Value, unit?: string): Fact[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number' && !Number.isFinite(value)) return [];
  return [unit ? { id, label, value, unit } : { id, label, value }];
}

/** `ema50Slope` → `ema50_slope`, `atrPct` → `atr_pct`. */
function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

export function quoteOf(pair: string): string {
  return pair.split('/')[1] ?? '';
}

/** A market summary's facts: price, 24 h figures, every indicator and the regime with its inputs. */
export function marketFacts(snapshot: MarketSnapshot): Fact[] {
  const quote = quoteOf(snapshot.pair);
  const t = snapshot.ticker;
  const i = snapshot.indicators;
  return [
    ...fact('pair', 'Pair', snapshot.pair),
    ...fact('timeframe', 'Candle timeframe of the indicators', snapshot.timeframe),
    ...fact('price_last', 'Last price', t?.last, quote),
    ...fact('change_24h_pct', 'Price change over 24 h', t?.change24hPct, '%'),
    ...fact(
      'volume_24h_quote',
      'Traded volume over 24 h, in the quote currency',
      t?.volume24hQuote,
      quote,
    ),
    ...fact('high_24h', 'Highest price over 24 h', t?.high24h, quote),
    ...fact('low_24h', 'Lowest price over 24 h', t?.low24h, quote),
    ...fact('rsi_14', 'RSI (14)', i.rsi14),
    ...fact('ema_9', 'EMA (9)', i.ema9, quote),
    ...fact('ema_21', 'EMA (21)', i.ema21, quote),
    ...fact('ema_50', 'EMA (50)', i.ema50, quote),
    ...fact('ema_200', 'EMA (200)', i.ema200, quote),
    ...fact('macd', 'MACD line (12, 26)', i.macd),
    ...fact('macd_signal', 'MACD signal line (9)', i.macdSignal),
    ...fact('macd_histogram', 'MACD histogram (line minus signal)', i.macdHistogram),
    ...fact('atr_14', 'ATR (14), average range of one candle', i.atr14, quote),
    ...fact('bb_upper', 'Upper Bollinger band (20, 2)', i.bollingerUpper, quote),
    ...fact('bb_middle', 'Middle Bollinger band (20)', i.bollingerMiddle, quote),
    ...fact('bb_lower', 'Lower Bollinger band (20, 2)', i.bollingerLower, quote),
    ...fact(
      'volume_ratio_20',
      'Last candle volume divided by its 20-candle average',
      i.volumeRatio,
      '×',
    ),
    ...fact('regime', 'Market regime', snapshot.regime.label),
    ...fact('regime_rule', 'Rule that decided the regime', snapshot.regime.rule),
    ...Object.entries(snapshot.regime.numbers).flatMap(([name, value]) =>
      fact(`regime_${snake(name)}`, `Regime rule input ${name}`, value),
    ),
    ...(snapshot.stale
      ? fact('data_stale', 'The feed has had no fresh data for a while', true)
      : []),
  ];
}

/** A trade as the mirror holds it (db/repos/mirror-repo.ts `MirrorTrade`), the fields we use. */
export interface TradeRow {
  ftTradeId: number;
  pair: string;
  isOpen: boolean;
  openedAt: number;
  closedAt: number | null;
  openRate: number;
  closeRate: number | null;
  stakeAmount: number;
  realisedAbs: number;
  profitRatio: number | null;
  exitReason: string | null;
  enterTag: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `trade_<id>` is the pair; its fields are `trade_<id>_…` (citing the trade cites them all). */
export function tradeFacts(t: TradeRow, quote: string): Fact[] {
  const id = `trade_${t.ftTradeId}`;
  const name = `Trade ${t.ftTradeId}`;
  const profit = t.isOpen ? 'profit so far (last sync)' : 'profit';
  return [
    ...fact(id, `${name}: pair (${t.isOpen ? 'open' : 'closed'})`, t.pair),
    ...fact(`${id}_opened_at`, `${name}: opened at (UTC)`, iso(t.openedAt)),
    ...fact(`${id}_closed_at`, `${name}: closed at (UTC)`, iso(t.closedAt)),
    ...fact(`${id}_open_rate`, `${name}: entry price`, t.openRate, quote),
    ...fact(`${id}_close_rate`, `${name}: exit price`, t.closeRate, quote),
    ...fact(`${id}_stake`, `${name}: stake`, t.stakeAmount, quote),
    ...fact(
      `${id}_profit_pct`,
      `${name}: ${profit} in %`,
      t.profitRatio === null ? null : t.profitRatio * 100,
      '%',
    ),
    ...fact(
      `${id}_profit_abs`,
      `${name}: ${t.isOpen ? 'realised so far' : 'profit'}`,
      t.realisedAbs,
      quote,
    ),
    ...fact(`${id}_exit_reason`, `${name}: exit reason`, t.exitReason),
    ...fact(`${id}_enter_tag`, `${name}: entry tag`, t.enterTag),
  ];
}

export interface BotActivity {
  /** Closed, newest first. */
  recentClosed: TradeRow[];
  open: TradeRow[];
  realisedToday: number;
  closedToday: number;
  tradingDayStart: number;
  /** Recent warning and error lines of the bot's log, newest first. */
  problems: Array<{ at: Date; level: string; message: string }>;
}

/** The bot's settings as facts, ids named after the bot form's fields. */
export function settingsFacts(bot: Bot): Fact[] {
  const quote = quoteOf(bot.pairs[0] ?? '');
  return [
    ...fact('stake_amount', 'Stake per trade (stakeAmount)', bot.stakeAmount, quote),
    ...fact('max_open_trades', 'Most trades open at once (maxOpenTrades)', bot.maxOpenTrades),
    ...fact(
      'max_exposure',
      'Most quote currency in positions at once (maxExposure)',
      bot.maxExposure,
      quote,
    ),
    ...fact(
      'stoploss',
      'Stoploss override, a negative ratio of the entry price (stoploss)',
      bot.stoploss,
      'ratio',
    ),
    ...fact(
      'minimal_roi',
      'ROI table override, minutes → ratio (minimalRoi)',
      bot.minimalRoi ? JSON.stringify(bot.minimalRoi) : null,
    ),
    ...fact(
      'daily_loss_limit',
      'Realised loss per trading day that pauses the bot (dailyLossLimit)',
      bot.dailyLossLimit,
      quote,
    ),
    ...fact('timeframe', 'Candle timeframe (timeframe)', bot.timeframe),
    ...fact('pairs', 'Pairs traded (pairs)', bot.pairs.join(', ')),
  ];
}

function recentFacts(closed: TradeRow[], quote: string): Fact[] {
  if (closed.length === 0) return fact('recent_closed_count', 'Closed trades considered', 0);
  const wins = closed.filter((t) => t.realisedAbs > 0).length;
  return [
    ...fact('recent_closed_count', 'Closed trades considered (the most recent)', closed.length),
    ...fact('recent_wins', 'Of those, trades with a profit', wins),
    ...fact('recent_losses', 'Of those, trades with a loss or none', closed.length - wins),
    ...fact(
      'recent_win_rate_pct',
      'Of those, share with a profit',
      (wins / closed.length) * 100,
      '%',
    ),
    ...fact(
      'recent_profit_abs',
      'Of those, total profit',
      closed.reduce((s, t) => s + t.realisedAbs, 0),
      quote,
    ),
  ];
}

/** A bot summary's facts: who the bot is, its day, its recent and open trades, its log's problems. */
export function botFacts(bot: Bot, activity: BotActivity): Fact[] {
  const quote = quoteOf(bot.pairs[0] ?? '');
  return [
    ...fact('bot_name', 'Bot name', bot.name),
    ...fact('bot_description', 'Bot description', bot.description || null),
    ...fact(
      'bot_mode',
      'Mode',
      bot.mode === 'REAL_MARKET_SPOT' ? 'Live (real orders)' : 'Paper (dry-run)',
    ),
    ...fact('bot_state', 'State', bot.state),
    ...fact('bot_state_reason', 'Why it is in that state', bot.stateReason),
    ...fact('strategy', 'Strategy', bot.strategy),
    ...settingsFacts(bot),
    ...fact('trading_day_start', 'Start of the trading day (UTC)', iso(activity.tradingDayStart)),
    ...fact(
      'realised_today',
      'Realised profit of the trades closed today',
      activity.realisedToday,
      quote,
    ),
    ...fact('closed_today', 'Trades closed today', activity.closedToday),
    ...fact('open_trades', 'Trades open now', activity.open.length),
    ...recentFacts(activity.recentClosed, quote),
    ...activity.open.flatMap((t) => tradeFacts(t, quote)),
    ...activity.recentClosed.flatMap((t) => tradeFacts(t, quote)),
    ...activity.problems.flatMap((line, index) =>
      fact(
        `log_${index + 1}`,
        `Log line (${line.level}, ${line.at.toISOString()})`,
        line.message.slice(0, 300),
      ),
    ),
  ];
}

/** Facts in order, the first of each id kept (bot facts before the market's for a recommendation). */
export function mergeFacts(...groups: Fact[][]): Fact[] {
  const seen = new Set<string>();
  return groups.flat().filter((f) => !seen.has(f.id) && Boolean(seen.add(f.id)));
}
