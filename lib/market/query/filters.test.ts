import { describe, expect, it } from "vitest";
import { checkAgainstDataset, ignored, parseSeriesQuery, readParams } from "./filters";
import { API_KEYS } from "./schema";
import { parseViewState } from "./view-state";
import type { MemberInfo } from "../types";

const members: MemberInfo[] = [
  { dimension: "vendor", slug: "openai", name: "OpenAI", description: "", sortOrder: 0 },
  { dimension: "vendor", slug: "google", name: "Google", description: "", sortOrder: 1 },
  { dimension: "sector", slug: "healthcare", name: "Healthcare", description: "", sortOrder: 0 },
  { dimension: "type", slug: "general-purpose", name: "General-purpose", description: "", sortOrder: 0 },
  { dimension: "region", slug: "europe", name: "Europe", description: "", sortOrder: 0 },
];
const dataset = { firstYear: 2021, lastYear: 2032 };

describe("readParams", () => {
  it("merges repeated and comma-separated list values without duplicates; a repeated scalar keeps its first value", () => {
    expect(
      readParams(new URLSearchParams("vendor=openai,google&vendor=openai&by=vendor&by=sector"), API_KEYS).values,
    ).toEqual({
      vendor: ["openai", "google"],
      by: "vendor",
    });
  });
  it("accepts a record of strings and arrays", () => {
    expect(readParams({ sector: ["healthcare", "bfsi,education"], from: "2022" }, API_KEYS).values).toEqual({
      sector: ["healthcare", "bfsi", "education"],
      from: 2022,
    });
  });
});

describe("parseSeriesQuery (strict, the API)", () => {
  it("applies defaults", () => {
    const r = parseSeriesQuery(new URLSearchParams(""));
    expect(r).toEqual({
      ok: true,
      value: { by: "total", type: [], sector: [], vendor: [], region: [], group: [], format: "json", forecast: "none" },
    });
  });
  it.each([
    ["by=colour", "by"],
    ["from=20x4", "from"],
    ["to=2024.5", "to"],
    ["from=1800", "from"],
    ["vendor=Open%20AI", "vendor"],
    ["from=2030&to=2025", "from"],
    ["dataset=../etc", "dataset"],
    ["format=pdf", "format"],
    ["forecast=magic", "forecast"],
    ["reconcile=maybe", "reconcile"],
    ["colour=red", "colour"],
  ])("rejects %s naming %s", (qs, param) => {
    const r = parseSeriesQuery(new URLSearchParams(qs));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.param).toBe(param);
      expect(r.problem.message).toContain(param);
    }
  });
  it("reads a group filter and a group breakdown, its list in its one spelling (sorted)", () => {
    const r = parseSeriesQuery(new URLSearchParams("by=group&group=hyperscalers,hardware&group=hardware"));
    expect(r.ok && r.value).toMatchObject({ by: "group", group: ["hardware", "hyperscalers"] });
    const bad = parseSeriesQuery(new URLSearchParams("group=Big%20Tech"));
    expect(bad).toMatchObject({ ok: false, problem: { param: "group" } });
  });
  it("coerces years and reads format and forecast; reconcile is accepted and changes nothing", () => {
    const r = parseSeriesQuery(
      new URLSearchParams("from=2022&to=2030&by=region&format=csv&forecast=theta&reconcile=true"),
    );
    expect(r.ok && r.value).toEqual({
      by: "region",
      type: [],
      sector: [],
      vendor: [],
      region: [],
      group: [],
      from: 2022,
      to: 2030,
      format: "csv",
      forecast: "theta",
    });
  });
});

describe("parseViewState (lenient, the pages)", () => {
  it("keeps the valid parameters and reports each invalid one", () => {
    const { value, notices } = parseViewState(
      new URLSearchParams("by=colour&from=2023&to=abc&vendor=openai,Bad%20One&method=magic"),
    );
    expect(value).toMatchObject({ by: "sector", from: 2023, vendor: ["openai"], method: "auto" });
    expect(value.to).toBeUndefined();
    expect(notices.map((n) => n.param)).toEqual(["by", "to", "vendor", "method"]);
    expect(notices.every((n) => n.message.startsWith("Ignored"))).toBe(true);
  });
  it("ignores parameters pages do not use, without a notice", () => {
    expect(parseViewState({ utm_source: "x", format: "csv" }).notices).toEqual([]);
  });
});

describe("checkAgainstDataset", () => {
  const parse = (qs: string) => {
    const r = parseSeriesQuery(new URLSearchParams(qs));
    if (!r.ok) throw new Error(r.problem.message);
    return r.value;
  };
  it("resolves the default year range to the dataset's", () => {
    const r = checkAgainstDataset(parse(""), dataset, members);
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({ from: 2021, to: 2032 });
  });
  it.each([
    ["vendor=openai,nobody", "vendor", /nobody/],
    ["sector=mining", "sector", /mining/],
    ["from=2019", "from", /2021-2032/],
    ["to=2033", "to", /2021-2032/],
  ])("finds a problem with %s", (qs, param, message) => {
    const r = checkAgainstDataset(parse(qs), dataset, members);
    expect(r.problems[0].param).toBe(param);
    expect(r.problems[0].message).toMatch(message);
  });
  it("drops unknown members and out-of-range years for lenient callers", () => {
    const { value, problems } = checkAgainstDataset(
      { type: [], sector: ["healthcare", "mining"], vendor: [], region: [], from: 2010, to: 2030 },
      dataset,
      members,
    );
    expect(value.sector).toEqual(["healthcare"]);
    expect(value.from).toBe(2021);
    expect(value.to).toBe(2030);
    expect(problems.map((n) => n.param)).toEqual(["sector", "from"]);
    expect(problems.map((p) => ignored(p).message)).toEqual([
      "Ignored unknown sector: mining",
      "Ignored from 2010: the data covers 2021-2032",
    ]);
  });
});
