import { describe, expect, it } from "vitest";
import { maxBreakdownGap, ranking, shapeSeries, sharesInYear, sumSeries } from "./series";
import type { MemberInfo } from "../types";

const members: MemberInfo[] = [
  { dimension: "vendor", slug: "b", name: "Beta", description: "", sortOrder: 1 },
  { dimension: "vendor", slug: "a", name: "Alpha", description: "", sortOrder: 0 },
  { dimension: "vendor", slug: "c", name: "Gamma", description: "", sortOrder: 2 },
];
const rows = [
  { year: 2024, key: "a", value: 10 },
  { year: 2024, key: "b", value: 30 },
  { year: 2025, key: "a", value: 40 },
  { year: 2025, key: "b", value: 20 },
  { year: 2025, key: "c", value: 5 },
];

describe("shapeSeries", () => {
  it("orders members, fills missing years with 0 and marks the basis", () => {
    const s = shapeSeries(rows, {
      by: "vendor",
      from: 2024,
      to: 2025,
      members,
      unfiltered: true,
      publishedYears: [2024],
    });
    expect(s.map((x) => x.key)).toEqual(["a", "b", "c"]);
    expect(s[2].points).toEqual([
      { year: 2024, value: 0, basis: "modelled" },
      { year: 2025, value: 5, basis: "modelled" },
    ]);
  });
  it("marks a published year only on the unfiltered total", () => {
    const total = [{ year: 2024, key: "total", value: 40 }];
    const opts = { by: "total" as const, from: 2024, to: 2024, members, publishedYears: [2024] };
    expect(shapeSeries(total, { ...opts, unfiltered: true })[0].points[0].basis).toBe("published");
    expect(shapeSeries(total, { ...opts, unfiltered: false })[0].points[0].basis).toBe("modelled");
  });
  it("keeps only the filtered members of the breakdown dimension", () => {
    const s = shapeSeries(rows, { by: "vendor", from: 2024, to: 2025, members, unfiltered: false, only: ["b"] });
    expect(s.map((x) => x.key)).toEqual(["b"]);
  });
});

describe("shares, rankings and checks", () => {
  const s = shapeSeries(rows, { by: "vendor", from: 2024, to: 2025, members, unfiltered: true });
  it("sums series per year", () => {
    expect(sumSeries(s)).toEqual([
      { year: 2024, value: 40 },
      { year: 2025, value: 65 },
    ]);
  });
  it("gives shares in a year, largest first", () => {
    expect(sharesInYear(s, 2024).map((r) => [r.key, r.share])).toEqual([
      ["b", 0.75],
      ["a", 0.25],
      ["c", 0],
    ]);
  });
  it("lists the catch-all 'Others' last, however large", () => {
    const withOthers = [
      { key: "others", label: "Others", points: [{ year: 2024, value: 260, basis: "modelled" as const }] },
      { key: "a", label: "A", points: [{ year: 2024, value: 200, basis: "modelled" as const }] },
      { key: "b", label: "B", points: [{ year: 2024, value: 540, basis: "modelled" as const }] },
    ];
    expect(sharesInYear(withOthers, 2024).map((r) => r.key)).toEqual(["b", "a", "others"]);
  });
  it("ranks with the change against the year before", () => {
    const r = ranking(s, 2025);
    expect(r.map((x) => [x.key, x.rank, x.previousRank, x.rankChange])).toEqual([
      ["a", 1, 2, 1],
      ["b", 2, 1, -1],
      ["c", 3, 3, 0],
    ]);
    expect(ranking(s, 2024)[0].previousRank).toBeNull();
  });
  it("leaves a catch-all member unranked, last, with its share of the whole", () => {
    const r = ranking(s, 2025, { unranked: ["a"] });
    expect(r.map((x) => [x.key, x.rank, x.rankChange])).toEqual([
      ["b", 1, 0],
      ["c", 2, 0],
      ["a", null, null],
    ]);
    expect(r[2].share).toBeCloseTo(40 / 65, 12);
  });
  it("measures the breakdown-vs-total gap", () => {
    const total = {
      key: "total",
      label: "Total",
      points: [
        { year: 2024, value: 40.5, basis: "modelled" as const },
        { year: 2025, value: 65, basis: "modelled" as const },
      ],
    };
    expect(maxBreakdownGap(s, total)).toBeCloseTo(0.5, 12);
  });
});

describe("bases", () => {
  it("names history years published or modelled, and later years the publisher's outlook", () => {
    const rows = [2024, 2025, 2026, 2031].map((year) => ({ year, key: "total", value: 1 }));
    const s = shapeSeries(rows, {
      by: "total",
      from: 2024,
      to: 2031,
      members: [],
      unfiltered: true,
      publishedYears: [2024, 2031],
      historyTo: 2025,
    });
    const basis = Object.fromEntries(s[0].points.map((p) => [p.year, p.basis]));
    expect(basis).toMatchObject({
      2024: "published",
      2025: "modelled",
      2026: "outlook",
      2030: "outlook",
      2031: "published",
    });
  });
});
