import { describe, expect, it } from 'vitest';

import {
  checkBotSettings,
  type MarketRules,
  type RuleContext,
} from '../../src/domain/bot-rules.js';
import { nextDesiredState, type BotId, type BotSettings } from '../../src/domain/bot.js';

const MARKETS: Record<string, MarketRules> = {
  'BTC/USDT': { symbol: 'BTC/USDT', quote: 'USDT', active: true, minNotional: 5 },
  'ETH/USDT': { symbol: 'ETH/USDT', quote: 'USDT', active: true, minNotional: 10 },
  'OLD/USDT': { symbol: 'OLD/USDT', quote: 'USDT', active: false, minNotional: 5 },
  'ETH/BTC': { symbol: 'ETH/BTC', quote: 'BTC', active: true, minNotional: 0.0001 },
};

function settings(over: Partial<BotSettings> = {}): BotSettings {
  return {
    name: 'Trend follower',
    description: '',
    mode: 'SIMULATED',
    strategy: 'EmaCrossStrategy',
    strategyParams: {},
    timeframe: '5m',
    pairs: ['BTC/USDT', 'ETH/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 2,
    maxExposure: 40,
    stoploss: null,
    minimalRoi: null,
    dailyLossLimit: null,
    ...over,
  };
}

function context(over: Partial<RuleContext> = {}): RuleContext {
  return {
    selfId: null,
    market: (symbol) => MARKETS[symbol],
    marketsKnown: true,
    strategyExists: (name) => name === 'EmaCrossStrategy',
    others: [],
    ...over,
  };
}

const rules = (s: BotSettings, c = context()) =>
  checkBotSettings(s, c).map((i) => [i.path, i.rule, i.params]);

describe('checkBotSettings', () => {
  it('when everything holds, then there is no issue', () => {
    expect(checkBotSettings(settings(), context())).toEqual([]);
  });

  it('when the name is empty, too long, has a newline or is taken (any case), then the name field says which', () => {
    expect(rules(settings({ name: '' }))).toEqual([['name', 'required', {}]]);
    expect(rules(settings({ name: 'x'.repeat(41) }))).toEqual([
      ['name', 'too-long', { maximum: 40 }],
    ]);
    expect(rules(settings({ name: 'two\nlines' }))).toEqual([
      ['name', 'no-control-characters', {}],
    ]);
    const others = [
      { id: 9 as BotId, name: 'TREND follower', mode: 'SIMULATED' as const, pairs: [] },
    ];
    expect(rules(settings(), context({ others }))).toEqual([['name', 'name-taken', {}]]);
    expect(rules(settings(), context({ others, selfId: 9 as BotId }))).toEqual([]);
  });

  it('when a name has quotes, %( or ] and unicode, then it is accepted as typed', () => {
    expect(rules(settings({ name: `"Ünïcødé" %(x)s ] 🚀` }))).toEqual([]);
  });

  it('when pairs are malformed, repeated, in another quote, unknown or inactive, then each pair is named', () => {
    const pairs = ['btc/usdt', 'BTC/USDT', 'BTC/USDT', 'ETH/BTC', 'NOPE/USDT', 'OLD/USDT'];
    expect(rules(settings({ pairs, stakeAmount: 20 }))).toEqual([
      ['pairs.0', 'pair-format', {}],
      ['pairs.2', 'pair-duplicate', {}],
      ['pairs.3', 'pair-quote-mismatch', { quote: 'USDT' }],
      ['pairs.4', 'pair-unknown', {}],
      ['pairs.5', 'pair-inactive', {}],
    ]);
  });

  it('when the stake is below a pair minimum, then the message shows the highest minimum and its pair', () => {
    const issues = checkBotSettings(settings({ stakeAmount: 6, maxExposure: 12 }), context());
    expect(issues).toEqual([
      {
        path: 'stakeAmount',
        rule: 'stake-below-minimum',
        params: { minimum: 10, pair: 'ETH/USDT' },
        message: 'must be at least 10, the minimum order value of ETH/USDT',
      },
    ]);
  });

  it('when stake × max open trades passes max exposure, then max exposure says the minimum', () => {
    expect(rules(settings({ stakeAmount: 20, maxOpenTrades: 3, maxExposure: 50 }))).toEqual([
      ['maxExposure', 'exposure-too-small', { minimum: 60 }],
    ]);
  });

  it('when the strategy is unknown, then strategy says so', () => {
    expect(rules(settings({ strategy: 'Nope' }))).toEqual([['strategy', 'strategy-unknown', {}]]);
  });

  it('when a Live bot shares a pair with another Live bot, or has no loss limit, then both are refused', () => {
    const others = [
      { id: 3 as BotId, name: 'Other', mode: 'REAL_MARKET_SPOT' as const, pairs: ['ETH/USDT'] },
      { id: 4 as BotId, name: 'Paper one', mode: 'SIMULATED' as const, pairs: ['BTC/USDT'] },
    ];
    expect(rules(settings({ mode: 'REAL_MARKET_SPOT' }), context({ others }))).toEqual([
      ['pairs.1', 'pair-live-conflict', { bot: 'Other' }],
      ['dailyLossLimit', 'required-for-live', {}],
    ]);
  });
});

describe('nextDesiredState', () => {
  it('follows the allowed moves of the issue and refuses the others', () => {
    expect(nextDesiredState('CREATED', 'CREATED', 'start')).toBe('RUNNING');
    expect(nextDesiredState('CREATED', 'CREATED', 'pause')).toBeNull();
    expect(nextDesiredState('RUNNING', 'RUNNING', 'pause')).toBe('PAUSED');
    expect(nextDesiredState('RUNNING', 'RUNNING', 'stop')).toBe('STOPPED');
    expect(nextDesiredState('PAUSED', 'PAUSED', 'resume')).toBe('RUNNING');
    expect(nextDesiredState('PAUSED', 'PAUSED', 'stop')).toBe('STOPPED');
    expect(nextDesiredState('STOPPED', 'STOPPED', 'start')).toBe('RUNNING');
    expect(nextDesiredState('STOPPED', 'STOPPED', 'pause')).toBeNull();
    expect(nextDesiredState('ERROR', 'RUNNING', 'stop')).toBe('STOPPED');
    expect(nextDesiredState('ERROR', 'PAUSED', 'retry')).toBe('PAUSED');
    expect(nextDesiredState('ERROR', 'RUNNING', 'pause')).toBeNull();
    expect(nextDesiredState('CREATED', 'CREATED', 'delete')).toBe('deleted');
    expect(nextDesiredState('STOPPED', 'STOPPED', 'delete')).toBe('deleted');
    expect(nextDesiredState('RUNNING', 'RUNNING', 'delete')).toBeNull();
    expect(nextDesiredState('PAUSED', 'PAUSED', 'delete')).toBeNull();
    expect(nextDesiredState('ERROR', 'RUNNING', 'delete')).toBeNull();
  });
});
