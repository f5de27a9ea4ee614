import { describe, expect, it } from "vitest";
import { chartSignature } from "./description";
import { describeRanking, describeStacked, describeTotal } from "./describe";
import { CATEGORICAL, memberColor, OTHERS_COLOR, ROLE, STACK_OVERLAY } from "./palette";

const common = {
  id: "t",
  title: "T",
  subtitle: "S",
  historyTo: 2025,
  publisher: "QYResearch",
  datasetId: "d1",
  currency: "USD",
  permalink: "",
};
const ORDER = ["openai", "google", "microsoft", "anthropic", "ibm", "others"];
const YEARS = [2024, 2025, 2026, 2027];

describe("palette", () => {
  it("gives a member the same colour whatever else is shown, and Others grey", () => {
    expect(memberColor(ORDER, "anthropic")).toBe(CATEGORICAL[3]);
    expect(memberColor(ORDER, "ibm")).toBe(CATEGORICAL[4]);
    expect(memberColor(ORDER, "others")).toBe(OTHERS_COLOR);
    // A key the order does not know still gets a colour, the same one each time.
    expect(memberColor(ORDER, "newcomer")).toBe(memberColor(ORDER, "newcomer"));
  });
});

describe("describeStacked", () => {
  const rows = YEARS.map((year) => ({ year, phase: "history" as const, others: 5, ibm: 1, anthropic: 2 }));
  const keys = [
    { key: "others", label: "Others" },
    { key: "ibm", label: "IBM" },
    { key: "anthropic", label: "Anthropic" },
  ];

  it("stacks bars, keeps the order with Others last, colours by member", () => {
    const d = describeStacked({ ...common, rows, keys, share: false, memberOrder: ORDER });
    expect(chartSignature(d)).toEqual({
      kind: "stacked-bar",
      series: [
        { key: "ibm", color: CATEGORICAL[4].toLowerCase() },
        { key: "anthropic", color: CATEGORICAL[3].toLowerCase() },
        { key: "others", color: OTHERS_COLOR.toLowerCase() },
      ],
    });
    // Filtering IBM out leaves Anthropic's colour alone.
    const filtered = describeStacked({
      ...common,
      rows,
      keys: keys.filter((k) => k.key !== "ibm"),
      share: false,
      memberOrder: ORDER,
    });
    expect(filtered.series.find((s) => s.key === "anthropic")?.color).toBe(CATEGORICAL[3]);
  });

  it("draws our forecast of the total over the bars from the last history year's stack, with the 80% band only", () => {
    const forecast = {
      method: "auto:drift+share-trend",
      points: [2026, 2027].map((year) => ({
        year,
        mean: 9,
        lower: { "80": 8, "95": 7 },
        upper: { "80": 10, "95": 11 },
      })),
    };
    const d = describeStacked({ ...common, rows, keys, share: false, memberOrder: ORDER, forecast });
    // The bars stay the data; the overlay is an extra series in its own colour, no member's.
    expect(d.series.map((s) => s.points.map((p) => p.value))).toEqual([
      [1, 1, 1, 1],
      [2, 2, 2, 2],
      [5, 5, 5, 5],
    ]);
    expect(d.forecast?.label).toBe("Our forecast (auto: random walk with drift, split by share trend)");
    expect(d.forecast?.points).toEqual([
      { year: 2025, value: 8 },
      { year: 2026, value: 9 },
      { year: 2027, value: 9 },
    ]);
    expect(d.forecast?.bands).toEqual([
      {
        level: 80,
        points: [
          { year: 2025, lower: 8, upper: 8 },
          { year: 2026, lower: 8, upper: 10 },
          { year: 2027, lower: 8, upper: 10 },
        ],
      },
    ]);
    expect(chartSignature(d).series.at(-1)).toEqual({ key: "forecast", color: STACK_OVERLAY.toLowerCase() });
    expect(CATEGORICAL.map((c) => c.toLowerCase())).not.toContain(STACK_OVERLAY.toLowerCase());
    // As shares every stack is 100%: no overlay.
    expect(
      describeStacked({ ...common, rows, keys, share: true, memberOrder: ORDER, forecast }).forecast,
    ).toBeUndefined();
  });
});

describe("describeTotal", () => {
  const series = {
    key: "total",
    label: "Total",
    points: YEARS.map((year) => ({
      year,
      value: year * 10 - 20000,
      basis: year === 2024 ? ("published" as const) : ("modelled" as const),
    })),
    forecast: {
      method: "ets",
      points: [2026, 2027].map((year) => ({
        year,
        mean: 300,
        lower: { "80": 250, "95": 200 },
        upper: { "80": 350, "95": 400 },
      })),
    },
  };

  it("starts outlook, forecast and bands at the last history year, so there is no gap after it", () => {
    const d = describeTotal({ ...common, series, showOutlook: true });
    const last = series.points.find((p) => p.year === 2025)!.value;
    expect(d.series[0].points.map((p) => p.year)).toEqual([2024, 2025]);
    expect(d.outlook?.points[0]).toMatchObject({ year: 2025, value: last });
    expect(d.forecast?.points[0]).toEqual({ year: 2025, value: last });
    for (const band of d.forecast!.bands) expect(band.points[0]).toEqual({ year: 2025, lower: last, upper: last });
    expect(chartSignature(d).series.map((s) => s.color)).toEqual(
      [ROLE.history, ROLE.outlook, ROLE.forecast].map((c) => c.toLowerCase()),
    );
  });
});

describe("describeRanking", () => {
  it("has one entry per vendor in its palette colour, Others last and unranked", () => {
    const rows = [
      { key: "others", label: "Others", value: 50, share: 0.5, rank: null, previousRank: null, rankChange: null },
      { key: "ibm", label: "IBM", value: 30, share: 0.3, rank: 1, previousRank: 1, rankChange: 0 },
      { key: "openai", label: "OpenAI", value: 20, share: 0.2, rank: 2, previousRank: 2, rankChange: 0 },
    ];
    const d = describeRanking({ ...common, year: 2025, rows, memberOrder: ORDER });
    expect(d.ranking?.entries.map((e) => [e.key, e.color, e.rank])).toEqual([
      ["ibm", CATEGORICAL[4], 1],
      ["openai", CATEGORICAL[0], 2],
      ["others", OTHERS_COLOR, null],
    ]);
  });
});
