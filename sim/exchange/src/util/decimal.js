// Amounts are BigInt in units of 1e-8 so balances and fills add up exactly, as Binance's 8-decimal strings do.

export const SCALE = 100000000n;
const DECIMAL_RE = /^([0-9]{1,20})(\.[0-9]{1,20})?$/;

/**
 * @param {string} text decimal string as Binance accepts it
 * @returns {{ value: bigint, exact: boolean } | null} null when the text is not a decimal
 */
export function parseDecimal(text) {
  if (typeof text !== 'string' || !DECIMAL_RE.test(text)) return null;
  const [int, frac = ''] = text.split('.');
  const kept = frac.slice(0, 8).padEnd(8, '0');
  const dropped = frac.slice(8);
  return { value: BigInt(int) * SCALE + BigInt(kept), exact: !/[1-9]/.test(dropped) };
}

/** @param {bigint} value 1e-8 units @returns {string} "123.45000000" */
export function formatUnits(value) {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const int = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(8, '0');
  return `${negative ? '-' : ''}${int}.${frac}`;
}

/** Accepts a number or decimal string from the control surface. @returns {bigint | null} */
export function toUnits(input) {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return null;
    input = input.toFixed(8);
  }
  const parsed = parseDecimal(typeof input === 'string' ? input : '');
  return parsed ? parsed.value : null;
}

/** a * b where both are 1e-8 units, rounded down. */
export function mulUnits(a, b) {
  return (a * b) / SCALE;
}

/** a / b where both are 1e-8 units, rounded down. */
export function divUnits(a, b) {
  return (a * SCALE) / b;
}

export function unitsToNumber(value) {
  return Number(value) / 1e8;
}
