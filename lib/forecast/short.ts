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
import { qnorm, qt } from "./stats";

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

/**
 * Student-t quantile valid for any df > 0: closed forms for df 1 and 2, bisection on the
 * exact CDF below 30 df (the Cornish–Fisher series of ./stats is off by 0.2 at df 3 and
 * p = 0.995), Cornish–Fisher above (error < 1e-4).
 */
export function qtSmall(p: number, df: number): number {
  if (!(df > 0)) return Number.POSITIVE_INFINITY;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  if (df >= 30) return qt(p, df);
  const target = p;
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (ptDist(mid, df) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Student-t CDF via the regularised incomplete beta function. */
export function ptDist(x: number, df: number): number {
  const ib = incBeta(df / (df + x * x), df / 2, 0.5);
  return x >= 0 ? 1 - ib / 2 : ib / 2;
}

/** Natural log of the gamma function (Lanczos, g = 7). */
export function lgamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction. */
function incBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - incBetaSwap(1 - x, b, a, front);
  return (front * betaCf(x, a, b)) / a;
}

function incBetaSwap(x: number, a: number, b: number, front: number): number {
  return (front * betaCf(x, a, b)) / a;
}

function betaCf(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    f *= del;
    if (Math.abs(del - 1) < 1e-12) break;
  }
  return f;
}

/**
 * Maximum-likelihood fit of the pooled volatility prior: if σ² ~ scaled-inv-χ²(ν0, σ0²) and
 * s² | σ² ~ σ²·χ²_k/k, then s²/σ0² ~ F(k, ν0). Grid search over (log ν0, log σ0).
 */
export function fitVolatilityPrior(samples: readonly { s2: number; k: number }[]): VolatilityPrior & { logLik: number } {
  const data = samples.filter((r) => r.k >= 2 && r.s2 > 0);
  const ll = (nu: number, s0: number) => {
    let sum = 0;
    const v0 = s0 * s0;
    for (const { s2, k } of data) {
      const x = s2 / v0;
      sum +=
        lgamma((k + nu) / 2) - lgamma(k / 2) - lgamma(nu / 2) + (k / 2) * Math.log(k / nu) +
        (k / 2 - 1) * Math.log(x) - ((k + nu) / 2) * Math.log(1 + (k * x) / nu) - Math.log(v0);
    }
    return sum;
  };
  let best = { df: 1, sd: 0.1, logLik: -Infinity };
  const search = (a0: number, a1: number, da: number, b0: number, b1: number, db: number) => {
    for (let a = a0; a <= a1; a += da) {
      for (let b = b0; b <= b1; b += db) {
        const v = ll(Math.exp(a), Math.exp(b));
        if (v > best.logLik) best = { df: Math.exp(a), sd: Math.exp(b), logLik: v };
      }
    }
  };
  // Coarse grid, then a fine one around the coarse optimum.
  search(Math.log(0.2), Math.log(200), 0.1, Math.log(0.005), Math.log(1), 0.05);
  const a = Math.log(best.df);
  const b = Math.log(best.sd);
  search(a - 0.1, a + 0.1, 0.005, b - 0.05, b + 0.05, 0.0025);
  return best;
}
