import { describe, expect, it } from "vitest";
import { parseQueryKey, parseSeriesQuery } from "./filters";
import {
  answeredQuery,
  canonicalQueryKey,
  normaliseLevers,
  queryFileStem,
  SERIES_KEY_DEFAULTS,
  VIEW_KEY_DEFAULTS,
} from "./key";
import { parseViewState } from "./view-state";

/** The key of an API query string, read as the route reads it. */
function keyOf(qs: string): string {
  const r = parseSeriesQuery(new URLSearchParams(qs));
  if (!r.ok) throw new Error(r.problem.message);
  return canonicalQueryKey(r.value);
}

describe("canonicalQueryKey", () => {
  it.each([
    ["members in another order", "sector=healthcare,bfsi&vendor=openai", "vendor=openai&sector=bfsi,healthcare"],
    ["a list split over repeats", "sector=bfsi&sector=healthcare", "sector=healthcare,bfsi"],
    ["a repeated member", "sector=bfsi,bfsi,healthcare", "sector=healthcare,bfsi"],
    ["the default breakdown spelled out", "by=total&region=europe", "region=europe"],
    ["no forecast spelled out", "forecast=none&by=vendor", "by=vendor"],
    ["JSON spelled out", "format=json&by=vendor", "by=vendor"],
    ["empty lists and levers", "type=&levers=&by=sector", "by=sector"],
    ["reconcile (kept for old links, changes nothing)", "reconcile=true&by=type", "by=type"],
    ["levers in another order", "levers=b-lever:1,a-lever:-2", "levers=a-lever:-2,b-lever:1"],
    ["a level's other spellings", "levers=a-lever:%2B1", "levers=a-lever:01"],
    ["parameters in another order", "to=2030&from=2022&dataset=ds-v1", "dataset=ds-v1&from=2022&to=2030"],
  ])("is equal for %s", (_, a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it.each([
    ["another member", "sector=bfsi", "sector=healthcare"],
    ["the same member in another dimension", "sector=bfsi", "type=bfsi"],
    ["another breakdown", "by=vendor", "by=sector"],
    ["a year", "", "from=2022"],
    ["a pinned version", "", "dataset=ds-v1"],
    ["a forecast", "", "forecast=auto"],
    ["another method", "forecast=auto", "forecast=theta"],
    ["a level's sign", "levers=a-lever:1", "levers=a-lever:-1"],
    ["a lever at zero (it must be checked against the story)", "", "levers=a-lever:0"],
    ["a format", "", "format=csv"],
    ["one slug or two", "sector=a-b", "sector=a,b"],
  ])("differs for %s", (_, a, b) => {
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  it("spells fields in one order, lists sorted, defaults left out", () => {
    expect(keyOf("levers=z:1,a:-1&to=2030&vendor=openai,google&by=vendor&forecast=auto&format=csv")).toBe(
      "by=vendor&vendor=google,openai&to=2030&forecast=auto&levers=a:-1,z:1&format=csv",
    );
    expect(keyOf("")).toBe("");
  });

  it("parses back to the query it was made from", () => {
    for (const qs of [
      "",
      "by=group&group=hyperscalers,hardware&sector=healthcare",
      "by=vendor&vendor=openai,google&from=2022&to=2030&dataset=ds-v1&forecast=theta&format=xlsx",
      "levers=b:2,a:-1&region=europe",
    ]) {
      const parsed = parseSeriesQuery(new URLSearchParams(qs));
      if (!parsed.ok) throw new Error(qs);
      const key = canonicalQueryKey(parsed.value);
      expect(parseQueryKey(key), qs).toEqual(parsed.value);
      expect(canonicalQueryKey(parseQueryKey(key)!), qs).toBe(key);
    }
    expect(parseQueryKey("by=colour")).toBeNull();
  });

  it("keys a page's URL with the page's own defaults", () => {
    const view = (qs: string) => canonicalQueryKey(parseViewState(new URLSearchParams(qs)).value, VIEW_KEY_DEFAULTS);
    expect(view("by=sector&view=absolute&method=auto")).toBe("");
    expect(view("cb=vendor:openai,sector:bfsi&year=2024")).toBe(view("year=2024&cb=sector:bfsi&cb=vendor:openai"));
    expect(view("by=total")).toBe("by=total");
    expect(view("view=share")).not.toBe(view(""));
  });

  it("uses the schema's defaults", () => {
    expect(SERIES_KEY_DEFAULTS).toMatchObject({ by: "total", forecast: "none", format: "json", sector: [] });
    expect(VIEW_KEY_DEFAULTS).toMatchObject({ by: "sector", view: "absolute", method: "auto", ca: [] });
  });
});

describe("normaliseLevers", () => {
  it("sorts by key, keeps a repeated key's order and zeros, and writes levels as integers", () => {
    expect(normaliseLevers("b:+2,a:-01,b:0")).toBe("a:-1,b:2,b:0");
    expect(normaliseLevers("")).toBe("");
    expect(normaliseLevers("b:1,nonsense,a:x")).toBe("a:x,b:1,nonsense");
  });
});

describe("queryFileStem", () => {
  it("names a query field by field, equal for equivalent queries", () => {
    const a = parseSeriesQuery(new URLSearchParams("by=vendor&sector=healthcare,bfsi&levers=b:1,a:-2"));
    const b = parseSeriesQuery(new URLSearchParams("levers=a:-2,b:%2B1&sector=bfsi&sector=healthcare&by=vendor"));
    if (!a.ok || !b.ok) throw new Error("invalid");
    expect(queryFileStem(a.value)).toBe("by-vendor_sector-bfsi.healthcare_levers-a.-2.b.1");
    expect(queryFileStem(b.value)).toBe(queryFileStem(a.value));
    expect(queryFileStem({ sector: ["a-b"] })).not.toBe(queryFileStem({ sector: ["a", "b"] }));
  });

  it("cuts a long name and ends it with the key's hash, still telling queries apart", () => {
    const many = (last: string) => ({ vendor: [...Array.from({ length: 40 }, (_, i) => `vendor-${i}`), last] });
    const x = queryFileStem(many("zz-one"));
    const y = queryFileStem(many("zz-two"));
    expect(x.length).toBeLessThanOrEqual(150);
    expect(x).toMatch(/_[0-9a-f]{8}$/);
    expect(x).not.toBe(y);
  });
});

describe("answeredQuery", () => {
  it("spells out the answer's version and years", () => {
    const q = answeredQuery({
      dataset: { id: "ds-v1" } as never,
      by: "vendor",
      filters: { type: [], sector: ["bfsi"], vendor: [], region: [] },
      from: 2021,
      to: 2032,
      forecast: { basis: "our-forecast" as never, method: "auto", levels: [] },
      scenario: { basis: "scenario", levers: "a:1", levels: { a: 1 }, description: "" },
    });
    expect(canonicalQueryKey(q)).toBe("by=vendor&sector=bfsi&from=2021&to=2032&dataset=ds-v1&forecast=auto&levers=a:1");
  });
});
