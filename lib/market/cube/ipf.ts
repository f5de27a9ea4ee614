/**
 * Iterative proportional fitting (raking) of a dense N-dimensional array to one target marginal per
 * axis. The array is stored row-major (last axis fastest). The fit keeps the seed's interaction
 * structure (its odds ratios) and rescales it until every one-dimensional marginal matches its target.
 */

export interface IpfOptions {
  /** Stop when every marginal is within `tolerance × total` of its target. Default 1e-9. */
  tolerance?: number;
  /** Give up after this many full cycles over the axes. Default 1000. */
  maxIterations?: number;
  /** How far the axes' target sums may differ, relative to the total. Default 1e-9. */
  sumTolerance?: number;
}

export interface IpfResult {
  values: Float64Array;
  /** Full cycles over all axes that were run. */
  iterations: number;
  /** Largest |marginal − target| / total over all axes after the last cycle. */
  maxError: number;
  converged: boolean;
}

function assertFiniteNonNegative(xs: ArrayLike<number>, what: string): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!Number.isFinite(x)) throw new Error(`${what}[${i}] is not a finite number (${x})`);
    if (x < 0) throw new Error(`${what}[${i}] is negative (${x})`);
  }
}

/**
 * The index of every cell along every axis (row-major), kept for the last few shapes: a fit calls
 * this once per year with the same shape, and the loops below read it many times. Built by
 * counting, without a division per cell.
 */
const axisIndexCache = new Map<string, Int32Array[]>();
export function axisIndexOf(shape: readonly number[]): Int32Array[] {
  const key = shape.join("x");
  const known = axisIndexCache.get(key);
  if (known) return known;
  const size = shape.reduce((a, b) => a * b, 1);
  const index = shape.map(() => new Int32Array(size));
  const at = new Array<number>(shape.length).fill(0);
  for (let cell = 0; cell < size; cell++) {
    for (let k = 0; k < shape.length; k++) index[k][cell] = at[k];
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++at[k] < shape[k]) break;
      at[k] = 0;
    }
  }
  if (axisIndexCache.size >= 4) axisIndexCache.delete(axisIndexCache.keys().next().value as string);
  axisIndexCache.set(key, index);
  return index;
}

/** Sums of `values` along every axis at once: result[k][i] = sum of cells whose k-th index is i. */
export function marginalsOf(values: ArrayLike<number>, shape: readonly number[]): Float64Array[] {
  const axisIndex = axisIndexOf(shape);
  const sums = shape.map((n) => new Float64Array(n));
  for (let cell = 0; cell < values.length; cell++) {
    const v = values[cell];
    if (v === 0) continue;
    for (let k = 0; k < shape.length; k++) sums[k][axisIndex[k][cell]] += v;
  }
  return sums;
}

function validate(
  seed: Float64Array,
  shape: readonly number[],
  targets: readonly (readonly number[])[],
  sumTol: number,
): number {
  if (shape.length === 0) throw new Error("IPF needs at least one axis");
  for (const n of shape) {
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`IPF shape must hold positive integers, got [${shape.join(", ")}]`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (seed.length !== size)
    throw new Error(`IPF seed has ${seed.length} cells but shape [${shape.join(", ")}] needs ${size}`);
  if (targets.length !== shape.length) {
    throw new Error(`IPF needs one target per axis: ${shape.length} axes, ${targets.length} targets`);
  }
  assertFiniteNonNegative(seed, "IPF seed");
  let total = 0;
  targets.forEach((target, k) => {
    if (target.length !== shape[k]) {
      throw new Error(`IPF target for axis ${k} has ${target.length} entries but the axis has ${shape[k]}`);
    }
    assertFiniteNonNegative(target, `IPF target for axis ${k}`);
    const sum = target.reduce((a, b) => a + b, 0);
    if (k === 0) total = sum;
    else if (Math.abs(sum - total) > sumTol * Math.max(1, Math.abs(total))) {
      throw new Error(`IPF targets are inconsistent: axis 0 sums to ${total} but axis ${k} sums to ${sum}`);
    }
  });
  const seedSums = marginalsOf(seed, shape);
  targets.forEach((target, k) => {
    target.forEach((t, i) => {
      if (t > 0 && seedSums[k][i] === 0) {
        throw new Error(`IPF seed is all zero along axis ${k} at index ${i}, but its target is ${t}`);
      }
    });
  });
  return total;
}

function maxErrorOf(
  values: Float64Array,
  shape: readonly number[],
  targets: readonly (readonly number[])[],
  total: number,
): number {
  const sums = marginalsOf(values, shape);
  let worst = 0;
  targets.forEach((target, k) => {
    target.forEach((t, i) => {
      worst = Math.max(worst, Math.abs(sums[k][i] - t) / total);
    });
  });
  return worst;
}

/**
 * Fits `seed` (shape `shape`, row-major) to `targets[k]` on every axis k. The targets of all axes must
 * share the same sum. Throws on inconsistent sums, negative or non-finite input, mismatched lengths,
 * or a seed slice that is all zero where its target is positive (no rescaling can reach it).
 */
export function ipf(
  seed: Float64Array,
  shape: readonly number[],
  targets: readonly (readonly number[])[],
  options: IpfOptions = {},
): IpfResult {
  const tolerance = options.tolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 1000;
  const total = validate(seed, shape, targets, options.sumTolerance ?? 1e-9);
  const values = Float64Array.from(seed);
  if (total === 0) {
    values.fill(0);
    return { values, iterations: 0, maxError: 0, converged: true };
  }

  // Index of every cell along every axis, computed once: the loops below run many times.
  const axisIndex = axisIndexOf(shape);
  let maxError = maxErrorOf(values, shape, targets, total);
  let iterations = 0;
  while (maxError > tolerance && iterations < maxIterations) {
    iterations++;
    for (let k = 0; k < shape.length; k++) {
      const index = axisIndex[k];
      const sums = new Float64Array(shape[k]);
      for (let cell = 0; cell < values.length; cell++) sums[index[cell]] += values[cell];
      const factors = sums.map((s, i) => (s > 0 ? targets[k][i] / s : 0));
      for (let cell = 0; cell < values.length; cell++) values[cell] *= factors[index[cell]];
    }
    maxError = maxErrorOf(values, shape, targets, total);
  }
  return { values, iterations, maxError, converged: maxError <= tolerance };
}
