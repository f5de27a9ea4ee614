import { describe, expect, it } from "vitest";
import {
  describeFilters,
  describeSlice,
  isEmpty,
  stackedRows,
  sumForecasts,
  summarizeBreakdown,
  summarizeTotal,
} from "./describe";
import type { MemberInfo, Series } from "../types";

const members: MemberInfo[] = [
  { dimension: "sector", slug: "healthcare", name: "Healthcare", description: "", sortOrder: 1 },
  { dimension: "region", slug: "europe", name: "Europe", description: "", sortOrder: 1 },
];
const none = { type: [], sector: [], vendor: [], region: [] };
const s = (key: string, values: number[], from = 2024): Series => ({
  key,
  label: key.toUpperCase(),
  points: values.map((value, i) => ({ year: from + i, value, basis: "modelled" as const })),
});

describe("describe", () => {
  it.each([
    [none, 2021, 2032, "All segments · 2021-2032"],
    [
      { ...none, sector: ["healthcare"], region: ["europe"] },
      2024,
      2024,
      "Application sector: Healthcare · Region: Europe · 2024",
    ],
    [{ ...none, vendor: ["acme"] }, 2021, 2025, "Vendor: acme · 2021-2025"],
  ])("describeFilters %j", (filters, from, to, text) => {
    expect(describeFilters(filters, members, from, to)).toBe(text);
  });

  it("names slices", () => {
    expect(describeSlice(none, members)).toBe("Whole market");
    expect(describeSlice({ ...none, sector: ["healthcare"], region: ["europe"] }, members)).toBe("Healthcare + Europe");
  });

  it("builds stacked rows with forecast or outlook after history, and shares", () => {
    const a = {
      ...s("a", [10, 20]),
      forecast: { method: "drift", points: [{ year: 2025, mean: 30, lower: {}, upper: {} }] },
    };
    const b = s("b", [30, 20]);
    expect(stackedRows([a, b], 2024, { useForecast: true, share: false })).toEqual([
      { year: 2024, phase: "history", a: 10, b: 30 },
      { year: 2025, phase: "forecast", a: 30, b: 20 },
    ]);
    expect(stackedRows([a, b], 2024, { useForecast: false, share: true })).toEqual([
      { year: 2024, phase: "history", a: 0.25, b: 0.75 },
      { year: 2025, phase: "outlook", a: 0.5, b: 0.5 },
    ]);
  });

  it("sums the members' forecasts into the breakdown's total, means and bounds per year", () => {
    const fc = (mean: number, lo: number, hi: number) => ({
      year: 2025,
      mean,
      lower: { "80": lo },
      upper: { "80": hi },
    });
    const a = { ...s("a", [10, 20]), forecast: { method: "auto:drift+share-trend", points: [fc(30, 25, 35)] } };
    const b = { ...s("b", [30, 20]), forecast: { method: "auto:drift+share-trend", points: [fc(20, 18, 23)] } };
    expect(sumForecasts([a, b])).toEqual({
      method: "auto:drift+share-trend",
      points: [{ year: 2025, mean: 50, lower: { "80": 43 }, upper: { "80": 58 } }],
    });
    expect(sumForecasts([s("a", [1, 2])])).toBeNull();
  });

  it.each([
    [[s("a", [0, 0])], true],
    [[], true],
    [[s("a", [0, 1])], false],
  ])("isEmpty %#", (series, empty) => {
    expect(isEmpty(series)).toBe(empty);
  });

  it("summarises a breakdown and a total in one sentence", () => {
    expect(summarizeBreakdown([s("a", [100]), s("b", [300])], 2024, "Sector")).toBe(
      "B is the largest sector in 2024 with 75.0% (≈ US$ 300 M) of ≈ US$ 400 M, followed by A with 25.0%.",
    );
    expect(summarizeBreakdown([s("a", [100]), s("others", [500]), s("b", [300])], 2024, "Vendor")).toBe(
      "B is the largest vendor in 2024 with 33.3% (≈ US$ 300 M) of ≈ US$ 900 M, followed by A with 11.1%.",
    );
    // After the last history year the figures are the publisher's outlook: the sentence says so.
    // A published total (the unfiltered market in a published year) prints exactly.
    expect(summarizeBreakdown([s("a", [2_234]), s("b", [6_700])], 2024, "Sector", 2025, true)).toBe(
      "B is the largest sector in 2024 with 75.0% (≈ US$ 6.7 B) of US$ 8,934 M, followed by A with 25.0%.",
    );
    expect(summarizeBreakdown([s("a", [100]), s("b", [300])], 2024, "Sector", 2023)).toBe(
      "B is the largest sector in 2024 (outlook) with 75.0% (≈ US$ 300 M) of ≈ US$ 400 M, followed by A with 25.0%.",
    );
    expect(summarizeTotal(s("t", [100, 121]), 2024)).toBe(
      "The market grows from ≈ US$ 100 M in 2024 to ≈ US$ 121 M in 2025 (21.0% a year; outlook after 2024).",
    );
    const withForecast = {
      ...s("t", [100, 121]),
      forecast: {
        method: "drift",
        points: [{ year: 2025, mean: 118, lower: { "80": 110, "95": 105 }, upper: { "80": 126, "95": 131 } }],
      },
    };
    expect(summarizeTotal(withForecast, 2024, "Healthcare")).toBe(
      "Healthcare grows from ≈ US$ 100 M in 2024 to ≈ US$ 121 M in 2025 (21.0% a year; outlook after 2024). Our forecast for 2025: ≈ US$ 118 M.",
    );
    // A published first year prints exactly; a year past the last outlook year says how it was made.
    const published = { ...s("t", [8_934, 10_015, 11_227]), forecast: null };
    published.points[0] = { ...published.points[0], basis: "published" };
    expect(summarizeTotal(published, 2025, "The market", { outlookYear: 2025 })).toBe(
      "The market grows from US$ 8,934 M in 2024 to ≈ US$ 11.2 B in 2026 (extended at the published CAGR) (12.1% a year; outlook after 2025).",
    );
    // Under a scenario the years after the history are the scenario's, not the outlook extended.
    const moved = {
      ...published,
      points: published.points.map((p) => (p.year > 2025 ? { ...p, basis: "scenario" as const } : p)),
    };
    expect(summarizeTotal(moved, 2025, "The market", { outlookYear: 2025 })).toBe(
      "The market grows from US$ 8,934 M in 2024 to ≈ US$ 11.2 B in 2026 (12.1% a year; scenario after 2025).",
    );
    const scen = (key: string, v: number) => ({
      ...s(key, [v]),
      points: [{ ...s(key, [v]).points[0], basis: "scenario" as const }],
    });
    expect(summarizeBreakdown([scen("a", 100), scen("b", 300)], 2024, "Sector", 2023)).toBe(
      "B is the largest sector in 2024 (scenario) with 75.0% (≈ US$ 300 M) of ≈ US$ 400 M, followed by A with 25.0%.",
    );
  });
});
