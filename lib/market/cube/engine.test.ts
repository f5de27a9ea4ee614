import { describe, expect, it } from "vitest";
import { defaultDataset } from "@/prisma/data/default-dataset";
import { buildCube } from "./build-cube";
import { aggregate, denseCubeFromCells, sliceOf, type CubeCell } from "./engine";
import { fromMicro, roundMicro, toMicro } from "./micro";
import { DIMENSIONS, type Dimension } from "../types";

const none = { type: [], sector: [], vendor: [], region: [] };

// A small irregular cube: 3 years × 2 types × 3 sectors × 4 vendors × 2 regions, values with cents.
const slugs = { type: ["a", "b"], sector: ["s1", "s2", "s3"], vendor: ["v1", "v2", "v3", "v4"], region: ["n", "s"] };
const cells: CubeCell[] = [];
let seed = 7;
const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
for (const year of [2023, 2024, 2025])
  for (const type of slugs.type)
    for (const sector of slugs.sector)
      for (const vendor of slugs.vendor)
        for (const region of slugs.region)
          cells.push({ year, type, sector, vendor, region, value: Math.round(next() * 1e8) / 1e6 });
const cube = denseCubeFromCells(cells, slugs);

/** The slice summed the plain way: every cell checked against every filter. */
function scan(by: "total" | Dimension, filters: Record<Dimension, string[]>, from: number, to: number) {
  const sums = new Map<string, number>();
  for (const c of cells) {
    if (c.year < from || c.year > to) continue;
    if (DIMENSIONS.some((d) => filters[d].length && !filters[d].includes(c[d]))) continue;
    const key = `${c.year}|${by === "total" ? "total" : c[by]}`;
    sums.set(key, (sums.get(key) ?? 0) + toMicro(c.value));
  }
  return new Map([...sums].map(([k, v]) => [k, fromMicro(v)]));
}

describe("aggregate", () => {
  it.each([
    ["the total", "total" as const, none, 2023, 2025],
    ["by type, one sector", "type" as const, { ...none, sector: ["s2"] }, 2023, 2025],
    ["by vendor, two filters", "vendor" as const, { ...none, type: ["b"], region: ["s", "n"] }, 2024, 2025],
    ["by region, vendors", "region" as const, { ...none, vendor: ["v4", "v1"] }, 2025, 2025],
    ["by sector, filtered on itself", "sector" as const, { ...none, sector: ["s3", "s1"] }, 2023, 2024],
    ["by region, one region", "region" as const, { ...none, region: ["s"] }, 2023, 2025],
    ["by region, unfiltered", "region" as const, none, 2023, 2025],
    ["by type, one region", "type" as const, { ...none, region: ["n"], vendor: ["v2", "v3"] }, 2024, 2024],
  ])("sums %s exactly as a scan of every cell does", (_n, by, filters, from, to) => {
    const rows = aggregate(cube, { by, filters, from, to });
    const expected = scan(by, filters, from, to);
    expect(rows.length).toBe(expected.size);
    for (const r of rows) expect(r.value, `${r.year} ${r.key}`).toBe(expected.get(`${r.year}|${r.key}`));
  });

  it("gives rows year by year, members in the grid's order, and none for a slice with no cell", () => {
    const rows = aggregate(cube, { by: "vendor", filters: { ...none, vendor: ["v3", "v1"] }, from: 2024, to: 2025 });
    expect(rows.map((r) => `${r.year}:${r.key}`)).toEqual(["2024:v1", "2024:v3", "2025:v1", "2025:v3"]);
    expect(aggregate(cube, { by: "total", filters: { ...none, region: ["nowhere"] }, from: 2023, to: 2025 })).toEqual(
      [],
    );
    // Years outside the cube are simply not there.
    expect(aggregate(cube, { by: "total", filters: none, from: 2000, to: 2023 }).map((r) => r.year)).toEqual([2023]);
  });

  it("finds a slice's cells as runs of adjacent cells, each under its breakdown member", () => {
    // type b, vendor v2: per sector one run of the two regions.
    const bySector = sliceOf(cube, "sector", { ...none, type: ["b"], vendor: ["v2"] });
    expect(bySector.runs).toBe(3);
    expect([...bySector.length.subarray(0, 3)]).toEqual([2, 2, 2]);
    expect([...bySector.part.subarray(0, 3)]).toEqual([0, 1, 2]);
    expect([...bySector.present]).toEqual([1, 1, 1]);
    // The whole grid by total: one run; by region (the innermost dimension): runs over both regions.
    expect(sliceOf(cube, "total", none).runs).toBe(1);
    const byRegion = sliceOf(cube, "region", none);
    expect(byRegion.runs).toBe(2 * 3 * 4);
    expect(byRegion.step.subarray(0, byRegion.runs).every((s) => s === 1)).toBe(true);
    // A filtered innermost dimension breaks the runs.
    expect(sliceOf(cube, "vendor", { ...none, region: ["s"] }).runs).toBe(2 * 3 * 4);
  });

  it("serves the default data set's published figures exactly", () => {
    const def = defaultDataset;
    const order = Object.fromEntries(DIMENSIONS.map((d) => [d, def.members[d].map((m) => m.slug)])) as Record<
      Dimension,
      string[]
    >;
    const big = denseCubeFromCells(buildCube(def), order);
    expect(big.micro.length).toBe(25_920);
    const totals = aggregate(big, { by: "total", filters: none, from: def.firstYear, to: def.lastYear });
    for (const t of def.totals) expect(totals.find((r) => r.year === t.year)!.value).toBe(roundMicro(t.value));
    expect(totals.find((r) => r.year === 2024)!.value).toBe(8934);
    expect(totals.find((r) => r.year === 2031)!.value).toBe(19700);
    for (const by of DIMENSIONS) {
      const rows = aggregate(big, { by, filters: none, from: 2024, to: 2024 });
      expect(fromMicro(rows.reduce((a, r) => a + toMicro(r.value), 0)), by).toBe(8934);
    }
  });
});
