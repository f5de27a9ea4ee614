import { describe, expect, it } from "vitest";
import { forecast } from "./index";
import { growthStats, SHORT_MODEL, shrunkGrowth } from "./short";

// Five years (2021-2025) of a market total that grew 11-25% every year, forecast to 2032.
const market = [4882, 5858, 7323, 8934, 9927.33];

describe("short-series path (< 7 points)", () => {
  const r = forecast(market, { h: 7 });
  const last = market.at(-1)!;

  it("grows the last value at the shrunk growth, fading by the damping factor each year", () => {
    expect(r.method).toBe("auto:loggrowth(shrunk,damped)");
    const { g, w } = shrunkGrowth(market);
    const cagr = Math.log(last / market[0]) / 4;
    // A steady 11-25% grower keeps about half of its own CAGR on top of the prior mean.
    expect(w).toBeGreaterThan(0.3);
    expect(w).toBeLessThan(0.8);
    expect(g).toBeCloseTo(SHORT_MODEL.growth.mean + w * (cagr - SHORT_MODEL.growth.mean), 12);
    let cum = 0;
    r.mean.forEach((m, k) => {
      cum += g * SHORT_MODEL.damping ** k;
      expect(m).toBeCloseTo(last * Math.exp(cum), 6);
    });
    // Still growing every year, each year a little less.
    for (let k = 1; k < 7; k++) {
      expect(r.mean[k]).toBeGreaterThan(r.mean[k - 1]);
      if (k > 1) expect(r.mean[k] / r.mean[k - 1]).toBeLessThan(r.mean[k - 1] / r.mean[k - 2]);
    }
  });

  it("a jumpy series is pulled harder toward the prior than a steady one with the same CAGR", () => {
    const jumpy = [4882, 7800, 6100, 9900, 9927.33];
    expect(growthStats(jumpy).mu).toBeCloseTo(growthStats(market).mu, 12);
    expect(shrunkGrowth(jumpy).w).toBeLessThan(shrunkGrowth(market).w / 2);
    // A steady decline is forecast to keep declining, more slowly.
    const falling = [100, 90, 81, 73, 66];
    const f = forecast(falling, { h: 3 }).mean;
    expect(f[0]).toBeLessThan(66);
    expect(f[2]).toBeLessThan(f[0]);
    expect(f[2]).toBeGreaterThan(66 * 0.9 ** 3);
  });

  it("95% contains the mean, is positive, nests the 80% and widens with the horizon", () => {
    for (let k = 0; k < 7; k++) {
      expect(r.lower["95"][k]).toBeGreaterThan(0);
      expect(r.lower["95"][k]).toBeLessThan(r.lower["80"][k]);
      expect(r.lower["80"][k]).toBeLessThan(r.mean[k]);
      expect(r.mean[k]).toBeLessThan(r.upper["80"][k]);
      expect(r.upper["80"][k]).toBeLessThan(r.upper["95"][k]);
      if (k > 0) {
        expect(r.upper["95"][k] / r.lower["95"][k]).toBeGreaterThan(r.upper["95"][k - 1] / r.lower["95"][k - 1]);
      }
    }
  });

  it("is sensible: bounded spread at h = 7 and no implied slump at h = 1", () => {
    // Median upper95/lower95 at h = 7 over 5-point M3 training windows is 4.9 for this model
    // (6.9 for the mean(drift,naive) fallback before it); a steady grower must be narrower.
    expect(r.upper["95"][6] / r.lower["95"][6]).toBeLessThan(5);
    expect(r.upper["95"][6] / r.lower["95"][6]).toBeGreaterThan(1.5);
    // Every year grew ≥ 11%: the 80% band may allow a small dip, not a 10% fall.
    expect(r.lower["80"][0]).toBeGreaterThan(0.97 * last);
  });

  it("any levels work and stay nested", () => {
    const s = forecast(market, { h: 7, level: [99, 50, 90] });
    for (let k = 0; k < 7; k++) {
      expect(s.lower["99"][k]).toBeLessThan(s.lower["90"][k]);
      expect(s.lower["90"][k]).toBeLessThan(s.lower["50"][k]);
      expect(s.upper["50"][k]).toBeLessThan(s.upper["90"][k]);
      expect(s.upper["90"][k]).toBeLessThan(s.upper["99"][k]);
    }
  });

  it("3, 4 and 6 points give finite positive intervals; 7 points switch to the full auto", () => {
    for (const n of [3, 4, 6]) {
      const y = [...market, 11000].slice(0, n);
      const s = forecast(y, { h: 7 });
      expect(s.method).toBe("auto:loggrowth(shrunk,damped)");
      expect([...s.lower["95"], ...s.upper["95"]].every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    }
    expect(forecast([...market, 11000, 12100], { h: 3 }).method).toMatch(/^auto:median\(/);
  });

  it("zeros or negatives fall back to mean(drift,naive)", () => {
    const s = forecast([0, 3, 5, 8, 9], { h: 4 });
    expect(s.method).toBe("auto:mean(drift,naive)");
    expect(s.lower["95"].every((v) => v >= 0)).toBe(true);
  });
});
