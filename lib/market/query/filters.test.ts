import { describe, expect, it } from "vitest";
import {
  checkQueryAgainstDataset,
  collectParams,
  parseSeriesQuery,
  parseSeriesQueryLenient,
  reconcileQueryWithDataset,
} from "./filters";
import type { MemberInfo } from "../types";

const members: MemberInfo[] = [
  { dimension: "vendor", slug: "openai", name: "OpenAI", description: "", sortOrder: 0 },
  { dimension: "vendor", slug: "google", name: "Google", description: "", sortOrder: 1 },
  { dimension: "sector", slug: "healthcare", name: "Healthcare", description: "", sortOrder: 0 },
  { dimension: "type", slug: "general-purpose", name: "General-purpose", description: "", sortOrder: 0 },
  { dimension: "region", slug: "europe", name: "Europe", description: "", sortOrder: 0 },
];
const dataset = { firstYear: 2021, lastYear: 2032 };

describe("collectParams", () => {
  it("merges repeated and comma-separated list values, without duplicates", () => {
    expect(collectParams(new URLSearchParams("vendor=openai,google&vendor=openai&by=vendor&by=sector"))).toEqual({
      vendor: ["openai", "google"],
      by: "vendor",
    });
  });
  it("accepts a record of strings and arrays", () => {
    expect(collectParams({ sector: ["healthcare", "bfsi,education"], from: "2022" })).toEqual({
      sector: ["healthcare", "bfsi", "education"],
      from: "2022",
    });
  });
});

describe("parseSeriesQuery (strict)", () => {
  it("applies defaults", () => {
    const r = parseSeriesQuery(new URLSearchParams(""));
    expect(r).toEqual({ ok: true, value: { by: "total", type: [], sector: [], vendor: [], region: [] } });
  });
  it.each([
    ["by=colour", "by"],
    ["from=20x4", "from"],
    ["to=2024.5", "to"],
    ["from=1800", "from"],
    ["vendor=Open%20AI", "vendor"],
    ["from=2030&to=2025", "from"],
    ["dataset=../etc", "dataset"],
  ])("rejects %s naming %s", (qs, param) => {
    const r = parseSeriesQuery(new URLSearchParams(qs));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.param).toBe(param);
      expect(r.problem.message.startsWith(param)).toBe(true);
    }
  });
  it("coerces years", () => {
    const r = parseSeriesQuery(new URLSearchParams("from=2022&to=2030&by=region"));
    expect(r.ok && r.value).toMatchObject({ from: 2022, to: 2030, by: "region" });
  });
});

describe("parseSeriesQueryLenient", () => {
  it("keeps the valid parameters and reports each invalid one", () => {
    const { value, notices } = parseSeriesQueryLenient(new URLSearchParams("by=colour&from=2023&to=abc&vendor=openai"));
    expect(value).toMatchObject({ by: "total", from: 2023, vendor: ["openai"] });
    expect(value.to).toBeUndefined();
    expect(notices.map((n) => n.param)).toEqual(["by", "to"]);
  });
  it("drops an inverted year range", () => {
    const { value, notices } = parseSeriesQueryLenient({ from: "2030", to: "2022" });
    expect(value.from).toBeUndefined();
    expect(notices).toHaveLength(1);
  });
});

describe("checkQueryAgainstDataset", () => {
  const parse = (qs: string) => {
    const r = parseSeriesQuery(new URLSearchParams(qs));
    if (!r.ok) throw new Error(r.problem.message);
    return r.value;
  };
  it("resolves the default year range to the dataset's", () => {
    expect(checkQueryAgainstDataset(parse(""), dataset, members)).toEqual({ ok: true, value: { from: 2021, to: 2032 } });
  });
  it.each([
    ["vendor=openai,nobody", "vendor", /nobody/],
    ["sector=mining", "sector", /mining/],
    ["from=2019", "from", /2021-2032/],
    ["to=2033", "to", /2021-2032/],
  ])("rejects %s", (qs, param, message) => {
    const r = checkQueryAgainstDataset(parse(qs), dataset, members);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.param).toBe(param);
      expect(r.problem.message).toMatch(message);
    }
  });
});

describe("reconcileQueryWithDataset (lenient)", () => {
  it("drops unknown members and out-of-range years with notices", () => {
    const { value, notices } = reconcileQueryWithDataset(
      { by: "vendor", type: [], sector: ["healthcare", "mining"], vendor: [], region: [], from: 2010, to: 2030 },
      dataset,
      members,
    );
    expect(value.sector).toEqual(["healthcare"]);
    expect(value.from).toBe(2021);
    expect(value.to).toBe(2030);
    expect(notices.map((n) => n.param)).toEqual(["sector", "from"]);
  });
});
