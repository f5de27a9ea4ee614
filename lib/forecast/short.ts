/**
 * Short positive series (3–6 points): random walk with drift on the log scale, i.e.
 * constant expected growth, with parametric prediction intervals.
 *
 * With n points there are n−1 log growth rates d_t. The drift is their mean μ̂ (the CAGR
 * from first to last point); their residual variance s² has k = n−2 degrees of freedom,
 * which is almost no information at n = 4–6 (a 95% Student-t quantile with 2 df is 4.3).
 * The growth volatility is therefore shrunk toward a pooled prior (empirical Bayes):
 * σ² ~ scaled-inv-χ²(ν0, σ0²) gives the posterior scale s̃² = (ν0·σ0² + k·s²)/(ν0 + k), and
 * the h-step log forecast error, including the error of the estimated drift, is Student-t
 * with ν0 + k df and variance s̃²·h·(1 + h/(n−1)). ν0 and σ0 were estimated by maximum
 * likelihood from the M3 yearly training parts only (see README and
 * scripts/bench-forecast-short.ts).
 */
import type { Bounds } from "./intervals";
import { levelKey } from "./intervals";
import { qnorm, qtSmall } from "./stats";

export interface VolatilityPrior {
  /** Prior degrees of freedom ν0 (pseudo-number of growth residuals). */
  df: number;
  /** Prior scale σ0 of the yearly log growth rate. */
  sd: number;
}

export interface ShortScheme {
  /** Share of the historical mean log growth carried forward: 1 = full drift, 0 = naive. */
  growth: number;
  /** Add the error of the estimated drift: variance factor h·(1 + h/(n−1)) instead of h. */
  driftError: boolean;
  /** Pooled prior for the growth volatility; none = the series' own s² with n−2 df. */
  prior?: VolatilityPrior;
  /** Normal quantiles instead of Student-t (for comparison only). */
  normal?: boolean;
  /** Pooled multiplier of the forecast-error variance (default 1). */
  varScale?: number;
}

/**
 * Pooled prior fitted by maximum likelihood on the 4-, 5- and 6-point windows of the M3
 * yearly training parts (scripts/bench-forecast-short.ts prints the fit). ν0 ≈ 1 says the
 * volatility of yearly growth varies a lot between series: the series' own s² still
 * dominates from about 3 growth residuals on, while 1–2 residuals are pulled toward σ0.
 */
export const SHORT_PRIOR: VolatilityPrior = { df: 1.09, sd: 0.0371 };

/**
 * The scheme `auto` uses below 7 points: half the historical log growth (the geometric
 * counterpart of the former mean of drift and naive), empirical-Bayes volatility, drift
 * error included. Chosen on the training-window evaluation (README).
 */
export const SHORT_SCHEME: ShortScheme = { growth: 0.5, driftError: true, prior: SHORT_PRIOR };

export interface ShortForecast {
  mean: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

/** Log growth rates of a strictly positive series. */
export function logGrowth(y: readonly number[]): number[] {
  const d: number[] = [];
  for (let t = 1; t < y.length; t++) d.push(Math.log(y[t] / y[t - 1]));
  return d;
}

/** Mean and residual variance (k = n−2 df) of the log growth rates. */
export function growthStats(y: readonly number[]): { mu: number; s2: number; k: number } {
  const d = logGrowth(y);
  const mu = d.reduce((a, b) => a + b, 0) / d.length;
  const k = d.length - 1;
  const s2 = k > 0 ? d.reduce((a, b) => a + (b - mu) ** 2, 0) / k : 0;
  return { mu, s2, k };
}

/** Point forecast and intervals for a strictly positive series of ≥ 3 points. */
export function shortForecast(
  y: readonly number[],
  h: number,
  levels: readonly number[],
  scheme: ShortScheme = SHORT_SCHEME,
  /** Optional point path (positive) to centre the intervals on instead of the scheme's own. */
  point?: readonly number[],
): ShortForecast {
  const n = y.length;
  const { mu, s2, k } = growthStats(y);
  const prior = scheme.prior;
  const df = prior ? prior.df + k : k;
  const scale2 = prior ? (prior.df * prior.sd ** 2 + k * s2) / (prior.df + k) : s2;
  const last = Math.log(y[n - 1]);
  const center = point && point.every((v) => v > 0)
    ? point.map(Math.log)
    : Array.from({ length: h }, (_, i) => last + scheme.growth * mu * (i + 1));
  const sd = Array.from({ length: h }, (_, i) => {
    const j = i + 1;
    return Math.sqrt((scheme.varScale ?? 1) * scale2 * j * (scheme.driftError ? 1 + j / (n - 1) : 1));
  });
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  for (const level of levels) {
    const p = (1 + level / 100) / 2;
    const q = scheme.normal ? qnorm(p) : qtSmall(p, df);
    lower[levelKey(level)] = center.map((c, i) => Math.exp(c - q * sd[i]));
    upper[levelKey(level)] = center.map((c, i) => Math.exp(c + q * sd[i]));
  }
  return { mean: center.map(Math.exp), lower, upper };
}

/**
 * The point path of a scheme from the first t values only (so in-sample errors would be
 * honest): last value times the damped mean growth.
 */
export function shortPath(y: readonly number[], t: number, h: number, scheme: ShortScheme = SHORT_SCHEME): number[] {
  const mu = t > 1 ? Math.log(y[t - 1] / y[0]) / (t - 1) : 0;
  return Array.from({ length: h }, (_, i) => y[t - 1] * Math.exp(scheme.growth * mu * (i + 1)));
}

/** Intervals only, around the given point path (the Fitted hook used by forecast()). */
export function shortBounds(
  y: readonly number[],
  mean: readonly number[],
  levels: readonly number[],
  scheme: ShortScheme = SHORT_SCHEME,
): Bounds {
  const { lower, upper } = shortForecast(y, mean.length, levels, scheme, mean);
  return { lower, upper };
}
