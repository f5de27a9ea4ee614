/**
 * Benchmark methods with closed forms: they need no optimiser and never fail.
 * Each returns forecastFrom(t, h): the h-step forecasts made after the first t values, so
 * in-sample multi-step errors (used for intervals) are genuinely out-of-sample here.
 */

export type ForecastFrom = (t: number, h: number) => number[];

export function fitNaive(y: readonly number[]): ForecastFrom {
  return (t, h) => new Array<number>(h).fill(y[t - 1]);
}

/** Random walk with drift: the line through the first and last observations (R's rwf(drift=TRUE)). */
export function fitDrift(y: readonly number[]): ForecastFrom {
  return (t, h) => {
    const slope = t > 1 ? (y[t - 1] - y[0]) / (t - 1) : 0;
    return Array.from({ length: h }, (_, k) => y[t - 1] + slope * (k + 1));
  };
}

/**
 * Constant-growth (CAGR) trend: OLS line on log values, i.e. y_t = a·g^t, anchored so the
 * forecast continues from the last observation rather than from the fitted line — a jump
 * between history and forecast would be unusable on a dashboard. Strictly positive data only.
 */
export function fitLogLinear(y: readonly number[]): ForecastFrom {
  const ly = y.map(Math.log);
  return (t, h) => {
    const xm = (t - 1) / 2;
    let ym = 0;
    for (let i = 0; i < t; i++) ym += ly[i] / t;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < t; i++) {
      sxy += (i - xm) * (ly[i] - ym);
      sxx += (i - xm) ** 2;
    }
    const g = sxx > 0 ? sxy / sxx : 0;
    return Array.from({ length: h }, (_, k) => Math.exp(ly[t - 1] + g * (k + 1)));
  };
}
