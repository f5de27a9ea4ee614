/**
 * Maximum-likelihood estimation for the ETS models of ./ets.
 * Additive-error models: for fixed smoothing parameters the one-step forecasts are affine
 * in the initial states, so the SSE-minimising (= ML) states are solved exactly by least
 * squares and the simplex only searches alpha/beta/phi. That halves the dimension and
 * makes the fit several times faster with an exact optimum over the states.
 * Multiplicative-error models start from the matching additive optimum.
 */
import { type EtsFit, type EtsParams, type EtsSpec, ETS_BOUNDS, etsFilter } from "./ets";
import { nelderMead } from "./optim";

/** Usual bounds, as R's ets(bounds="usual"): 0<β<α<1, 0.8≤φ≤0.98. */
function smoothingOk(spec: EtsSpec, alpha: number, beta: number, phi: number): boolean {
  const { alphaLo, alphaHi, phiLo, phiHi } = ETS_BOUNDS;
  if (!(alpha >= alphaLo && alpha <= alphaHi)) return false;
  if (spec.trend !== "N" && !(beta >= 1e-4 && beta <= alpha)) return false;
  if (spec.trend === "Ad" && !(phi >= phiLo && phi <= phiHi)) return false;
  return true;
}

/**
 * The simplex searches an unbounded space mapped onto the usual region by logistic
 * transforms (beta as a fraction of alpha), so optima on the boundary — common on yearly
 * data, e.g. alpha = beta ≈ 1 — are approached smoothly instead of stalling at a wall.
 */
const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
};
const BETA_LO = 1e-4;

function toSmoothing(
  u: readonly number[],
  trend: boolean,
  damped: boolean,
): { alpha: number; beta: number; phi: number } {
  const { alphaLo, alphaHi, phiLo, phiHi } = ETS_BOUNDS;
  const alpha = alphaLo + (alphaHi - alphaLo) * sigmoid(u[0]);
  const beta = trend ? BETA_LO + (alpha - BETA_LO) * sigmoid(u[1]) : 0;
  const phi = damped ? phiLo + (phiHi - phiLo) * sigmoid(u[2]) : 1;
  return { alpha, beta, phi };
}

function fromSmoothing(alpha: number, beta: number, phi: number, trend: boolean, damped: boolean): number[] {
  const { alphaLo, alphaHi, phiLo, phiHi } = ETS_BOUNDS;
  const u = [logit((alpha - alphaLo) / (alphaHi - alphaLo))];
  if (trend) u.push(logit((beta - BETA_LO) / Math.max(alpha - BETA_LO, 1e-12)));
  if (damped) u.push(logit((phi - phiLo) / (phiHi - phiLo)));
  return u;
}

/** R's heuristic start: OLS line through the first (up to) 10 points. */
export function initialStates(y: readonly number[]): { l0: number; b0: number } {
  const m = Math.min(10, y.length);
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    sx += i + 1;
    sy += y[i];
    sxx += (i + 1) ** 2;
    sxy += (i + 1) * y[i];
  }
  const b0 = (m * sxy - sx * sy) / (m * sxx - sx * sx);
  return { l0: (sy - b0 * sx) / m, b0 };
}

/**
 * Additive errors: best (l0, b0) and the resulting SSE for given alpha/beta/phi.
 * ŷ_t = c_t + L_t·l0 + B_t·b0, where c is the filter run from zero states and (L, B) are
 * the responses to unit initial level/trend of the homogeneous recursion.
 */
function profileStates(
  y: readonly number[],
  trend: boolean,
  alpha: number,
  beta: number,
  phi: number,
): { sse: number; l0: number; b0: number } {
  let cl = 0,
    cb = 0; // data-driven part
  let ll = 1,
    lb = 0; // response to l0 = 1
  let bl = 0,
    bb = trend ? 1 : 0; // response to b0 = 1
  let sLL = 0,
    sLB = 0,
    sBB = 0,
    sLr = 0,
    sBr = 0,
    srr = 0;
  for (let t = 0; t < y.length; t++) {
    const c = cl + phi * cb;
    const L = ll + phi * lb;
    const B = bl + phi * bb;
    const r = y[t] - c;
    sLL += L * L;
    sLB += L * B;
    sBB += B * B;
    sLr += L * r;
    sBr += B * r;
    srr += r * r;
    const e = r; // innovation of the zero-state run (data part)
    cl = c + alpha * e;
    cb = phi * cb + beta * e;
    ll = L - alpha * L;
    lb = phi * lb - beta * L;
    bl = B - alpha * B;
    bb = phi * bb - beta * B;
  }
  if (!trend) {
    const l0 = sLL > 0 ? sLr / sLL : 0;
    return { sse: Math.max(srr - l0 * sLr, 0), l0, b0: 0 };
  }
  const det = sLL * sBB - sLB * sLB;
  if (!(Math.abs(det) > 1e-12 * (sLL * sBB + 1e-300))) {
    const l0 = sLL > 0 ? sLr / sLL : 0;
    return { sse: Math.max(srr - l0 * sLr, 0), l0, b0: 0 };
  }
  const l0 = (sBB * sLr - sLB * sBr) / det;
  const b0 = (sLL * sBr - sLB * sLr) / det;
  return { sse: Math.max(srr - l0 * sLr - b0 * sBr, 0), l0, b0 };
}

/** Allocation-free multiplicative-error likelihood n·log(SSE) + 2Σlog ŷ for the simplex. */
function multLik(y: readonly number[], phi: number, p: EtsParams): number {
  let l = p.l0;
  let b = p.b0;
  let sse = 0;
  // Σlog ŷ via a running product, renormalised to stay in range: one log per ~50 steps.
  let prod = 1;
  let logAcc = 0;
  for (let t = 0; t < y.length; t++) {
    const yhat = l + phi * b;
    if (!(yhat > 0)) return Infinity;
    const e = (y[t] - yhat) / yhat;
    prod *= yhat;
    if (prod > 1e100 || prod < 1e-100) {
      logAcc += Math.log(prod);
      prod = 1;
    }
    l = yhat * (1 + p.alpha * e);
    b = phi * b + p.beta * yhat * e;
    sse += e * e;
  }
  return y.length * Math.log(Math.max(sse, 1e-300)) + 2 * (logAcc + Math.log(prod));
}

function fitAdditive(y: readonly number[], spec: EtsSpec): EtsParams {
  const trend = spec.trend !== "N";
  const damped = spec.trend === "Ad";
  const unpack = (x: number[]) => toSmoothing(x, trend, damped);
  const objective = (x: number[]) => {
    const { alpha, beta, phi } = unpack(x);
    if (!smoothingOk(spec, alpha, beta, phi)) return Infinity;
    return profileStates(y, trend, alpha, beta, phi).sse;
  };
  // Starting values follow R's initparam(): alpha 0.2, beta 0.1·alpha, phi near its upper bound.
  // Two starts: R's initparam() (alpha 0.2, beta 0.1·alpha, phi near its upper bound) and
  // a fast-adapting one, since yearly likelihoods often have a second optimum near alpha = 1.
  let best = { x: [] as number[], value: Infinity };
  for (const [a, b, ph] of [
    [0.2, 0.02, 0.97],
    [0.95, 0.5, 0.9],
  ]) {
    const x0 = fromSmoothing(a, b, ph, trend, damped);
    const step = x0.map(() => 1);
    let r = nelderMead(objective, x0, { step, maxIter: 250, tol: 1e-8 });
    r = nelderMead(objective, r.x, { step: step.map((v) => v / 4), maxIter: 100, tol: 1e-8 });
    if (r.value < best.value) best = r;
    if (!trend) break; // one dimension: the second start adds nothing
  }
  const { alpha, beta, phi } = unpack(best.x);
  const st = profileStates(y, trend, alpha, beta, phi);
  return { alpha, beta, phi, l0: st.l0, b0: st.b0 };
}

function fitMultiplicative(y: readonly number[], spec: EtsSpec, additive?: EtsParams): EtsParams {
  const trend = spec.trend !== "N";
  const damped = spec.trend === "Ad";
  const start = additive ?? fitAdditive(y, { error: "A", trend: spec.trend });
  const scale = Math.max(y.reduce((s, v) => s + Math.abs(v), 0) / y.length, 1e-8);
  const nSmooth = damped ? 3 : trend ? 2 : 1;
  const unpack = (x: number[]): EtsParams => {
    const sm = toSmoothing(x, trend, damped);
    return { ...sm, l0: x[nSmooth] * scale, b0: trend ? x[nSmooth + 1] * scale : 0 };
  };
  const x0 = fromSmoothing(start.alpha, start.beta, start.phi, trend, damped);
  const step = x0.map(() => 0.5);
  x0.push(start.l0 / scale);
  step.push(0.05);
  if (trend) {
    x0.push(start.b0 / scale);
    step.push(0.02);
  }
  const objective = (x: number[]) => {
    const p = unpack(x);
    if (!smoothingOk(spec, p.alpha, p.beta, p.phi) || !(p.l0 > 0)) return Infinity;
    return multLik(y, p.phi, p);
  };
  if (!Number.isFinite(objective(x0))) {
    // The additive optimum can imply a non-positive forecast; restart from R's heuristic.
    const init = initialStates(y);
    x0.splice(0, x0.length, ...fromSmoothing(0.2, 0.02, 0.97, trend, damped));
    // A steep start can make the OLS intercept negative; then begin at the first point.
    const l0 = trend && init.l0 > 0 ? init.l0 : y[0];
    const b0 = trend ? (init.l0 > 0 ? init.b0 : (y[1] - y[0]) / 2) : 0;
    x0.push(l0 / scale, ...(trend ? [b0 / scale] : []));
  }
  let best = nelderMead(objective, x0, { step, maxIter: 220, tol: 1e-7 });
  best = nelderMead(objective, best.x, { step: step.map((s) => s / 4), maxIter: 80, tol: 1e-7 });
  return unpack(best.value < Number.MAX_VALUE ? best.x : x0);
}

/** Maximum-likelihood fit of one model (smoothing parameters and initial states jointly). */
export function fitEts(y: readonly number[], spec: EtsSpec, additiveStart?: EtsParams): EtsFit {
  const params = spec.error === "A" ? fitAdditive(y, spec) : fitMultiplicative(y, spec, additiveStart);
  return etsFilter(y, spec, params);
}
