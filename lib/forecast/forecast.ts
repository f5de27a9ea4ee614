/** The public entry point: validate, fit, forecast, attach calibrated intervals. */
import { intervals } from "./intervals";
import { fitMethod } from "./methods";
import { type ForecastOptions, validateInput } from "./validate";

export interface ForecastResult {
  /** The method actually used, e.g. "auto:median(ets(M,A,N),dotm,drift)". */
  method: string;
  mean: number[];
  /** Keyed by level as given, e.g. lower["80"]. */
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

export function forecast(values: readonly number[], options: ForecastOptions): ForecastResult {
  const { y, h, levels, method } = validateInput(values, options);
  const n = y.length;
  // A constant series has nothing to fit: every method's forecast is that constant.
  if (y.every((v) => v === y[0])) {
    const mean = new Array<number>(h).fill(y[0]);
    const lower: Record<string, number[]> = {};
    const upper: Record<string, number[]> = {};
    for (const l of levels) {
      lower[String(l)] = mean.slice();
      upper[String(l)] = mean.slice();
    }
    return { method: `${method}:constant`, mean, lower, upper };
  }
  let fitted = fitMethod(y, method);
  let mean = fitted.forecastFrom(n, h);
  // Guard against a numerically failed fit: fall back to the naive forecast, never NaN.
  if (!mean.every(Number.isFinite)) {
    fitted = { ...fitMethod(y, "naive"), label: `${method}:naive-fallback` };
    mean = fitted.forecastFrom(n, h);
  }
  // Honest drift errors anchor the width of every parametric method (see ./intervals).
  const reference = fitted.honest ? undefined : fitMethod(y, "drift");
  const bounds = fitted.bounds ? fitted.bounds(mean, levels) : intervals(y, fitted, mean, levels, reference);
  // Non-negative data (sizes, revenues, counts) cannot go below zero.
  if (y.every((v) => v >= 0)) {
    const clamp = (a: number[]) => a.map((v) => Math.max(0, v));
    mean = clamp(mean);
    for (const k of Object.keys(bounds.lower)) {
      bounds.lower[k] = clamp(bounds.lower[k]);
      bounds.upper[k] = clamp(bounds.upper[k]);
    }
  }
  return { method: fitted.label, mean, ...bounds };
}
