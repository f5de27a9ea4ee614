import { describe, expect, it } from "vitest";
import type { SeriesDataset } from "../query/api";
import type { MemberInfo } from "../types";
import { aggregate, denseCubeFromCells, type CubeCell } from "./engine";
import { cubeFromWire, cubeToWire, localCanAnswer, localCube, localSeriesView } from "./cube-wire";
import { buildForecastCube, sliceForecast } from "./forecast-cube";

const cells: CubeCell[] = [];
for (const year of [2024, 2025, 2026])
  for (const type of ["a", "b"])
    for (const sector of ["s1", "s2"])
      for (const vendor of ["v1", "others"])
        cells.push({
          year,
          type,
          sector,
          vendor,
          region: "r1",
          value: (year - 2023) * (type === "a" ? 1.1 : 10.3) * (vendor === "v1" ? 1 : 100),
        });
const cube = denseCubeFromCells(cells);
const member = (dimension: MemberInfo["dimension"], slug: string, sortOrder: number): MemberInfo => ({
  dimension,
  slug,
  name: slug.toUpperCase(),
  description: "",
  sortOrder,
});
const members = [
  member("type", "b", 0),
  member("type", "a", 1),
  member("sector", "s1", 0),
  member("sector", "s2", 1),
  member("vendor", "v1", 0),
  member("vendor", "others", 1),
  member("region", "r1", 0),
];
const dataset = {
  id: "d",
  title: "D",
  publisher: "P",
  edition: null,
  unit: "US$ M",
  currency: "USD",
  historyTo: 2025,
  firstYear: 2024,
  lastYear: 2026,
  status: "active",
  version: 1,
} as unknown as SeriesDataset;
const ctx = { dataset, members, publishedYears: [2024] };
const none = { type: [], sector: [], vendor: [], region: [] };
const market = {
  method: "auto:test",
  points: [{ year: 2026, mean: 1_000, lower: { "80": 900, "95": 800 }, upper: { "80": 1_100, "95": 1_300 } }],
};
const local = { cube, forecast: null };

describe("the cube on the wire", () => {
  it("survives JSON both ways with every value bit-identical", () => {
    const back = cubeFromWire(JSON.parse(JSON.stringify(cubeToWire("d", cube))));
    expect(Array.from(back.micro)).toEqual(Array.from(cube.micro));
    expect(back.shape).toEqual(cube.shape);
    expect(aggregate(back, { by: "type", filters: none, from: 2024, to: 2026 })).toEqual(
      aggregate(cube, { by: "type", filters: none, from: 2024, to: 2026 }),
    );
  });
});

describe("localSeriesView", () => {
  it("shapes like the API: members in their order, published only on the unfiltered total, outlook after the history, years cut", () => {
    const total = localSeriesView(local, ctx, { by: "total", ...none });
    expect(total?.series[0].points.map((p) => p.basis)).toEqual(["published", "modelled", "outlook"]);
    const byType = localSeriesView(local, ctx, { by: "type", ...none, sector: ["s1"], from: 2025, to: 2026 });
    expect(byType?.series.map((s) => s.key)).toEqual(["b", "a"]);
    expect(byType?.series[0].points.map((p) => p.year)).toEqual([2025, 2026]);
    expect(byType?.series[0].points.map((p) => p.basis)).toEqual(["modelled", "outlook"]);
    expect(byType?.series[1].points[0].value).toBeCloseTo(2 * 1.1 * 101, 9);
    // The same filters as the API answers, player groups included.
    expect(byType?.filters).toEqual({ ...none, sector: ["s1"], group: [] });
  });
  it("splits the market forecast as the server does: the whole market's own, a slice's from its cells", () => {
    const withFc = localCube(JSON.parse(JSON.stringify(cubeToWire("d", cube, { method: "auto", market }))), 2025);
    const whole = localSeriesView(withFc, ctx, { by: "total", ...none, forecast: "auto" });
    expect(whole?.series[0].forecast).toEqual(market);
    const byVendor = localSeriesView(withFc, ctx, { by: "vendor", ...none, type: ["a"], forecast: "auto" });
    const expected = sliceForecast(buildForecastCube(cube, 2025, market), {
      by: "vendor",
      filters: { ...none, type: ["a"] },
    });
    expect(byVendor?.series.map((s) => s.forecast)).toEqual(byVendor?.series.map((s) => expected.get(s.key)));
    expect(byVendor?.forecast?.method).toBe("auto");
    // Another method than the one the cube carries goes to the server.
    expect(localSeriesView(withFc, ctx, { by: "total", ...none, forecast: "theta" })).toBeNull();
  });
  it("leaves forecasts, unknown members and years outside the data to the server", () => {
    expect(localSeriesView(local, ctx, { by: "total", ...none, forecast: "auto" })).toBeNull();
    expect(localSeriesView(local, ctx, { by: "total", ...none, vendor: ["nobody"] })).toBeNull();
    expect(localSeriesView(local, ctx, { by: "total", ...none, from: 2020 })).toBeNull();
  });
  it("says without summing whether it can answer: exactly when localSeriesView gives a view", () => {
    const withFc = localCube(JSON.parse(JSON.stringify(cubeToWire("d", cube, { method: "auto", market }))), 2025);
    const withGroups = { ...ctx, groups: [{ key: "g1", title: "Group one", members: ["v1"] }] };
    const requests = [
      { by: "total" as const, ...none },
      { by: "type" as const, ...none, sector: ["s1"], from: 2025, to: 2026 },
      { by: "total" as const, ...none, forecast: "auto" as const },
      { by: "total" as const, ...none, forecast: "theta" as const },
      { by: "total" as const, ...none, vendor: ["nobody"] },
      { by: "total" as const, ...none, from: 2020 },
      { by: "total" as const, ...none, from: 2026, to: 2025 },
      { by: "group" as const, ...none },
      { by: "type" as const, ...none, group: ["g1"] },
      { by: "type" as const, ...none, group: ["nope"] },
    ];
    const answers = [];
    for (const c of [local, withFc])
      for (const x of [ctx, withGroups])
        for (const r of requests) {
          const can = localCanAnswer(c, x, r);
          expect(can, JSON.stringify(r)).toBe(localSeriesView(c, x, r) !== null);
          answers.push(can);
        }
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });
});

describe("player groups in the browser", () => {
  const groups = [{ key: "g1", title: "Group one", members: ["v1"] }];
  const withGroups = { ...ctx, groups };
  it("sums a by=group breakdown from the vendors: the group, then Others, adding up to the total", () => {
    const view = localSeriesView(local, withGroups, { ...none, by: "group" })!;
    expect(view.series.map((s) => [s.key, s.label])).toEqual([
      ["g1", "Group one"],
      ["others", "Others"],
    ]);
    const vendors = localSeriesView(local, ctx, { ...none, by: "vendor" })!;
    expect(view.series.map((s) => s.points)).toEqual(vendors.series.map((s) => s.points));
  });
  it("filters by a group as by its vendors, and leaves the request to the server without the groups", () => {
    const viaGroup = localSeriesView(local, withGroups, { ...none, group: ["g1"], by: "type" })!;
    const viaVendor = localSeriesView(local, ctx, { ...none, vendor: ["v1"], by: "type" })!;
    expect(viaGroup.series).toEqual(viaVendor.series);
    expect(localSeriesView(local, ctx, { ...none, by: "group" })).toBeNull();
    expect(localSeriesView(local, withGroups, { ...none, group: ["nope"], by: "total" })).toBeNull();
  });
});

describe("a scenario summed in the browser", () => {
  const story = {
    drivers: [
      {
        key: "up",
        title: "Up",
        summary: "s",
        moves: [{ dimension: "type" as const, member: "a", direction: "raises" as const }],
        steps: [{ dimension: "type" as const, member: "a", step: 0.1 }],
      },
    ],
    trends: [],
  };
  const scenarioCtx = { ...ctx, story };

  it("moves the segment after the history only, marks those years scenario and echoes the levers", () => {
    const base = localSeriesView(local, scenarioCtx, { by: "type", ...none })!;
    const moved = localSeriesView(local, scenarioCtx, { by: "type", ...none, levers: "up:2" })!;
    expect(moved.scenario).toMatchObject({ basis: "scenario", levers: "up:2", levels: { up: 2 } });
    const a = (v: typeof base) => v.series.find((s) => s.key === "a")!.points;
    expect(a(moved).find((p) => p.year === 2025)).toEqual(a(base).find((p) => p.year === 2025));
    const p2026 = a(moved).find((p) => p.year === 2026)!;
    expect(p2026.basis).toBe("scenario");
    // One year after the history at +2 with a step of 0.1: ×1.2.
    expect(p2026.value).toBeCloseTo(a(base).find((p) => p.year === 2026)!.value * 1.2, 5);
    const b = (v: typeof base) => v.series.find((s) => s.key === "b")!.points.find((p) => p.year === 2026)!.value;
    expect(b(moved)).toBe(b(base));
  });

  it("gives the same figures as the server's path (the engine over the same scenario cube)", async () => {
    const { applyScenario } = await import("../scenario/apply");
    const { leversOf } = await import("../scenario/levers");
    const moved = applyScenario(cube, { levers: leversOf(story), levels: { up: -1 }, historyTo: 2025, groups: [] });
    const server = aggregate(moved, { by: "sector", filters: none, from: 2024, to: 2026 });
    const view = localSeriesView(local, scenarioCtx, { by: "sector", ...none, levers: "up:-1" })!;
    for (const r of server)
      expect(view.series.find((s) => s.key === r.key)!.points.find((p) => p.year === r.year)!.value).toBe(r.value);
  });

  it("does not answer levers the version does not have (the server names them in a 400)", () => {
    expect(localSeriesView(local, scenarioCtx, { by: "total", ...none, levers: "nope:1" })).toBeNull();
  });
});
