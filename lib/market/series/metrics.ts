/** Growth and share maths used across the app. */

/** Compound annual growth rate between two values `years` apart. */
export function cagr(start: number, end: number, years: number): number {
  if (!(years > 0)) throw new RangeError("cagr: years must be positive");
  if (!(start > 0) || !(end >= 0)) return Number.NaN;
  return Math.pow(end / start, 1 / years) - 1;
}

/** Each value's share of their sum (0 when the sum is 0). */
export function shares(values: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (total === 0 ? 0 : v / total));
}

/** Value at `fromYear` grown at `rate` to `year`. */
export function compound(value: number, rate: number, years: number): number {
  return value * Math.pow(1 + rate, years);
}
