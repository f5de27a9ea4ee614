import { describe, expect, it } from "vitest";
import { aggregateCube, packCube, type CubeCell } from "./cube-aggregate";

const cells: CubeCell[] = [];
for (const year of [2024, 2025])
  for (const type of ["a", "b"])
    for (const sector of ["s1", "s2"])
      for (const vendor of ["v1", "v2"])
        for (const region of ["r1"])
          cells.push({
            year,
            type,
            sector,
            vendor,
            region,
            value: (year - 2023) * (type === "a" ? 1 : 10) * (vendor === "v1" ? 1 : 100),
          });
const none = { type: [], sector: [], vendor: [], region: [] };
const cube = packCube(cells);
const sorted = (rows: { year: number; key: string; value: number }[]) =>
  [...rows].sort((x, y) => x.year - y.year || x.key.localeCompare(y.key));

describe("aggregateCube", () => {
  it.each([
    [
      "total, all",
      { by: "total" as const, filters: none, from: 2024, to: 2025 },
      [
        { year: 2024, key: "total", value: 2 * (1 + 10) * 101 },
        { year: 2025, key: "total", value: 4 * (1 + 10) * 101 },
      ],
    ],
    [
      "by type, one year",
      { by: "type" as const, filters: none, from: 2025, to: 2025 },
      [
        { year: 2025, key: "a", value: 2 * 2 * 101 },
        { year: 2025, key: "b", value: 2 * 20 * 101 },
      ],
    ],
    [
      "by vendor, filtered type",
      { by: "vendor" as const, filters: { ...none, type: ["b"] }, from: 2024, to: 2024 },
      [
        { year: 2024, key: "v1", value: 20 },
        { year: 2024, key: "v2", value: 2000 },
      ],
    ],
    [
      "multi-valued filter",
      { by: "total" as const, filters: { ...none, vendor: ["v1", "v2"], sector: ["s1"] }, from: 2024, to: 2024 },
      [{ year: 2024, key: "total", value: 11 * 101 }],
    ],
    [
      "filter matching nothing",
      { by: "total" as const, filters: { ...none, region: ["r9"] }, from: 2024, to: 2025 },
      [],
    ],
  ])("%s", (_name, q, expected) => {
    expect(sorted(aggregateCube(cube, q))).toEqual(sorted(expected));
  });
});
