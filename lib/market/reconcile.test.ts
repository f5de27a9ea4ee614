import { describe, expect, it } from "vitest";
import { maxForecastGap, reconcileProportional, type SeriesForecastInfo } from "./reconcile";

const fc = (means: number[], spread = 0.1): SeriesForecastInfo => ({
  method: "drift",
  points: means.map((mean, i) => ({
    year: 2026 + i,
    mean,
    lower: { "80": mean * (1 - spread), "95": mean * (1 - 2 * spread) },
    upper: { "80": mean * (1 + spread), "95": mean * (1 + 2 * spread) },
  })),
});

describe("reconcileProportional", () => {
  it.each([
    ["parts below the total", [110, 121], [[40, 44], [50, 55]]],
    ["parts above the total", [100, 100], [[80, 90], [70, 60]]],
    ["three parts, already coherent", [30, 60], [[10, 20], [10, 20], [10, 20]]],
  ])("%s: the parts add up to the total afterwards", (_name, total, parts) => {
    const t = fc(total);
    const r = reconcileProportional(t, parts.map((p) => fc(p)));
    expect(maxForecastGap(t, r)).toBeLessThan(1e-9);
    // Relative shape kept: each part's share of the year equals its share before scaling.
    for (let k = 0; k < total.length; k++) {
      const before = parts.map((p) => p[k] / parts.reduce((a, q) => a + q[k], 0));
      const after = r.map((p) => p!.points[k].mean / total[k]);
      after.forEach((a, i) => expect(a).toBeCloseTo(before[i], 12));
    }
  });

  it("scales interval bounds by the same factor as the mean", () => {
    const [p] = reconcileProportional(fc([200]), [fc([100]), fc([100])]);
    const q = p!.points[0];
    expect(q.mean).toBeCloseTo(100, 9);
    expect([q.lower["80"], q.lower["95"], q.upper["80"], q.upper["95"]].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([90, 80, 110, 120]);
    expect(p!.method).toBe("drift+reconciled");
  });

  it("leaves zero and missing parts alone", () => {
    const r = reconcileProportional(fc([50]), [fc([0]), null]);
    expect(r[0]!.points[0].mean).toBe(0);
    expect(r[1]).toBeNull();
  });
});
