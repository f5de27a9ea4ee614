/**
 * Bench-only fitting code for the short-series path of lib/forecast: it estimates the pooled
 * constants that lib/forecast/short.ts ships, so it lives with the benchmark, not the library.
 */
import { mase, naiveScale, smape } from "../lib/forecast";
import { growthStats, type ShortModel, shortBounds, shortPath } from "../lib/forecast/short";
import { lgamma } from "../lib/forecast/stats";

export interface VolatilityPrior {
  df: number;
  sd: number;
}

/** A history window and the values that followed it (all inside an M3 training part). */
export interface Window {
  series: number;
  hist: number[];
  future: number[];
  /** The last window of its series and length (closest to the end of the training part). */
  recent: boolean;
  /** MASE scale of the whole training part (the window's own scale is naiveScale(hist)). */
  partScale: number;
}

/**
 * Maximum-likelihood fit of the pooled volatility prior: if σ² ~ scaled-inv-χ²(ν0, σ0²) and
 * s² | σ² ~ σ²·χ²_k/k, then s²/σ0² ~ F(k, ν0). Grid search over (log ν0, log σ0).
 */
export function fitVolatilityPrior(
  samples: readonly { s2: number; k: number }[],
): VolatilityPrior & { logLik: number } {
  const data = samples.filter((r) => r.k >= 2 && r.s2 > 0);
  const ll = (nu: number, s0: number) => {
    let sum = 0;
    const v0 = s0 * s0;
    for (const { s2, k } of data) {
      const x = s2 / v0;
      sum +=
        lgamma((k + nu) / 2) -
        lgamma(k / 2) -
        lgamma(nu / 2) +
        (k / 2) * Math.log(k / nu) +
        (k / 2 - 1) * Math.log(x) -
        ((k + nu) / 2) * Math.log(1 + (k * x) / nu) -
        Math.log(v0);
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

/** Mean sMAPE and MASE (scaled by the window itself, as when only the window is known). */
export function pointScore(ws: readonly Window[], path: (w: Window) => number[]): { smape: number; mase: number } {
  let sm = 0;
  let ma = 0;
  for (const w of ws) {
    const f = path(w);
    sm += smape(w.future, f);
    ma += mase(w.hist, w.future, f);
  }
  return { smape: sm / ws.length, mase: ma / ws.length };
}

/** Per-window quantities that do not depend on the growth prior or damping (speeds up the grid). */
function prepare(ws: readonly Window[], model: ShortModel) {
  return ws.map((w) => {
    const { mu, s2, k } = growthStats(w.hist);
    const v = model.volatility;
    return {
      w,
      mu,
      scale2: (v.df * v.sd ** 2 + k * s2) / (v.df + k),
      last: w.hist[w.hist.length - 1],
      scale: naiveScale(w.hist),
    };
  });
}

/**
 * Growth prior (m0, τ) and damping φ by grid search: the lowest OWA (mean of sMAPE and MASE,
 * each relative to naive, as in the M4 competition) on the given windows. A grid with one
 * value fixes that parameter (e.g. τ = 1e3: no shrinkage; φ = 1: no damping). The path is the
 * one of shortPath, written out here so the grid runs in seconds.
 */
export function fitPointModel(
  ws: readonly Window[],
  base: ShortModel,
  grid: { mean: number[]; sd: number[]; damping: number[] },
): { model: ShortModel; owa: number } {
  const ref = pointScore(ws, (w) => new Array<number>(w.future.length).fill(w.hist[w.hist.length - 1]));
  const pre = prepare(ws, base);
  let best = { model: base, owa: Infinity };
  for (const damping of grid.damping) {
    const h = Math.max(...ws.map((w) => w.future.length));
    const cum = Array.from({ length: h }, (_, j) => (damping === 1 ? j + 1 : (1 - damping ** (j + 1)) / (1 - damping)));
    for (const mean of grid.mean) {
      for (const sd of grid.sd) {
        let sm = 0;
        let ma = 0;
        for (const p of pre) {
          const n = p.w.hist.length;
          const wt = (sd * sd) / (sd * sd + p.scale2 / (n - 1));
          const g = mean + wt * (p.mu - mean);
          let s1 = 0;
          let s2 = 0;
          for (let j = 0; j < p.w.future.length; j++) {
            const f = p.last * Math.exp(g * cum[j]);
            const y = p.w.future[j];
            s1 += (200 * Math.abs(y - f)) / (Math.abs(y) + Math.abs(f));
            s2 += Math.abs(y - f);
          }
          sm += s1 / p.w.future.length;
          ma += s2 / p.w.future.length / p.scale;
        }
        const owa = (sm / ws.length / ref.smape + ma / ws.length / ref.mase) / 2;
        if (owa < best.owa) best = { model: { ...base, growth: { mean, sd }, damping }, owa };
      }
    }
  }
  return best;
}

export const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Number((from + i * step).toFixed(6)));

/**
 * Variance factor c: the value in 0.8..1.6 (step 0.05) whose 80% and 95% coverage, on all
 * windows and on the most recent window of each series, stays farthest inside the target bands
 * (75–85, 90–97). Coverage at c is the share of |log error| / (q·sd) ≤ √c, with sd and q of c = 1.
 */
export function fitVarScale(ws: readonly Window[], model: ShortModel): number {
  const unit = { ...model, varScale: 1 };
  const ratios = (set: readonly Window[]) => {
    const r80: number[] = [];
    const r95: number[] = [];
    for (const w of set) {
      const mean = shortPath(w.hist, w.hist.length, w.future.length, unit);
      const b = shortBounds(w.hist, mean, [80, 95], unit);
      w.future.forEach((y, j) => {
        const e = Math.abs(Math.log(y / mean[j]));
        r80.push(e / Math.log(b.upper["80"][j] / mean[j]));
        r95.push(e / Math.log(b.upper["95"][j] / mean[j]));
      });
    }
    return [r80, r95];
  };
  const all = ratios(ws);
  const recent = ratios(ws.filter((w) => w.recent));
  const cov = (r: number[], c: number) => (100 * r.filter((x) => x <= Math.sqrt(c)).length) / r.length;
  let best = { c: 1, margin: -Infinity };
  for (const c of range(0.8, 1.6, 0.05)) {
    const [a80, a95, r80, r95] = [cov(all[0], c), cov(all[1], c), cov(recent[0], c), cov(recent[1], c)];
    const margin = Math.min(a80 - 75, 85 - a80, a95 - 90, 97 - a95, r80 - 75, 85 - r80, r95 - 90, 97 - r95);
    if (margin > best.margin) best = { c, margin };
  }
  return best.c;
}
