/**
 * Short positive series (3–6 points): damped log growth shrunk toward a pooled prior, with
 * Student-t prediction intervals on the log scale.
 *
 * With n points there are n−1 log growth rates d_t: their mean μ̂ (the CAGR from first to
 * last point) and residual variance s² (k = n−2 degrees of freedom). Five points say little
 * about either, so both are pulled toward priors learned from thousands of 5-point windows
 * of the M3 yearly training parts (empirical Bayes; scripts/bench-forecast-short.ts):
 * - volatility: σ² ~ scaled-inv-χ²(ν0, σ0²) gives s̃² = (ν0·σ0² + k·s²)/(ν0 + k);
 * - growth: the series' underlying growth g ~ N(m0, τ²) and μ̂ ~ N(g, s̃²/(n−1)) give the
 *   posterior mean ĝ = m0 + w·(μ̂ − m0) with w = τ²/(τ² + s̃²/(n−1)): a steady series keeps
 *   most of its own growth, a jumpy one is pulled toward the typical m0;
 * - the growth fades by a factor φ per year ahead (damped trend): the forecast k years
 *   ahead is last · exp(ĝ·(φ + φ² + … + φ^k)/φ).
 * The h-step log error is Student-t with ν0 + k df and variance c·s̃²·h·(1 + h/(n−1))
 * (random-walk noise plus the error of the estimated growth); the pooled factor c keeps the
 * coverage of 5-point windows near nominal.
 */
import type { Bounds } from "./intervals";
import { levelKey } from "./intervals";
import { qtSmall } from "./stats";

export interface ShortModel {
  /** Pooled prior of the growth volatility: prior df ν0 and scale σ0 of yearly log growth. */
  volatility: { df: number; sd: number };
  /** Prior of the underlying yearly log growth: mean m0 and spread τ across series. */
  growth: { mean: number; sd: number };
  /** Share of the growth kept per further year ahead (1 = constant growth). */
  damping: number;
  /** Pooled multiplier of the forecast-error variance. */
  varScale: number;
}

/**
 * Fitted on the M3 yearly training parts only (bench:forecast-short prints every fit, both
 * cross-validation folds and the fit on all series): volatility by maximum likelihood on
 * 4–6-point windows; growth prior and damping by the best sMAPE and MASE (relative to naive)
 * on 5-point windows six years ahead; c by coverage of the same windows.
 */
export const SHORT_MODEL: ShortModel = {
  volatility: { df: 0.99, sd: 0.0412 },
  growth: { mean: 0.03, sd: 0.03 },
  damping: 0.9,
  varScale: 1.1,
};

/** Mean and residual variance (k = n−2 df) of the log growth rates of a positive series. */
export function growthStats(y: readonly number[]): { mu: number; s2: number; k: number } {
  const d: number[] = [];
  for (let t = 1; t < y.length; t++) d.push(Math.log(y[t] / y[t - 1]));
  const mu = d.length ? d.reduce((a, b) => a + b, 0) / d.length : 0;
  const k = Math.max(0, d.length - 1);
  const s2 = k > 0 ? d.reduce((a, b) => a + (b - mu) ** 2, 0) / k : 0;
  return { mu, s2, k };
}

/** Posterior growth ĝ, its weight w on the series' own μ̂, and the shrunk volatility s̃². */
export function shrunkGrowth(
  y: readonly number[],
  model: ShortModel = SHORT_MODEL,
): { g: number; w: number; scale2: number; df: number } {
  const { mu, s2, k } = growthStats(y);
  const v = model.volatility;
  const scale2 = (v.df * v.sd ** 2 + k * s2) / (v.df + k);
  const tau2 = model.growth.sd ** 2;
  const w = y.length > 1 ? tau2 / (tau2 + scale2 / (y.length - 1)) : 0;
  return { g: model.growth.mean + w * (mu - model.growth.mean), w, scale2, df: v.df + k };
}

/** Cumulative damped growth factor after j years: 1 + φ + … + φ^(j−1). */
function dampedSum(phi: number, j: number): number {
  return phi === 1 ? j : (1 - phi ** j) / (1 - phi);
}

/** The point path from the first t values only (so earlier origins are honest re-forecasts). */
export function shortPath(y: readonly number[], t: number, h: number, model: ShortModel = SHORT_MODEL): number[] {
  const head = y.slice(0, t);
  const { g } = shrunkGrowth(head, model);
  return Array.from({ length: h }, (_, i) => head[t - 1] * Math.exp(g * dampedSum(model.damping, i + 1)));
}

/** Intervals around the point path `mean` (positive), Student-t on the log scale. */
export function shortBounds(
  y: readonly number[],
  mean: readonly number[],
  levels: readonly number[],
  model: ShortModel = SHORT_MODEL,
): Bounds {
  const n = y.length;
  const { scale2, df } = shrunkGrowth(y, model);
  const center = mean.map((m) => Math.log(m));
  const sd = center.map((_, i) => Math.sqrt(model.varScale * scale2 * (i + 1) * (1 + (i + 1) / (n - 1))));
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  for (const level of levels) {
    const q = qtSmall((1 + level / 100) / 2, df);
    lower[levelKey(level)] = center.map((c, i) => Math.exp(c - q * sd[i]));
    upper[levelKey(level)] = center.map((c, i) => Math.exp(c + q * sd[i]));
  }
  return { lower, upper };
}
