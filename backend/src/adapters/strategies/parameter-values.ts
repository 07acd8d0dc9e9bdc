// Whether a value fits a strategy parameter: its type, range, decimals or options. Freqtrade itself
// loads any value a parameter file holds; Spotdesk refuses what the strategy's hyperopt space
// could never produce, so a form cannot send a bot what its author never meant.

import type { IssueParams, IssueRule } from '../../domain/error-codes.js';

import type { ParameterValue, StrategyParameter } from './types.js';

export interface ValueProblem {
  rule: IssueRule;
  params: IssueParams;
  message: string;
}

const problem = (rule: IssueRule, params: IssueParams, message: string): ValueProblem => ({
  rule,
  params,
  message,
});

/** null when `value` is acceptable for `parameter`. */
export function checkValue(parameter: StrategyParameter, value: unknown): ValueProblem | null {
  switch (parameter.kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return problem('invalid-type', { expected: 'int' }, 'must be a whole number');
      }
      return checkRange(parameter.low, parameter.high, value);
    case 'decimal': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return problem('invalid-type', { expected: 'number' }, 'must be a number');
      }
      const outside = checkRange(parameter.low, parameter.high, value);
      if (outside || parameter.decimals === undefined) return outside;
      return hasAtMostDecimals(value, parameter.decimals)
        ? null
        : problem(
            'not-multiple-of',
            { divisor: 10 ** -parameter.decimals },
            `must have at most ${parameter.decimals} decimal places`,
          );
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : problem('invalid-type', { expected: 'boolean' }, 'must be true or false');
    case 'categorical':
      return parameter.options.some((o) => o === value)
        ? null
        : problem(
            'invalid-choice',
            { options: parameter.options.map(String) },
            `must be one of ${parameter.options.map(display).join(', ')}`,
          );
  }
}

function checkRange(low: number, high: number, value: number): ValueProblem | null {
  if (value < low) return problem('too-small', { minimum: low }, `must be at least ${low}`);
  if (value > high) return problem('too-big', { maximum: high }, `must be at most ${high}`);
  return null;
}

// 0.15 × 100 is 14.999999999999998 in binary: compare with a tolerance far below one step.
function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled));
}

function display(value: ParameterValue): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
