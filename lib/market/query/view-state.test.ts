import { describe, expect, it } from "vitest";
import { METHODS } from "../../forecast";
import {
  FORECAST_METHODS,
  VIEW_DEFAULTS,
  defaultYear,
  forecastParam,
  parseViewState,
  resolveViewState,
  seriesApiQuery,
  sliceFilters,
  memberFilters,
  toggleFilter,
} from "./view-state";
import type { MemberInfo } from "../types";

const members: MemberInfo[] = [
  { dimension: "sector", slug: "healthcare", name: "Healthcare", description: "", sortOrder: 1 },
  { dimension: "sector", slug: "bfsi", name: "BFSI", description: "", sortOrder: 2 },
  { dimension: "vendor", slug: "openai", name: "OpenAI", description: "", sortOrder: 1 },
  { dimension: "region", slug: "europe", name: "Europe", description: "", sortOrder: 1 },
];
const dataset = { id: "ds-v1", firstYear: 2021, historyTo: 2025, lastYear: 2032 };

describe("parseViewState", () => {
  it.each([
    ["", { ...VIEW_DEFAULTS }, []],
    ["by=vendor&view=share&method=theta", { by: "vendor", view: "share", method: "theta" }, []],
    ["sector=healthcare,bfsi&sector=healthcare", { sector: ["healthcare", "bfsi"] }, []],
    ["sector=Health!,bfsi", { sector: ["bfsi"] }, ["sector"]],
    ["by=colour", { by: "sector" }, ["by"]],
    ["view=pie&method=magic", { view: "absolute", method: "auto" }, ["view", "method"]],
    ["from=abc&to=2030&year=20x4", { from: undefined, to: 2030, year: undefined }, ["from", "year"]],
    [
      "ca=sector:healthcare,region:europe&cb=colour:red",
      { ca: ["sector:healthcare", "region:europe"], cb: [] },
      ["cb"],
    ],
    ["dataset=BAD ID", { dataset: undefined }, ["dataset"]],
    ["unknown=1", {}, []],
  ])("%s", (qs, expected, noticeParams) => {
    const { value, notices } = parseViewState(new URLSearchParams(qs));
    for (const [k, v] of Object.entries(expected)) expect(value[k as keyof typeof value], k).toEqual(v);
    expect(notices.map((n) => n.param)).toEqual(noticeParams);
  });

  it("reads record params (Next's searchParams) like URLSearchParams", () => {
    expect(parseViewState({ sector: ["healthcare", "bfsi"], year: "2024" }).value).toMatchObject({
      sector: ["healthcare", "bfsi"],
      year: 2024,
    });
  });
});

describe("resolveViewState", () => {
  it.each([
    ["", { from: 2021, to: 2032, year: 2024 }, []],
    ["sector=healthcare,mining", { sector: ["healthcare"] }, ["sector"]],
    ["from=2010&to=2030", { from: 2021, to: 2030 }, ["from"]],
    ["from=2030&to=2022", { from: 2021, to: 2032 }, ["from"]],
    ["year=2040", { year: 2024 }, ["year"]],
    ["ca=sector:mining&cb=vendor:openai", { ca: [], cb: ["vendor:openai"] }, ["ca"]],
    ["dataset=other-v9", { dataset: undefined }, ["dataset"]],
    ["dataset=ds-v1", { dataset: "ds-v1" }, []],
  ])("%s", (qs, expected, noticeParams) => {
    const parsed = parseViewState(new URLSearchParams(qs));
    const { value, notices } = resolveViewState(parsed.value, dataset, members, 2024);
    for (const [k, v] of Object.entries(expected)) expect(value[k as keyof typeof value], k).toEqual(v);
    expect(notices.map((n) => n.param)).toEqual(noticeParams);
  });
});

describe("helpers", () => {
  it("mirrors the forecast library's method list", () => {
    expect([...FORECAST_METHODS]).toEqual([...METHODS]);
  });

  it.each([
    [[2024, 2031], 2024],
    [[2031], 2025],
    [[], 2025],
  ])("defaultYear with published %j is %i", (published, year) => {
    expect(defaultYear(dataset, published)).toBe(year);
  });

  it.each([
    [{ by: "total" as const }, ""],
    [
      { by: "sector" as const, vendor: ["openai", "google"], from: 2022, forecast: "auto" as const },
      "by=sector&vendor=google,openai&from=2022&forecast=auto",
    ],
    [{ by: "region" as const, forecast: "none" as const, dataset: "ds-v1" }, "by=region&dataset=ds-v1"],
  ])("seriesApiQuery %j", (p, qs) => {
    expect(seriesApiQuery({ type: [], sector: [], vendor: [], region: [], ...p })).toBe(qs);
  });

  it("maps the outlook choice to no forecast", () => {
    expect(forecastParam("outlook")).toBe("none");
    expect(forecastParam("theta")).toBe("theta");
  });

  it("groups compared slice items by dimension", () => {
    expect(sliceFilters(["sector:healthcare", "region:europe", "sector:bfsi"])).toEqual({
      type: [],
      sector: ["healthcare", "bfsi"],
      vendor: [],
      region: ["europe"],
    });
  });

  it("toggles a cross-filter on and off", () => {
    const none = { type: [], sector: [], vendor: [], region: [] };
    const on = toggleFilter(none, "sector", "healthcare");
    expect(on.sector).toEqual(["healthcare"]);
    expect(toggleFilter(on, "sector", "healthcare").sector).toEqual([]);
  });

  it("fixes a member page's own member and keeps the other cross-filters", () => {
    const url = { type: [], sector: ["bfsi"], vendor: [], region: ["europe"] };
    expect(memberFilters(url, "sector", "healthcare")).toEqual({
      type: [],
      sector: ["healthcare"],
      vendor: [],
      region: ["europe"],
      group: [],
    });
    expect(memberFilters(url, "vendor", "openai")).toEqual({
      type: [],
      sector: ["bfsi"],
      vendor: ["openai"],
      region: ["europe"],
      group: [],
    });
  });
});
