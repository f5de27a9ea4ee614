import { beforeAll, describe, expect, it } from "vitest";
import { defaultDataset } from "@/prisma/data/default-dataset";
import { buildCube, interpolateShares, validateDefinition } from "./build-cube";
import { fromMicro, toMicro } from "./micro";
import type { DatasetDefinition, FactRow, MarginalDefinition } from "./definition";
import { DIMENSIONS, type Dimension } from "../types";

const def = defaultDataset;
const YEARS = Array.from({ length: def.lastYear - def.firstYear + 1 }, (_, i) => def.firstYear + i);
const SPECIALISED = ["industry-specific", "vertically-specialized"];

function sumBy(rows: FactRow[], dim: Dimension): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r[dim]] = (out[r[dim]] ?? 0) + r.value;
  return out;
}
const totalOf = (year: number) => def.totals.find((t) => t.year === year)!.value;
const marginal = (dim: Dimension) => def.marginals.find((m) => m.dimension === dim)!;

let rows: FactRow[];
let byYear: Map<number, FactRow[]>;
beforeAll(() => {
  rows = buildCube(def);
  byYear = new Map(YEARS.map((y) => [y, rows.filter((r) => r.year === y)]));
});

describe("buildCube on the default definition", () => {
  it("emits one row per (year, type, sector, vendor, region): 12 × 3 × 9 × 16 × 5", () => {
    expect(rows).toHaveLength(25_920);
    expect(new Set(rows.map((r) => `${r.year}|${r.type}|${r.sector}|${r.vendor}|${r.region}`)).size).toBe(25_920);
  });

  it("has no negative or non-finite values", () => {
    expect(rows.every((r) => Number.isFinite(r.value) && r.value >= 0)).toBe(true);
  });

  it.each(YEARS)("cells of %i are whole micro-units adding up exactly to the year's total", (year) => {
    const cells = byYear.get(year)!;
    expect(cells.every((r) => fromMicro(toMicro(r.value)) === r.value)).toBe(true);
    expect(cells.reduce((a, r) => a + toMicro(r.value), 0)).toBe(toMicro(totalOf(year)));
  });

  it.each(DIMENSIONS.flatMap((dim) => YEARS.map((year) => ({ dim, year }))))(
    "honours the $dim marginal in $year",
    ({ dim, year }) => {
      const sums = sumBy(byYear.get(year)!, dim);
      const shares = interpolateShares(marginal(dim), year);
      // Exact up to the cells' rounding to micro-units: each cell moves by less than one.
      const cellsPerMember = byYear.get(year)!.length / def.members[dim].length;
      for (const m of def.members[dim]) {
        expect(Math.abs(sums[m.slug] - shares[m.slug] * totalOf(year))).toBeLessThanOrEqual(cellsPerMember * 1e-6);
      }
    },
  );

  it.each([
    { year: 2024, value: 8934 },
    { year: 2031, value: 19700 },
  ])("reproduces the published $year total ($value) exactly", ({ year, value }) => {
    const t = def.totals.find((x) => x.year === year)!;
    expect(t.basis).toBe("published");
    expect(Math.abs(t.value - value)).toBeLessThanOrEqual(1e-9);
    const micro = byYear.get(year)!.reduce((a, r) => a + toMicro(r.value), 0);
    expect(fromMicro(micro)).toBe(value);
  });

  it("grows 2025 → 2031 at the published 12.1% CAGR", () => {
    const cagr = Math.pow(totalOf(2031) / totalOf(2025), 1 / 6) - 1;
    expect(Math.round(cagr * 1000) / 10).toBe(12.1);
    expect(Math.abs(cagr - 0.121)).toBeLessThan(1e-12);
  });

  it("gives specialised model types a rising share from 2021 to 2032", () => {
    const share = (year: number) => {
      const sums = sumBy(byYear.get(year)!, "type");
      return SPECIALISED.reduce((a, s) => a + sums[s], 0) / totalOf(year);
    };
    expect(share(2032)).toBeGreaterThan(share(2021));
    expect(share(2032)).toBeGreaterThan(share(2024));
  });

  it("places Chinese vendors mostly in Asia-Pacific (affinities survive the fit)", () => {
    const y2024 = byYear.get(2024)!;
    for (const vendor of ["baidu", "tencent", "alibaba", "huawei"]) {
      const regions = sumBy(
        y2024.filter((r) => r.vendor === vendor),
        "region",
      );
      const all = Object.values(regions).reduce((a, b) => a + b, 0);
      expect(regions["asia-pacific"] / all).toBeGreaterThan(0.8);
    }
  });

  it("is deterministic", () => {
    const again = buildCube(def);
    expect(again.every((r, i) => r.value === rows[i].value && r.vendor === rows[i].vendor)).toBe(true);
  });
});

describe("interpolateShares", () => {
  const m: MarginalDefinition = {
    dimension: "type",
    anchors: [
      { year: 2030, shares: { a: 2, b: 2 } },
      { year: 2020, shares: { a: 1, b: 3 } },
    ],
    method: "",
    sources: [],
  };
  it.each([
    { year: 2010, a: 0.25 },
    { year: 2020, a: 0.25 },
    { year: 2025, a: 0.375 },
    { year: 2030, a: 0.5 },
    { year: 2040, a: 0.5 },
  ])("in $year gives a = $a (linear between anchors, flat outside, normalised)", ({ year, a }) => {
    const s = interpolateShares(m, year);
    expect(s.a).toBeCloseTo(a, 12);
    expect(s.a + s.b).toBeCloseTo(1, 12);
  });
});

describe("validateDefinition", () => {
  const broken = (edit: (d: DatasetDefinition) => void): DatasetDefinition => {
    const d = structuredClone(def);
    edit(d);
    return d;
  };
  const anchor0 = (d: DatasetDefinition, dim: Dimension) => d.marginals.find((m) => m.dimension === dim)!.anchors[0];

  it("accepts the default definition", () => {
    expect(() => validateDefinition(def)).not.toThrow();
  });

  it.each([
    {
      name: "a member missing from an anchor",
      edit: (d: DatasetDefinition) => delete anchor0(d, "vendor").shares.rasa,
      message: /"vendor", anchor 2021: member "rasa" is missing/,
    },
    {
      name: "an unknown slug in an anchor",
      edit: (d: DatasetDefinition) => (anchor0(d, "region").shares.mars = 0.1),
      message: /unknown member "mars"/,
    },
    {
      name: "a negative share",
      edit: (d: DatasetDefinition) => (anchor0(d, "sector").shares.bfsi = -0.1),
      message: /share of "bfsi" must be finite and ≥ 0/,
    },
    {
      name: "an anchor year out of range",
      edit: (d: DatasetDefinition) => (anchor0(d, "type").year = 2040),
      message: /anchor 2040: year is outside 2021-2032/,
    },
    {
      name: "a duplicated anchor year",
      edit: (d: DatasetDefinition) => (anchor0(d, "type").year = 2024),
      message: /anchor 2024: year is given twice/,
    },
    {
      name: "a missing total",
      edit: (d: DatasetDefinition) => (d.totals = d.totals.filter((t) => t.year !== 2027)),
      message: /no total for 2027/,
    },
    {
      name: "a duplicated total",
      edit: (d: DatasetDefinition) => d.totals.push({ ...d.totals[0] }),
      message: /total for 2021 is given twice/,
    },
    {
      name: "a negative total",
      edit: (d: DatasetDefinition) => (d.totals[1].value = -5),
      message: /total for 2022 must be/,
    },
    {
      name: "a missing marginal",
      edit: (d: DatasetDefinition) => (d.marginals = d.marginals.filter((m) => m.dimension !== "region")),
      message: /exactly one marginal for "region", found 0/,
    },
    {
      name: "an affinity with an unknown slug",
      edit: (d: DatasetDefinition) => d.affinities[0].weights.push({ a: "acme", b: "europe", weight: 2 }),
      message: /names unknown vendor "acme"/,
    },
    {
      name: "an affinity with a negative weight",
      edit: (d: DatasetDefinition) => (d.affinities[0].weights[0].weight = -1),
      message: /weight .* must be finite and ≥ 0/,
    },
    {
      name: "a duplicated member",
      edit: (d: DatasetDefinition) => d.members.sector.push({ ...d.members.sector[0] }),
      message: /member "it-telecom" appears twice in "sector"/,
    },
    { name: "no members", edit: (d: DatasetDefinition) => (d.members.region = []), message: /"region" has no members/ },
    {
      name: "years out of order",
      edit: (d: DatasetDefinition) => (d.historyTo = 2040),
      message: /firstYear ≤ historyTo ≤ lastYear/,
    },
  ])("rejects $name", ({ edit, message }) => {
    const d = broken(edit);
    expect(() => validateDefinition(d)).toThrow(message);
    expect(() => buildCube(d)).toThrow(/Invalid dataset definition/);
  });
});
