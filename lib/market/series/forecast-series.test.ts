import { describe, expect, it } from "vitest";
import { forecastHistory, forecastSeriesSet } from "./forecast-series";
import { maxForecastGap } from "./reconcile";
import type { Series } from "../types";

const series = (key: string, values: number[]): Series => ({
  key,
  label: key,
  points: values.map((value, i) => ({ year: 2021 + i, value, basis: "modelled" as const })),
});
// Five history years (2021-2025) and seven outlook years, as in the default data set.
const grow = (start: number, rate: number) => Array.from({ length: 12 }, (_, i) => start * Math.pow(1 + rate, i));

describe("forecastHistory", () => {
  it.each(["auto", "drift", "loglinear", "naive", "theta"] as const)("%s forecasts 2026-2032 with ordered 80/95 bands", (method) => {
    const f = forecastHistory(series("a", grow(100, 0.2)).points, 2025, 2032, method)!;
    expect(f.points.map((p) => p.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    for (const p of f.points) {
      expect(p.lower["95"]).toBeLessThanOrEqual(p.lower["80"]);
      expect(p.lower["80"]).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.upper["80"]);
      expect(p.upper["80"]).toBeLessThanOrEqual(p.upper["95"]);
    }
  });

  it.each([
    ["too little history", [1, 2, 3, 4, 5], 2022, 2032],
    ["nothing to forecast", [1, 2, 3, 4, 5], 2025, 2025],
  ])("returns null with %s", (_n, values, historyTo, lastYear) => {
    expect(forecastHistory(series("a", values).points, historyTo, lastYear, "auto")).toBeNull();
  });
});

describe("forecastSeriesSet", () => {
  const parts = [series("a", grow(100, 0.3)), series("b", grow(50, 0.05)), series("c", grow(20, 0.1))];
  const opts = { historyTo: 2025, lastYear: 2032, method: "auto" as const };

  it("reconciled parts add up to the forecast of their sum", () => {
    const out = forecastSeriesSet(parts, { ...opts, reconcile: true });
    const sum = forecastSeriesSet([series("t", parts[0].points.map((p, i) => p.value + parts[1].points[i].value + parts[2].points[i].value))], { ...opts, reconcile: false });
    expect(maxForecastGap(sum[0].forecast!, out.map((s) => s.forecast ?? null))).toBeLessThan(1e-6);
    expect(out[0].forecast!.method).toMatch(/\+share-trend$/);
  });
});
