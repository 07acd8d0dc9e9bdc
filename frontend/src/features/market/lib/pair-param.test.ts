import { describe, expect, test } from 'vitest';

import { fromPairParam, normalisePairInput, toPairParam } from './pair-param';

describe('pair in a URL', () => {
  test('when a pair is linked, then its slash becomes a dash and reads back the same', () => {
    expect(toPairParam('BTC/USDT')).toBe('BTC-USDT');
    expect(fromPairParam('BTC-USDT')).toBe('BTC/USDT');
    expect(fromPairParam('eth_btc')).toBe('ETH/BTC');
  });

  test('when the URL cannot name a pair, then nothing is read', () => {
    expect(fromPairParam('BTCUSDT')).toBeNull();
    expect(fromPairParam(undefined)).toBeNull();
    expect(fromPairParam('<b>-x')).toBeNull();
  });

  test('when a pair is typed loosely, then it is written BASE/QUOTE in capitals', () => {
    expect(normalisePairInput(' btc-usdt ')).toBe('BTC/USDT');
    expect(normalisePairInput('sol usdt')).toBe('SOL/USDT');
    expect(normalisePairInput('ETH/BTC')).toBe('ETH/BTC');
  });
});
