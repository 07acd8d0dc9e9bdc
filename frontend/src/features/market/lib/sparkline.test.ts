import { describe, expect, test } from 'vitest';

import { sparklinePoints } from './sparkline';

describe('sparklinePoints', () => {
  test('when values rise, then the line goes from the bottom left to the top right', () => {
    expect(sparklinePoints([1, 2, 3], 100, 22)).toBe('0.0,21.0 50.0,11.0 100.0,1.0');
  });

  test('when all values are equal, then the line runs through the middle', () => {
    expect(sparklinePoints([5, 5], 10, 20)).toBe('0.0,10.0 10.0,10.0');
  });

  test('when there are fewer than two values, then there is no line', () => {
    expect(sparklinePoints([5], 10, 20)).toBe('');
    expect(sparklinePoints([], 10, 20)).toBe('');
  });
});
