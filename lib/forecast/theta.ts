/**
 * Theta-family forecasts.
 * - Standard Theta (Assimakopoulos & Nikolopoulos 2000) as in R's forecast::thetaf:
 *   SES with drift equal to half the slope of the OLS line (Hyndman & Billah 2003).
 * - Optimised Theta (Fiorucci et al. 2016): theta, alpha and the initial level chosen by
 *   one-step MSE; the "dynamic" variant (DOTM) re-estimates the line at each time point so
 *   the model is a proper state-space recursion.
 */
import { goldenSection, nelderMead } from "./optim";

export interface SesFit {
  alpha: number;
  l0: number;
  level: number[]; // level[t] after t observations
  mse: number;
}

export function sesFilter(y: readonly number[], alpha: number, l0: number): SesFit {
  const level = [l0];
  let l = l0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - l;
    sse += e * e;
    l += alpha * e;
    level.push(l);
  }
  return { alpha, l0, level, mse: sse / y.length };
}

/** SES with alpha and l0 chosen by MSE (as thetaf does via ets(opt.crit = "mse")). */
export function fitSes(y: readonly number[]): SesFit {
  // For a given alpha the MSE is quadratic in l0, so profile l0 out exactly.
  const profile = (alpha: number) => {
    // ŷ_t = (1-α)^t l0 + c_t, where c_t is the forecast with l0 = 0.
    let c = 0;
    let w = 1;
    let swy = 0;
    let sww = 0;
    for (let t = 0; t < y.length; t++) {
      swy += w * (y[t] - c);
      sww += w * w;
      c += alpha * (y[t] - c);
      w *= 1 - alpha;
    }
    return swy / sww;
  };
  const best = goldenSection((a) => sesFilter(y, a, profile(a)).mse, 1e-4, 0.9999, 1e-7);
  return sesFilter(y, best.x, profile(best.x));
}

function olsSlope(y: readonly number[]): { a: number; b: number } {
  const n = y.length;
  const xm = (n - 1) / 2;
  const ym = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xm) * (y[i] - ym);
    sxx += (i - xm) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: ym - b * xm, b };
}

/**
 * R forecast::thetaf (non-seasonal): forecasts from the state after t observations, with
 * the full-sample SES alpha and OLS drift (t = n gives thetaf's point forecasts).
 */
export function fitTheta(y: readonly number[]): (t: number, h: number) => number[] {
  const ses = fitSes(y);
  const drift = olsSlope(y).b / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  return (t, h) => {
    const out: number[] = [];
    for (let k = 0; k < h; k++) out.push(ses.level[t] + drift * (k + (1 - (1 - alpha) ** t) / alpha));
    return out;
  };
}

export function thetaForecast(y: readonly number[], h: number): number[] {
  return fitTheta(y)(y.length, h);
}

export interface OptThetaFit {
  theta: number;
  alpha: number;
  l0: number;
  mse: number;
  /** h-step forecasts from the state after t observations (t = n: the real forecast). */
  forecastFrom: (t: number, h: number) => number[];
}

/**
 * Dynamic optimised Theta. With `dynamic=false` A and B are the full-sample OLS line
 * (OTM); otherwise they are updated recursively from data up to t (DOTM).
 */
export function fitOptTheta(y: readonly number[], dynamic = true): OptThetaFit {
  const n = y.length;
  const full = olsSlope(y);
  // States after t observations: level, line intercept A and slope B (index 0 = start).
  const L = new Array<number>(n + 1);
  const A = new Array<number>(n + 1);
  const B = new Array<number>(n + 1);
  const run = (theta: number, alpha: number, l0: number, record: boolean) => {
    let l = l0;
    let sse = 0;
    let a = full.a;
    let b = full.b;
    // Running sums for the expanding-window OLS line (time index 1..t).
    let sy = 0;
    let sty = 0;
    let decay = 1; // (1 - alpha)^(t - 1), kept as a running product
    if (record) {
      L[0] = l;
      A[0] = a;
      B[0] = b;
    }
    for (let t = 1; t <= n; t++) {
      if (t > 1) decay *= 1 - alpha;
      const mu = l + (1 - 1 / theta) * (decay * a + ((1 - decay * (1 - alpha)) / alpha) * b);
      const e = y[t - 1] - mu;
      // DOTM's first forecast rests on an unestimated line, so it is not scored.
      if (t > 1 || !dynamic) sse += e * e;
      l = alpha * y[t - 1] + (1 - alpha) * l;
      sy += y[t - 1];
      sty += t * y[t - 1];
      if (dynamic) {
        if (t >= 2) {
          const tm = (t + 1) / 2;
          const meanY = sy / t;
          const stt = (t * (t + 1) * (2 * t + 1)) / 6 - t * tm * tm;
          b = (sty - t * tm * meanY) / stt;
          a = meanY - b * tm;
        } else {
          a = y[0];
          b = 0;
        }
      }
      if (record) {
        L[t] = l;
        A[t] = a;
        B[t] = b;
      }
    }
    return sse / n;
  };
  const scale = Math.max(y.reduce((s, v) => s + Math.abs(v), 0) / n, 1e-8);
  const objective = (x: number[]) => {
    const [theta, alpha, l0s] = x;
    if (theta < 1 || theta > 50 || alpha < 0.01 || alpha > 0.99) return Infinity;
    return run(theta, alpha, l0s * scale, false);
  };
  const start = [2, 0.5, y[0] / scale];
  let best = nelderMead(objective, start, { step: [0.5, 0.2, 0.1], maxIter: 300, tol: 1e-7 });
  best = nelderMead(objective, best.x, { step: [0.1, 0.05, 0.02], maxIter: 150, tol: 1e-7 });
  const [theta, alpha, l0s] = best.x;
  const l0 = l0s * scale;
  const mse = run(theta, alpha, l0, true);
  return {
    theta,
    alpha,
    l0,
    mse,
    forecastFrom: (t: number, h: number) => {
      const out: number[] = [];
      const decay = (1 - alpha) ** t;
      for (let k = 1; k <= h; k++) {
        out.push(L[t] + (1 - 1 / theta) * (decay * A[t] + (k - 1 + (1 - decay * (1 - alpha)) / alpha) * B[t]));
      }
      return out;
    },
  };
}
