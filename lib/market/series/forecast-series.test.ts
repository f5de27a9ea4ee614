import { describe, expect, it } from "vitest";
import { forecastHistory } from "./forecast-series";
import type { Series } from "../types";

const series = (key: string, values: number[]): Series => ({
  key,
  label: key,
  points: values.map((value, i) => ({ year: 2021 + i, value, basis: "modelled" as const })),
});
// Five history years (2021-2025) and seven outlook years, as in the default data set.
const grow = (start: number, rate: number) => Array.from({ length: 12 }, (_, i) => start * Math.pow(1 + rate, i));

describe("forecastHistory", () => {
  it.each(["auto", "drift", "loglinear", "naive", "theta"] as const)(
    "%s forecasts 2026-2032 with ordered 80/95 bands",
    (method) => {
      const f = forecastHistory(series("a", grow(100, 0.2)).points, 2025, 2032, method)!;
      expect(f.points.map((p) => p.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032]);
      for (const p of f.points) {
        expect(p.lower["95"]).toBeLessThanOrEqual(p.lower["80"]);
        expect(p.lower["80"]).toBeLessThanOrEqual(p.mean);
        expect(p.mean).toBeLessThanOrEqual(p.upper["80"]);
        expect(p.upper["80"]).toBeLessThanOrEqual(p.upper["95"]);
      }
    },
  );

  it.each([
    ["too little history", [1, 2, 3, 4, 5], 2022, 2032],
    ["nothing to forecast", [1, 2, 3, 4, 5], 2025, 2025],
  ])("returns null with %s", (_n, values, historyTo, lastYear) => {
    expect(forecastHistory(series("a", values).points, historyTo, lastYear, "auto")).toBeNull();
  });
});
