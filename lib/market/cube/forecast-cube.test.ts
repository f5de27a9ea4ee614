import { describe, expect, it } from "vitest";
import { buildForecastCube, sliceForecast, type SeriesForecastInfo } from "./forecast-cube";
import { aggregate, denseCubeFromCells, type CubeCell } from "./engine";
import { roundMicro } from "./micro";
import { DIMENSIONS } from "../types";

// A small cube: 5 history years, 2 types × 2 sectors × 3 vendors × 1 region; "v3" is a fast riser from a tiny base.
const cells: CubeCell[] = [];
const growth: Record<string, number> = { v1: 0.05, v2: 0.1, v3: 1.5 };
for (let year = 2021; year <= 2025; year++)
  for (const type of ["a", "b"])
    for (const sector of ["s1", "s2"])
      for (const vendor of ["v1", "v2", "v3"])
        cells.push({
          year,
          type,
          sector,
          vendor,
          region: "r",
          value:
            (vendor === "v3" ? 0.5 : 40) *
            (type === "a" ? 2 : 1) *
            (sector === "s1" ? 1 : 3) *
            Math.pow(1 + growth[vendor], year - 2021),
        });
const cube = denseCubeFromCells(cells);
const market: SeriesForecastInfo = {
  method: "auto",
  points: [2026, 2027, 2028].map((year, i) => ({
    year,
    mean: 1000 * 1.1 ** (i + 1),
    lower: { "80": 900 * 1.1 ** (i + 1), "95": 800 * 1.1 ** (i + 1) },
    upper: { "80": 1100 * 1.1 ** (i + 1), "95": 1300 * 1.1 ** (i + 1) },
  })),
};
const fc = buildForecastCube(cube, 2025, market);
const none = { type: [], sector: [], vendor: [], region: [] };

describe("buildForecastCube", () => {
  it("splits the market's forecast over every cell", () => {
    const cells = 12;
    expect(fc.trend.share.length).toBe(3 * cells);
    for (const [k, p] of market.points.entries()) {
      const shares = Array.from(fc.trend.share.subarray(k * cells, (k + 1) * cells));
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const sum = sliceForecast(fc, { by: "total", filters: none }).get("total")!.points[k].mean;
      expect(sum).toBeCloseTo(p.mean, 6);
    }
  });

  it("gives the fast riser more share each year, at a slowing pace, and never the market", () => {
    const v3 = sliceForecast(fc, { by: "total", filters: { ...none, vendor: ["v3"] } }).get("total")!;
    const shares = v3.points.map((p, k) => p.mean / market.points[k].mean);
    const hist = aggregate(cube, { by: "vendor", filters: none, from: 2025, to: 2025 });
    const last = hist.find((r) => r.key === "v3")!.value / hist.reduce((a, r) => a + r.value, 0);
    expect(shares[0]).toBeGreaterThan(last);
    expect(shares[1] - shares[0]).toBeLessThan(shares[0] - last);
    expect(shares[2]).toBeLessThan(1);
  });
});

describe("sliceForecast", () => {
  it.each(DIMENSIONS.filter((d) => d !== "region"))(
    "members of a %s breakdown add up to their parent, means and bounds",
    (by) => {
      const filters = { ...none, sector: ["s2"] };
      const parent = sliceForecast(fc, { by: "total", filters }).get("total")!;
      const members = [...sliceForecast(fc, { by, filters }).values()];
      parent.points.forEach((p, k) => {
        const sum = (f: (x: SeriesForecastInfo["points"][number]) => number) =>
          members.reduce((a, m) => a + f(m.points[k]), 0);
        expect(sum((x) => x.mean)).toBeCloseTo(p.mean, 4);
        expect(sum((x) => x.upper["95"])).toBeCloseTo(p.upper["95"], 4);
        expect(sum((x) => x.lower["80"])).toBeCloseTo(p.lower["80"], 4);
        for (const m of members) {
          expect(m.points[k].mean).toBeLessThanOrEqual(p.mean);
          expect(m.points[k].upper["95"]).toBeLessThanOrEqual(p.upper["95"]);
        }
      });
    },
  );

  it("gives a slice the market's relative interval width", () => {
    const s = sliceForecast(fc, { by: "total", filters: { ...none, type: ["b"], vendor: ["v2"] } }).get("total")!;
    s.points.forEach((p, k) => {
      const m = market.points[k];
      expect(p.upper["95"] / p.mean).toBeCloseTo(m.upper["95"] / m.mean, 5);
      expect(p.lower["80"]).toBeGreaterThanOrEqual(0);
    });
  });

  it.each([
    ["by vendor", "vendor" as const, none],
    ["by type, one sector", "type" as const, { ...none, sector: ["s1"] }],
    ["by sector, two vendors", "sector" as const, { ...none, vendor: ["v3", "v1"] }],
    ["by region", "region" as const, { ...none, type: ["b"] }],
  ])("sums %s from every cell's share of the market, cell by cell", (_n, by, filters) => {
    const [, T, S, V, R] = cube.shape;
    const n = T * S * V * R;
    const out = sliceForecast(fc, { by, filters });
    const expected = new Map<string, number[]>();
    for (let c = 0; c < n; c++) {
      const at = [Math.floor(c / (S * V * R)), Math.floor(c / (V * R)) % S, Math.floor(c / R) % V, c % R];
      const slug = (k: number) => cube.slugs[DIMENSIONS[k]][at[k]];
      const f = filters as Record<string, string[]>;
      if (DIMENSIONS.some((d, k) => f[d].length && !f[d].includes(slug(k)))) continue;
      const key = slug(DIMENSIONS.indexOf(by));
      const sums = expected.get(key) ?? market.points.map(() => 0);
      market.points.forEach((p, k) => (sums[k] += fc.trend.share[k * n + c] * p.mean));
      expected.set(key, sums);
    }
    expect([...out.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, f] of out) expect(f.points.map((p) => p.mean)).toEqual(expected.get(key)!.map(roundMicro));
  });

  it("leaves out members with no cell in the slice", () => {
    expect([...sliceForecast(fc, { by: "vendor", filters: { ...none, vendor: ["v1"] } }).keys()]).toEqual(["v1"]);
    expect(sliceForecast(fc, { by: "total", filters: { ...none, region: ["elsewhere"] } }).size).toBe(0);
  });
});
