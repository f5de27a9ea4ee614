/**
 * Exact money: cells are held in whole micro-units of the dataset's unit (1e-6 US$ M, i.e. one US
 * dollar) and summed as integers, so a sum of cells is the exact decimal the data says: a published
 * 8,934 is served as 8934, not 8934.000000000027. Integers stay exact in a double up to 2^53
 * micro-units (about 9 billion US$ M).
 */

export const MICRO = 1e6;

export function toMicro(value: number): number {
  return Math.round(value * MICRO);
}

export function fromMicro(micro: number): number {
  return micro / MICRO;
}

/** A value rounded to whole micro-units (the closest double to that decimal). */
export function roundMicro(value: number): number {
  return fromMicro(toMicro(value));
}

/**
 * Rounds `values` to micro-units so that their integer sum is exactly `total` in micro-units
 * (largest remainders take the leftover units; ties go to the earlier cell, so it is deterministic).
 * Values must be ≥ 0; the result is in micro-units.
 */
export function pinToTotal(values: ArrayLike<number>, total: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const remainders: { i: number; r: number }[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const scaled = values[i] * MICRO;
    const floor = Math.floor(scaled);
    out[i] = floor;
    sum += floor;
    remainders.push({ i, r: scaled - floor });
  }
  let left = toMicro(total) - sum;
  if (left < 0 || left > n) throw new RangeError(`pinToTotal: the values do not add up to ${total}`);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) out[remainders[k].i] += 1;
  return out;
}
