import { describe, expect, it } from "vitest";
import { forecastRobustness, SENSITIVITY_BUMP } from "./robustness";
import { forecastHistory } from "./forecast-series";

const market = [
  { year: 2021, value: 6000 },
  { year: 2022, value: 6800 },
  { year: 2023, value: 7800 },
  { year: 2024, value: 8934 },
  { year: 2025, value: 10000 },
  { year: 2026, value: 11200 }, // an outlook year: never read as history
];
const opts = {
  historyTo: 2025,
  lastYear: 2032,
  method: "auto" as const,
  year: 2031,
  outlook: 19700,
  publishedYears: [2024, 2031],
};

describe("forecastRobustness", () => {
  it("is the forecast's own value in the outlook year, set beside the outlook", () => {
    const r = forecastRobustness(market, opts)!;
    const f = forecastHistory(market, 2025, 2032, "auto")!.points.find((p) => p.year === 2031)!;
    expect(r.year).toBe(2031);
    expect(r.mean).toBe(f.mean);
    expect(r.lower80).toBe(f.lower["80"]);
    expect(r.upper80).toBe(f.upper["80"]);
    expect(r.vsOutlook).toBeCloseTo(f.mean / 19700 - 1, 12);
  });

  it("counts the history years and the published ones among them", () => {
    const r = forecastRobustness(market, opts)!;
    expect([r.historyFrom, r.historyTo]).toEqual([2021, 2025]);
    expect(r.publishedHistoryYears).toEqual([2024]);
  });

  it("measures how far a 5% higher last history year moves the outlook-year value", () => {
    const r = forecastRobustness(market, opts)!;
    const bumped = market.map((p) => (p.year === 2025 ? { ...p, value: p.value * (1 + SENSITIVITY_BUMP) } : p));
    const moved = forecastHistory(bumped, 2025, 2032, "auto")!.points.find((p) => p.year === 2031)!.mean;
    expect(r.sensitivity).toBeCloseTo(moved / r.mean - 1, 12);
    // Raising the last year raises the forecast, by at least the bump itself.
    expect(r.sensitivity).toBeGreaterThanOrEqual(SENSITIVITY_BUMP - 1e-9);
  });

  it("is null when the year is not a forecast year, or the history is empty", () => {
    expect(forecastRobustness(market, { ...opts, year: 2024 })).toBeNull();
    expect(forecastRobustness([], opts)).toBeNull();
  });

  it("has no comparison without an outlook", () => {
    expect(forecastRobustness(market, { ...opts, outlook: null })!.vsOutlook).toBeNull();
  });
});
