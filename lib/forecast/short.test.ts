import { describe, expect, it } from "vitest";
import { forecast } from "./index";

// Five years (2021-2025) of a market total that grew 11-25% every year, forecast to 2032.
const market = [4882, 5858, 7323, 8934, 9927.33];

describe("short-series path (< 7 points)", () => {
  const r = forecast(market, { h: 7 });
  const last = market.at(-1)!;

  it("uses damped log growth with empirical-Bayes intervals", () => {
    expect(r.method).toBe("auto:loggrowth(half,eb)");
    // Half the historical CAGR, continued from the last value.
    const g = Math.log(last / market[0]) / 4 / 2;
    r.mean.forEach((m, k) => expect(m).toBeCloseTo(last * Math.exp(g * (k + 1)), 6));
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
    // Median upper95/lower95 at h = 7 over 5-point M3 training windows is 3.3 for this scheme
    // (6.9 for the former fallback); a steadily growing series must not be wider than 1.5× that.
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
      expect(s.method).toBe("auto:loggrowth(half,eb)");
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
