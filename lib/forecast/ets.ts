/**
 * Non-seasonal exponential smoothing in the innovations state-space form of
 * Hyndman, Koehler, Ord & Snyder (2008): error A or M, trend N, A or Ad.
 * Seasonality is deliberately absent: the library targets yearly data.
 */
export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "Ad";

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
}

export interface EtsParams {
  alpha: number;
  beta: number; // 0 when trend is N
  phi: number; // 1 unless damped
  l0: number;
  b0: number; // 0 when trend is N
}

export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  /** level[t], trend[t]: state after observing t values (index 0 = initial state). */
  level: number[];
  trend: number[];
  /** One-step errors on the scale the model defines (absolute for A, relative for M). */
  residuals: number[];
  /** n·log(SSE) (+ 2Σlog|ŷ| for M): −2·loglik up to a constant, as in R's ets(). */
  lik: number;
  aicc: number;
  mse: number;
}

export const ETS_BOUNDS = { alphaLo: 1e-4, alphaHi: 0.9999, phiLo: 0.8, phiHi: 0.98 } as const;

/** Runs the filter; returns +Infinity lik when a multiplicative forecast goes non-positive. */
export function etsFilter(y: readonly number[], spec: EtsSpec, p: EtsParams): EtsFit {
  const n = y.length;
  const level = new Array<number>(n + 1);
  const trend = new Array<number>(n + 1);
  const residuals = new Array<number>(n);
  const hasTrend = spec.trend !== "N";
  const phi = spec.trend === "Ad" ? p.phi : 1;
  let l = p.l0;
  let b = hasTrend ? p.b0 : 0;
  level[0] = l;
  trend[0] = b;
  let sse = 0;
  let sumLog = 0;
  let sqErr = 0;
  let bad = false;
  for (let t = 0; t < n; t++) {
    const yhat = l + phi * b;
    let e: number;
    if (spec.error === "A") {
      e = y[t] - yhat;
      l = yhat + p.alpha * e;
      b = phi * b + p.beta * e;
    } else {
      if (!(yhat > 0)) {
        bad = true;
        break;
      }
      e = (y[t] - yhat) / yhat;
      sumLog += Math.log(yhat);
      l = yhat * (1 + p.alpha * e);
      b = phi * b + p.beta * yhat * e;
    }
    sqErr += (y[t] - yhat) ** 2;
    sse += e * e;
    residuals[t] = e;
    level[t + 1] = l;
    trend[t + 1] = hasTrend ? b : 0;
  }
  const k = nParams(spec) + 1;
  const lik = bad ? Infinity : n * Math.log(Math.max(sse, 1e-300)) + 2 * sumLog;
  const aicc = n - k - 1 > 0 ? lik + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  return { spec, params: p, level, trend, residuals, lik, aicc, mse: sqErr / n };
}

/** Smoothing parameters plus initial states (sigma is counted separately in AICc). */
export function nParams(spec: EtsSpec): number {
  return spec.trend === "N" ? 2 : spec.trend === "A" ? 4 : 5;
}

/** h-step point forecasts from the state after `t` observations. */
export function etsForecastFrom(fit: EtsFit, t: number, h: number): number[] {
  const phi = fit.spec.trend === "Ad" ? fit.params.phi : 1;
  const l = fit.level[t];
  const b = fit.trend[t];
  const out: number[] = [];
  let damp = 0;
  let pw = 1;
  for (let k = 1; k <= h; k++) {
    pw *= phi;
    damp += pw;
    out.push(l + damp * b);
  }
  return out;
}

export function etsForecast(fit: EtsFit, h: number): number[] {
  return etsForecastFrom(fit, fit.level.length - 1, h);
}
