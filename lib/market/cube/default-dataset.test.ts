import { describe, expect, it } from "vitest";
import { defaultDataset as def } from "@/prisma/data/default-dataset";
import { DIMENSIONS } from "../types";

describe("default dataset definition", () => {
  it.each([
    { dim: "type", count: 3 },
    { dim: "sector", count: 9 },
    { dim: "vendor", count: 16 },
    { dim: "region", count: 5 },
  ] as const)("has $count $dim members, each named and described", ({ dim, count }) => {
    expect(def.members[dim]).toHaveLength(count);
    for (const m of def.members[dim]) {
      expect(m.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.name.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(10);
    }
  });

  it("gives every sector its use cases and every vendor its group", () => {
    for (const s of def.members.sector) expect(s.useCases?.length).toBeGreaterThan(0);
    for (const v of def.members.vendor) expect(v.group).toBeDefined();
    const groupOf = (slug: string) => def.members.vendor.find((v) => v.slug === slug)?.group;
    expect(groupOf("nvidia")).toBe("hardware");
    expect(groupOf("rasa")).toBe("application-specialist");
    expect(groupOf("anthropic")).toBe("specialist");
    expect(groupOf("others")).toBe("other");
  });

  it("has no two members of a split tied at an anchor year (a tie of round shares is an artefact)", () => {
    for (const m of def.marginals)
      for (const a of m.anchors) {
        const values = Object.values(a.shares);
        expect(new Set(values).size, `${m.dimension} ${a.year}`).toBe(values.length);
      }
  });

  it("has a total for every year 2021-2032, published only for 2024 and 2031", () => {
    expect(def.totals.map((t) => t.year).sort()).toEqual(Array.from({ length: 12 }, (_, i) => 2021 + i));
    expect(
      def.totals
        .filter((t) => t.basis === "published")
        .map((t) => t.year)
        .sort(),
    ).toEqual([2024, 2031]);
    for (const t of def.totals) expect(t.note.length).toBeGreaterThan(0);
    for (const t of def.totals.filter((x) => x.basis === "published")) expect(t.source?.url).toMatch(/^https:\/\//);
  });

  it("keeps the totals rising year on year", () => {
    const values = [...def.totals].sort((a, b) => a.year - b.year).map((t) => t.value);
    values.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(values[i]));
  });

  it("writes each anchor's shares to sum to 1", () => {
    for (const m of def.marginals) {
      for (const a of m.anchors) {
        const sum = Object.values(a.shares).reduce((x, y) => x + y, 0);
        expect(Math.abs(sum - 1), `${m.dimension} ${a.year}`).toBeLessThan(1e-9);
      }
    }
  });

  it("documents every marginal and affinity", () => {
    expect(def.marginals.map((m) => m.dimension).sort()).toEqual([...DIMENSIONS].sort());
    for (const m of def.marginals) {
      expect(m.method.length).toBeGreaterThan(100);
      expect(m.sources.length).toBeGreaterThan(0);
    }
    for (const a of def.affinities) expect(a.reason.length).toBeGreaterThan(50);
  });

  it("carries the three published figures and the publisher's outlook", () => {
    expect(def.published.map((p) => p.value)).toEqual([8934, 19700, 0.121]);
    expect(def.outlook).toMatchObject({
      publisher: "QYResearch",
      year: 2031,
      value: 19700,
      cagr: 0.121,
      cagrFrom: 2025,
      cagrTo: 2031,
    });
  });

  it("lists the other estimates with sources and a verification code", () => {
    expect(def.otherEstimates.length).toBeGreaterThanOrEqual(9);
    for (const e of def.otherEstimates) {
      expect(e.source.label.length).toBeGreaterThan(0);
      expect(["V", "S", "U"]).toContain(e.verification);
      expect(e.baseValue).toBeGreaterThan(0);
      if (e.source.url) expect(e.source.url).toMatch(/^https:\/\//);
    }
  });
});
