import { describe, expect, test } from 'vitest';

import { createFormatters } from '../../../i18n/formatters';
import { formatFactValue, formatSettingValue } from './values';

const en = createFormatters('en');
const ptBR = createFormatters('pt-BR');

describe('formatSettingValue', () => {
  test('when a setting is a ratio, a list, an ROI table or null, then it reads as words and numbers', () => {
    expect(formatSettingValue(en, 'stoploss', -0.08)).toBe('-8%');
    expect(formatSettingValue(en, 'pairs', ['BTC/USDT', 'ETH/USDT'])).toBe('BTC/USDT, ETH/USDT');
    expect(formatSettingValue(en, 'minimalRoi', { '30': 0.02, '0': 0.04 })).toBe(
      '0 min → 4%; 30 min → 2%',
    );
    expect(formatSettingValue(en, 'dailyLossLimit', null)).toBe('none');
    expect(formatSettingValue(ptBR, 'stakeAmount', 1234.5)).toBe('1.234,5');
  });

  test('when a value is text with markup, then it stays the same characters', () => {
    expect(formatSettingValue(en, 'timeframe', '<b>1h</b>')).toBe('<b>1h</b>');
  });
});

describe('formatFactValue', () => {
  test('when a fact has a unit, then it follows the number in the user’s locale', () => {
    expect(formatFactValue(ptBR, { id: 'x', label: 'x', value: 0.5, unit: '%' })).toBe('0,5 %');
    expect(formatFactValue(en, { id: 'x', label: 'x', value: true })).toBe('yes');
  });
});
