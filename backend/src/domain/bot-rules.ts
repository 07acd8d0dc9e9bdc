// The checks a bot's settings pass before anything is written (issue #4 "Validation"): each
// failure names its field, the rule and the numbers the message needs. Pure: the caller hands in
// the exchange's markets, the known strategies and the other bots.

import { BOT_NAME_MAX, PAIR_PATTERN, isLive, type BotId, type BotSettings } from './bot.js';
import type { ValidationIssue } from './errors.js';

export interface MarketRules {
  symbol: string;
  quote: string;
  active: boolean;
  /** Smallest order value in quote currency (Binance NOTIONAL / MIN_NOTIONAL), when known. */
  minNotional: number | null;
}

export interface OtherBot {
  id: BotId;
  name: string;
  mode: BotSettings['mode'];
  pairs: string[];
}

export interface RuleContext {
  /** The bot being edited, so it does not collide with itself. */
  selfId: BotId | null;
  market(symbol: string): MarketRules | undefined;
  /** False when the exchange's markets could not be loaded: pairs are then checked for shape only. */
  marketsKnown: boolean;
  strategyExists(name: string): boolean;
  others: OtherBot[];
}

// Control characters (newlines, tabs, NUL…) would break log lines and table cells.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

function checkName(name: string, ctx: RuleContext): ValidationIssue[] {
  if (name.length === 0) {
    return [{ path: 'name', rule: 'required', params: {}, message: 'must not be empty' }];
  }
  if ([...name].length > BOT_NAME_MAX) {
    return [
      {
        path: 'name',
        rule: 'too-long',
        params: { maximum: BOT_NAME_MAX },
        message: `must be at most ${BOT_NAME_MAX} characters`,
      },
    ];
  }
  if (CONTROL_CHARS.test(name)) {
    return [
      {
        path: 'name',
        rule: 'no-control-characters',
        params: {},
        message: 'must not contain line breaks, tabs or other control characters',
      },
    ];
  }
  const lower = name.toLocaleLowerCase('en');
  const taken = ctx.others.find(
    (o) => o.id !== ctx.selfId && o.name.toLocaleLowerCase('en') === lower,
  );
  return taken
    ? [{ path: 'name', rule: 'name-taken', params: {}, message: 'another bot has this name' }]
    : [];
}

function checkPairs(settings: BotSettings, quote: string, ctx: RuleContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  settings.pairs.forEach((pair, index) => {
    const path = `pairs.${index}`;
    if (!PAIR_PATTERN.test(pair)) {
      issues.push({
        path,
        rule: 'pair-format',
        params: {},
        message: 'must look like BASE/QUOTE in capitals, e.g. BTC/USDT',
      });
      return;
    }
    if (seen.has(pair)) {
      issues.push({ path, rule: 'pair-duplicate', params: {}, message: 'is listed twice' });
      return;
    }
    seen.add(pair);
    if (pair.split('/')[1] !== quote) {
      issues.push({
        path,
        rule: 'pair-quote-mismatch',
        params: { quote },
        message: `must be quoted in the stake currency ${quote}, like the first pair`,
      });
      return;
    }
    if (!ctx.marketsKnown) return;
    const market = ctx.market(pair);
    if (!market) {
      issues.push({
        path,
        rule: 'pair-unknown',
        params: {},
        message: 'is not a spot market on Binance',
      });
    } else if (!market.active) {
      issues.push({
        path,
        rule: 'pair-inactive',
        params: {},
        message: 'is not trading on Binance now',
      });
    }
  });
  return issues;
}

function checkStake(settings: BotSettings, ctx: RuleContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (ctx.marketsKnown) {
    const minimums = settings.pairs
      .map((pair) => ({ pair, min: ctx.market(pair)?.minNotional ?? null }))
      .filter((m): m is { pair: string; min: number } => m.min !== null);
    const highest = minimums.sort((a, b) => b.min - a.min)[0];
    if (highest && settings.stakeAmount < highest.min) {
      issues.push({
        path: 'stakeAmount',
        rule: 'stake-below-minimum',
        params: { minimum: highest.min, pair: highest.pair },
        message: `must be at least ${highest.min}, the minimum order value of ${highest.pair}`,
      });
    }
  }
  const needed = settings.stakeAmount * settings.maxOpenTrades;
  if (needed > settings.maxExposure + 1e-9) {
    issues.push({
      path: 'maxExposure',
      rule: 'exposure-too-small',
      params: { minimum: needed },
      message: `must be at least stake × max open trades = ${needed}`,
    });
  }
  return issues;
}

/** Two Live bots on one pair would adopt each other's orders (Freqtrade manages a pair's orders). */
function checkLivePairs(settings: BotSettings, ctx: RuleContext): ValidationIssue[] {
  if (!isLive(settings)) return [];
  const issues: ValidationIssue[] = [];
  settings.pairs.forEach((pair, index) => {
    const other = ctx.others.find(
      (o) => o.id !== ctx.selfId && o.mode === 'REAL_MARKET_SPOT' && o.pairs.includes(pair),
    );
    if (other) {
      issues.push({
        path: `pairs.${index}`,
        rule: 'pair-live-conflict',
        params: { bot: other.name },
        message: `is already traded live by the bot "${other.name}"`,
      });
    }
  });
  return issues;
}

/** Every problem with these settings; an empty list means they may be saved. */
export function checkBotSettings(settings: BotSettings, ctx: RuleContext): ValidationIssue[] {
  // The stake currency is the quote of the first well-formed pair; the others must match it.
  const quote = settings.pairs.find((pair) => PAIR_PATTERN.test(pair))?.split('/')[1] ?? '';
  const issues = [
    ...checkName(settings.name, ctx),
    ...checkPairs(settings, quote, ctx),
    ...checkStake(settings, ctx),
    ...checkLivePairs(settings, ctx),
  ];
  if (!ctx.strategyExists(settings.strategy)) {
    issues.push({
      path: 'strategy',
      rule: 'strategy-unknown',
      params: {},
      message: 'is not a strategy in the bundled strategies/ folder or your strategies folder',
    });
  }
  if (isLive(settings) && settings.dailyLossLimit === null) {
    issues.push({
      path: 'dailyLossLimit',
      rule: 'required-for-live',
      params: {},
      message: 'a Live bot needs a daily loss limit',
    });
  }
  return issues;
}
