/**
 * Prediction intervals from the series' own multi-step forecast errors.
 *
 * Model-based ETS/ARIMA intervals assume the fitted model is true and are far too narrow
 * on real yearly data (R's ETS 80% intervals cover ~71% on M3). Instead we
 * 1. re-forecast from every in-sample origin t (forecastFrom, see ./methods) and collect
 *    the k-step errors, on the log scale for positive data (relative errors) and on the
 *    original scale otherwise;
 * 2. fit a scale law sigma_k = s·k^gamma to their RMS by horizon (gamma in [0.5, 1.5]:
 *    between random-walk and trend-uncertainty growth), which also extrapolates past the
 *    horizons the history can show;
 * 3. take the split-conformal quantile of the pooled |error|/sigma_k (finite-sample
 *    corrected rank ⌈(m+1)p⌉) and shrink it toward the Student-t quantile with m/(m+M0)
 *    weight, so short histories lean on the parametric width and long ones on their own
 *    error distribution (heavy tails, outliers).
 */
import type { Fitted } from "./methods";
import { qt } from "./stats";

/** Pseudo-count of the parametric prior in the quantile shrinkage. */
const PRIOR_WEIGHT = 10;
const GAMMA_MIN = 0.5;
const GAMMA_MAX = 1.5;
/**
 * Log errors are capped at a factor of 10 either way: an early-origin forecast near or
 * below zero would otherwise dominate the RMS (log 0 = −∞) and make every interval useless.
 */
const MAX_LOG_ERROR = Math.log(10);

export interface Bounds {
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

export function levelKey(level: number): string {
  return String(level);
}

/**
 * `reference` (optional) is a method whose forecastFrom refits at every origin (e.g. the
 * random walk with drift), so its in-sample errors are honest out-of-sample errors; they
 * are pooled with the method's own, which are optimistic because its parameters saw the
 * whole series. The pooled scale is a shrinkage between the two.
 */
export function intervals(
  y: readonly number[],
  fitted: Fitted,
  mean: readonly number[],
  levels: readonly number[],
  reference?: Fitted,
): Bounds {
  const n = y.length;
  const h = mean.length;
  const useLog = y.every((v) => v > 0) && mean.every((v) => v > 0);
  const t0 = n >= 6 ? 3 : 2;
  const maxK = Math.max(1, Math.min(h, n - t0));
  const errs = horizonErrors(y, fitted, useLog, t0, maxK);
  const m1 = errs[0].length;
  // Degrees-of-freedom correction: the errors come from parameters fitted to these same
  // points, so their raw RMS understates out-of-sample error (as s² = SSE/n would).
  const p = fitted.honest ? 0 : fitted.nParams;
  const dfScale = Math.sqrt(m1 / Math.max(1, m1 - p));
  errs.forEach((es) => es.forEach((e, i) => (es[i] = e * dfScale)));
  if (reference) {
    horizonErrors(y, reference, useLog, t0, maxK).forEach((es, k) => errs[k].push(...es));
  }
  const { s, gamma } = scaleLaw(errs);
  const pooled: number[] = [];
  errs.forEach((es, i) => {
    const sk = s * (i + 1) ** gamma;
    for (const e of es) pooled.push(sk > 0 ? Math.abs(e) / sk : 0);
  });
  pooled.sort((a, b) => a - b);
  const m = pooled.length;
  const df = Math.max(3, m1 - p);
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  let prevQ = 0;
  // Ascending levels so the quantile can be forced monotone: wider level ⇒ wider interval.
  for (const level of [...levels].sort((a, b) => a - b)) {
    const prob = level / 100;
    const qPar = qt((1 + prob) / 2, df);
    const rank = Math.ceil((m + 1) * prob);
    const w = rank <= m && m > 0 ? m / (m + PRIOR_WEIGHT) : 0;
    const qEmp = w > 0 ? pooled[rank - 1] : 0;
    const q = Math.max(prevQ, w * qEmp + (1 - w) * qPar);
    prevQ = q;
    const lo: number[] = [];
    const hi: number[] = [];
    for (let k = 1; k <= h; k++) {
      const half = q * s * k ** gamma;
      const f = mean[k - 1];
      lo.push(useLog ? f * Math.exp(-half) : f - half);
      hi.push(useLog ? f * Math.exp(half) : f + half);
    }
    lower[levelKey(level)] = lo;
    upper[levelKey(level)] = hi;
  }
  return { lower, upper };
}

/** errs[k-1]: the k-step errors from every origin t ≥ t0 that the history can score. */
function horizonErrors(y: readonly number[], fitted: Fitted, useLog: boolean, t0: number, maxK: number): number[][] {
  const n = y.length;
  const errs: number[][] = Array.from({ length: maxK }, () => []);
  for (let t = t0; t < n; t++) {
    const f = fitted.forecastFrom(t, Math.min(maxK, n - t));
    for (let k = 1; k <= f.length; k++) {
      const e = useLog
        ? clampAbs(Math.log(y[t + k - 1]) - Math.log(Math.max(f[k - 1], 1e-300)), MAX_LOG_ERROR)
        : y[t + k - 1] - f[k - 1];
      if (Number.isFinite(e)) errs[k - 1].push(e);
    }
  }
  return errs;
}

function clampAbs(v: number, cap: number): number {
  return Math.max(-cap, Math.min(cap, v));
}

/** Weighted log-log fit of RMS error by horizon; gamma = 1 when only one horizon is seen. */
function scaleLaw(errs: number[][]): { s: number; gamma: number } {
  const rows = errs
    .map((es, i) => ({ k: i + 1, m: es.length, ms: es.reduce((a, e) => a + e * e, 0) / Math.max(es.length, 1) }))
    .filter((r) => r.m > 0 && r.ms > 0);
  let gamma = 1;
  if (rows.length >= 2) {
    let sw = 0,
      sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0;
    for (const r of rows) {
      const x = Math.log(r.k);
      const yv = 0.5 * Math.log(r.ms);
      sw += r.m;
      sx += r.m * x;
      sy += r.m * yv;
      sxx += r.m * x * x;
      sxy += r.m * x * yv;
    }
    const den = sw * sxx - sx * sx;
    if (den > 0) gamma = (sw * sxy - sx * sy) / den;
  }
  gamma = Math.min(GAMMA_MAX, Math.max(GAMMA_MIN, Number.isFinite(gamma) ? gamma : 1));
  // Pooled scale given gamma: every error contributes, normalised to horizon 1.
  let num = 0;
  let cnt = 0;
  errs.forEach((es, i) => {
    for (const e of es) {
      num += (e * e) / (i + 1) ** (2 * gamma);
      cnt++;
    }
  });
  return { s: cnt > 0 ? Math.sqrt(num / cnt) : 0, gamma };
}
