/**
 * Rolling-origin evaluation ("time-series cross-validation"): forecast from each origin
 * using only the data before it and score against what followed.
 */
import { coverageCount, mase, msis, smape } from "./accuracy";
import { forecast } from "./forecast";
import type { ForecastOptions } from "./validate";

export interface BacktestOptions extends ForecastOptions {
  /** Smallest training length (first origin); default max(3, n − 2h). */
  minTrain?: number;
  /** Step between origins; default 1. */
  step?: number;
}

export interface BacktestOrigin {
  origin: number; // training length
  actual: number[];
  mean: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

export interface BacktestSummary {
  method: string;
  origins: BacktestOrigin[];
  smape: number;
  mase: number;
  /** Share of scored points inside each level's interval. */
  coverage: Record<string, number>;
  /** MSIS of each level's interval. */
  msis: Record<string, number>;
}

export function rollingOrigin(values: readonly number[], options: BacktestOptions): BacktestSummary {
  const { h, step = 1 } = options;
  const n = values.length;
  const minTrain = options.minTrain ?? Math.max(3, n - 2 * h);
  const origins: BacktestOrigin[] = [];
  let method = "";
  const sums = { smape: 0, mase: 0 };
  const covered: Record<string, number> = {};
  const scores: Record<string, number> = {};
  let points = 0;
  for (let o = minTrain; o < n; o += step) {
    const train = values.slice(0, o);
    const actual = values.slice(o, o + h);
    const r = forecast(train, { ...options, h: actual.length });
    method = r.method;
    origins.push({ origin: o, actual, ...r });
    sums.smape += smape(actual, r.mean);
    // MASE is undefined for a constant training part; such origins add nothing to it.
    const m = mase(train, actual, r.mean);
    if (Number.isFinite(m)) sums.mase += m;
    points += actual.length;
    for (const key of Object.keys(r.lower)) {
      covered[key] = (covered[key] ?? 0) + coverageCount(actual, r.lower[key], r.upper[key]);
      const s = msis(train, actual, r.lower[key], r.upper[key], 1 - Number(key) / 100);
      if (Number.isFinite(s)) scores[key] = (scores[key] ?? 0) + s;
    }
  }
  const k = Math.max(origins.length, 1);
  const coverage: Record<string, number> = {};
  const msisOut: Record<string, number> = {};
  for (const key of Object.keys(covered)) {
    coverage[key] = covered[key] / Math.max(points, 1);
    msisOut[key] = (scores[key] ?? 0) / k;
  }
  return { method, origins, smape: sums.smape / k, mase: sums.mase / k, coverage, msis: msisOut };
}
