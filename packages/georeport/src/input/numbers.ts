/** Strict decimal parsing: `Number()` alone accepts '', ' ', '0x1f' and 'Infinity'. */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Plain decimal (coordinates, radius): finite number or undefined. */
export function parseDecimal(s: string): number | undefined {
  return DECIMAL.test(s) ? Number(s) : undefined;
}

/** Decimal with optional exponent (`number` attributes): finite number or undefined. */
export function parseNumber(s: string): number | undefined {
  if (!SCIENTIFIC.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Whole number written in digits only, within the safe integer range. */
export function parseWholeNumber(s: string): number | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

export const inRange = (n: number | undefined, min: number, max: number): n is number =>
  n !== undefined && n >= min && n <= max;
