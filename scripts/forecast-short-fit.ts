/**
 * Bench-only fitting code for the short-series path of lib/forecast: it estimates the pooled
 * constants that lib/forecast/short.ts ships, so it lives with the benchmark, not the library.
 */
import type { VolatilityPrior } from "../lib/forecast/short";
import { lgamma } from "../lib/forecast/stats";

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
