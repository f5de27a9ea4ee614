import { describe, expect, it } from "vitest";
import { reconcileByShareTrend, type SeriesForecastInfo } from "./reconcile";

/** The largest gap, over the forecast years, between the parts' summed means and the total's mean. */
function maxForecastGap(total: SeriesForecastInfo, parts: SeriesForecastInfo[]): number {
  return Math.max(
    0,
    ...total.points.map((t) =>
      Math.abs(parts.reduce((a, p) => a + (p.points.find((q) => q.year === t.year)?.mean ?? 0), 0) - t.mean),
    ),
  );
}

describe("reconcileByShareTrend", () => {
  const years = [2021, 2022, 2023, 2024, 2025];
  const hist = (values: number[]) => values.map((value, i) => ({ year: years[i], value }));
  const total = {
    method: "auto",
    points: [2026, 2027, 2028, 2029, 2030, 2031, 2032].map((year, i) => ({
      year,
      mean: 100 * 1.1 ** (i + 1),
      lower: { "80": 90 * 1.1 ** (i + 1) },
      upper: { "80": 110 * 1.1 ** (i + 1) },
    })),
  };
  // A fast riser from a tiny base, a steady part, a decliner, and a part with no history.
  const parts = [hist([1, 3, 8, 15, 25]), hist([50, 55, 60, 66, 72]), hist([49, 42, 32, 19, 3]), hist([0, 0, 0, 0, 0])];
  const out = reconcileByShareTrend(total, parts);

  it("splits the total exactly, bounds included", () => {
    expect(maxForecastGap(total, out)).toBeLessThan(1e-9);
    for (const [k, t] of total.points.entries()) {
      expect(out.reduce((a, p) => a + p.points[k].upper["80"], 0)).toBeCloseTo(t.upper["80"], 9);
    }
  });

  it("keeps a part with no history at zero and every part within [0, total]", () => {
    expect(out[3].points.every((p) => p.mean === 0)).toBe(true);
    for (const p of out.flatMap((o) => o.points)) expect(p.mean).toBeGreaterThanOrEqual(0);
  });

  it("moves shares along the trend, damped: the riser gains, the decliner loses, nobody takes the market", () => {
    const share = (i: number, k: number) => out[i].points[k].mean / total.points[k].mean;
    expect(share(0, 0)).toBeGreaterThan(25 / 100);
    expect(share(0, 6)).toBeGreaterThan(share(0, 0));
    expect(share(0, 6)).toBeLessThan(0.6);
    expect(share(2, 6)).toBeLessThan(share(2, 0));
    // Damped: the last step moves the share less than the first.
    expect(share(0, 6) - share(0, 5)).toBeLessThan(share(0, 1) - share(0, 0));
    expect(out[0].method).toBe("auto+share-trend");
  });
});
